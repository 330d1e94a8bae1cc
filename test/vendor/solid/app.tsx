/**
 * The generated Solid typings (`@microcred/elements/solid`) in Solid JSX: properties, `prop:` and
 * `on:` forms. Type-checked by vue-tsc with test/vendor/solid/tsconfig.json (Solid's JSX runtime);
 * never run.
 */
import type {} from '@microcred/elements/solid';

export function Badge(props: { credential: object }) {
  return (
    <mc-credential-card
      prop:credential={props.credential}
      heading-level="2"
      variant="compact"
      on:mc-load={(event) => event.view.name}
    >
      <mc-verify-button slot="status" on:mc-verified={(event) => event.outcome} />
    </mc-credential-card>
  );
}

/** Each line must fail the type check (an unused `@ts-expect-error` fails it). */
export function WrongTypes() {
  return (
    <>
      {/* @ts-expect-error headingLevel is a number */}
      <mc-credential-card headingLevel="two" />
      {/* @ts-expect-error prop:now is a Date */}
      <mc-credential-card prop:now="yesterday" />
      {/* @ts-expect-error an mc-load handler gets McLoadEvent, which has no outcome */}
      <mc-credential-card on:mc-load={(event) => event.outcome} />
    </>
  );
}
