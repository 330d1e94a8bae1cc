/**
 * A React 19 app as a vendor writes one: Microcred tags used directly in JSX (typed by
 * `@microcred/elements/react-jsx`, generated from the Custom Elements Manifest) and through the
 * `@microcred/react` wrappers (camel-cased event props). Type-checked by vue-tsc with
 * test/vendor/tsconfig.json against the built packages (a wrong prop type fails there: see the
 * `@ts-expect-error` lines); bundled by esbuild and rendered in Chromium by react.test.ts.
 */
import type {} from '@microcred/elements/react-jsx';
import type { McLoadEvent, VerifyOutcome } from '@microcred/elements';
import { McCredentialCard, McVerifyButton } from '@microcred/react';
import { createRoot, type Root } from 'react-dom/client';

/** What the test gives the app, and hears back from it. */
export interface ReactAppProps {
  credential: Record<string, unknown>;
  now: Date;
  fetch: typeof globalThis.fetch;
  /** The raw `<mc-credential-card>` loaded (its `onmc-load` handler ran with the typed event). */
  onRawLoad(name: string): void;
  /** The wrapped `<McCredentialCard>` loaded (`onMcLoad`). */
  onWrappedLoad(event: McLoadEvent): void;
  /** The wrapped `<McVerifyButton>` verified (`onMcVerified`). */
  onVerified(outcome: VerifyOutcome): void;
}

function App(props: ReactAppProps) {
  return (
    <main>
      <mc-credential-card
        id="raw"
        credential={props.credential}
        now={props.now}
        variant="compact"
        heading-level="2"
        onmc-load={(event) => props.onRawLoad(event.view.name)}
      ></mc-credential-card>
      <McCredentialCard
        id="wrapped"
        credential={props.credential}
        now={props.now}
        headingLevel={3}
        onMcLoad={(event) => props.onWrappedLoad(event)}
      >
        <McVerifyButton
          slot="status"
          now={props.now}
          fetch={props.fetch}
          onMcVerified={(event) => props.onVerified(event.outcome)}
        />
      </McCredentialCard>
    </main>
  );
}

/** Renders the app into `host`; returns the root (unmount it after). */
export function mountReactApp(host: HTMLElement, props: ReactAppProps): Root {
  const root = createRoot(host);
  root.render(<App {...props} />);
  return root;
}

/** Never rendered: each line must fail the type check (an unused `@ts-expect-error` fails it). */
export function WrongTypes() {
  return (
    <>
      {/* @ts-expect-error headingLevel is a number, not a string */}
      <mc-credential-card headingLevel="two"></mc-credential-card>
      {/* @ts-expect-error variant is 'full' | 'compact' */}
      <mc-credential-card variant="huge"></mc-credential-card>
      {/* @ts-expect-error now is a Date */}
      <McCredentialCard now="yesterday" />
      {/* @ts-expect-error an mc-load handler gets McLoadEvent, which has no outcome */}
      <mc-credential-card onmc-load={(event) => event.outcome}></mc-credential-card>
      {/* @ts-expect-error onMcVerified gets McVerifiedEvent, which has no view */}
      <McVerifyButton onMcVerified={(event) => event.view} />
      {/* @ts-expect-error no such element */}
      <mc-credential-crad></mc-credential-crad>
    </>
  );
}
