// Minimal Mocha globals for type checking the browser tests (web-test-runner provides Mocha at run
// time; @types/mocha is not installed). Remove this file if @types/mocha is added.
declare function describe(title: string, fn: (this: unknown) => void): void;
declare function it(title: string, fn?: (this: unknown) => void | Promise<unknown>): void;
declare function before(fn: () => void | Promise<unknown>): void;
declare function after(fn: () => void | Promise<unknown>): void;
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
