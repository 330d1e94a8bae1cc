// web-test-runner: element and browser tests in real Chromium (Debian's, via puppeteer-core).
// TypeScript is compiled per file by esbuild; @microcred/* resolve to package sources; the public
// test vectors in ../shared/vectors are served read-only at /vectors/.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countingReporter } from './scripts/wtr/counting-reporter.mjs';
import { timingReporter } from './scripts/wtr/timing-reporter.mjs';
import {
  dragCommandPlugin,
  printableFailuresPlugin,
  sourceAliasPlugin,
  strictCspMiddleware,
  vendorAppPlugin,
  vectorsMiddleware,
  verifierEnginePlugin,
  workerSourceMiddleware,
} from './scripts/wtr/plugins.mjs';
import { chromeArgs, chromePath } from './scripts/chrome.mjs';

const ci = process.env.CI === 'true';

export default {
  rootDir: '.',
  files: ['test/elements/**/*.test.ts', 'test/embed/**/*.test.ts', 'test/vendor/**/*.test.ts'],
  // browser: a package's "browser" field mapping is honoured, as Vite does in the build (e.g.
  // @digitalbazaar/bbs-signatures maps its node:crypto module to the browser's crypto).
  nodeResolve: { exportConditions: ['browser', 'import', 'default'], browser: true },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  // Per test file. Every file takes seconds here (the slowest, badge-wallet, 8 s in a loaded gate);
  // a file that hangs (its page navigated away or blocked) fails after 2 minutes, not 5.
  testsFinishTimeout: 2 * 60 * 1000,
  browserStartTimeout: 60000,
  middleware: [vectorsMiddleware, workerSourceMiddleware, strictCspMiddleware],
  plugins: [
    // a11ySnapshot(): Chromium's accessibility tree, for what is exposed to assistive technology.
    a11ySnapshotPlugin(),
    dragCommandPlugin(),
    printableFailuresPlugin(),
    verifierEnginePlugin(),
    sourceAliasPlugin(),
    vendorAppPlugin(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), args: chromeArgs() },
      // One browser context per test file: pages run concurrently yet each stays "visible", so
      // animation frames and ResizeObserver callbacks fire (a background tab gets neither).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  reporters: [
    ci ? summaryReporter({ flatten: true }) : defaultReporter(),
    countingReporter({ outFile: '.test-results/elements.json' }),
    timingReporter({ outFile: '.test-results/elements-timings.json' }),
  ],
};
