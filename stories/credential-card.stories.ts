/**
 * `<mc-credential-card>`: one credential or one catalog entry, in every variant and state.
 *
 * All data is the fictional Lakeside Unified School District (stories/fixtures); images are
 * `data:` URLs and credentials loaded by `src` come from the same origin, so no story makes a
 * network request. The clock is pinned (`now`) so expiry is the same on every run. Each story is
 * also a test: scripts/story-smoke.mjs opens it in Chromium in English and in Spanish and fails it
 * on any console error, failed request or axe violation.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@microcred/elements/credential-card/mc-credential-card.js';
import {
  STORY_NOW,
  catalogAchievement,
  clrCredential,
  hostileCredential,
  ob2Assertion,
  ob3Credential,
  ob3CredentialEs,
  ob3Expired,
  ob3Jws,
  ob3NotYetValid,
} from './fixtures/index.js';

/** The story args: the card's public properties (as in the manifest) plus `--mc-*` tokens. */
interface CardArgs {
  /** Raw credential: object, JSON string or compact JWS. */
  credential?: unknown;
  /** URL to load the credential from. */
  src?: string;
  variant?: 'full' | 'compact';
  headingLevel?: number;
  /** The pinned clock (a Date, or the timestamp Storybook's date control gives). */
  now?: Date | number;
  /** Actions, wired by Storybook from the manifest's events. */
  onMcLoad?: (event: Event) => void;
  onMcError?: (event: Event) => void;
  /** From the manifest, listed only to hide their controls: the attribute twin, read-only state. */
  'heading-level'?: never;
  view?: never;
  error?: never;
  state?: never;
  /** Design tokens, set as inline custom properties on the element. */
  [token: `--mc-${string}`]: string | undefined;
}

/** Inline style for the `--mc-*` args that are set. */
function tokens(args: CardArgs): string | undefined {
  const set = Object.entries(args).filter(
    (entry): entry is [string, string] =>
      entry[0].startsWith('--mc-') && typeof entry[1] === 'string' && entry[1] !== '',
  );
  return set.length ? set.map(([name, value]) => `${name}: ${value}`).join('; ') : undefined;
}

/** A URL on the Storybook origin (resolved against iframe.html, so it works in dev and in the build). */
function sameOrigin(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** The card, with every arg bound. */
function card(args: CardArgs, slotted: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<mc-credential-card
    .credential=${args.credential}
    src=${ifDefined(args.src)}
    variant=${ifDefined(args.variant)}
    heading-level=${ifDefined(args.headingLevel)}
    .now=${args.now === undefined ? undefined : new Date(args.now)}
    style=${ifDefined(tokens(args))}
    @mc-load=${args.onMcLoad}
    @mc-error=${args.onMcError}
    >${slotted}</mc-credential-card
  >`;
}

const meta = {
  title: 'Elements/Credential card',
  component: 'mc-credential-card',
  render: (args) => card(args),
  args: {
    variant: 'full',
    now: STORY_NOW,
  },
  argTypes: {
    credential: { control: 'object' },
    src: { control: 'text' },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    now: { control: 'date' },
    // The attribute forms of the properties above, and the read-only state: shown, not controlled.
    'heading-level': { table: { disable: true } },
    view: { control: false },
    error: { control: false },
    state: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'One credential (Open Badges 3.0 or 2.0, CLR 2.0, a VC-JWT) or one catalog entry (an OB 3.0 Achievement). Give it `.credential` or a `src` URL; it follows the nearest `lang`.',
      },
    },
  },
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

// ── Variants ────────────────────────────────────────────────────────────────────────────────────

/**
 * Everything an Open Badges 3.0 micro-credential can show: image with alt text, type, issuer,
 * recipient, dates, description, skills and alignments, criteria (Markdown), rubric result,
 * evidence and endorsements.
 */
export const Full: Story = {
  args: { credential: ob3Credential },
};

/** The compact tile: image, name, type and issuer, for lists and wallets. */
export const Compact: Story = {
  args: { credential: ob3Credential, variant: 'compact' },
};

/**
 * A catalog entry: a bare Open Badges 3.0 Achievement (no recipient) from the district's catalog
 * feed, with how to earn it and how to register (link, dates, cost, seats).
 */
export const Catalog: Story = {
  args: { credential: catalogAchievement },
};

/** A catalog entry as a compact tile. */
export const CatalogCompact: Story = {
  args: { credential: catalogAchievement, variant: 'compact' },
};

// ── Formats ─────────────────────────────────────────────────────────────────────────────────────

/**
 * An Open Badges 2.0 hosted assertion with its BadgeClass and issuer embedded. The recipient is a
 * hashed email address, which is never revealed.
 */
export const OpenBadges2: Story = {
  args: { credential: ob2Assertion },
};

/** A CLR 2.0 transcript bundling two micro-credentials of a pathway. */
export const Clr2: Story = {
  args: { credential: clrCredential },
};

/** The OB 3.0 credential as a VC-JWT compact JWS string (decoded for display, not verified). */
export const VcJwt: Story = {
  args: { credential: ob3Jws },
};

// ── Validity ────────────────────────────────────────────────────────────────────────────────────

/** Expired on 31 December 2025 (the clock is pinned to 15 March 2026): said in words, not only by color. */
export const Expired: Story = {
  args: { credential: ob3Expired },
};

/** Valid only from 1 September 2026, after the pinned clock. */
export const NotYetValid: Story = {
  args: { credential: ob3NotYetValid },
};

// ── Loading and errors ──────────────────────────────────────────────────────────────────────────

/**
 * Data inline, for pages without a script of their own: a child `<script type="application/json">`
 * (inert, so it works under a strict Content-Security-Policy) holds the credential, and a link is
 * the view shown before and without JavaScript; once the element is defined, its shadow root
 * replaces the link.
 */
export const InlineJson: Story = {
  render: (args) => {
    const element = document.createElement('mc-credential-card');
    if (args.variant) element.setAttribute('variant', args.variant);
    if (args.now !== undefined) element.now = new Date(args.now);
    const data = document.createElement('script');
    data.type = 'application/json';
    data.textContent = JSON.stringify(ob2Assertion);
    const fallback = document.createElement('a');
    fallback.href = String(ob2Assertion['id']);
    fallback.textContent = 'Digital Citizenship Coach — Lakeside Unified School District';
    element.append(data, fallback);
    return element;
  },
};

/** No credential and no `src` yet: the `empty` state. */
export const Empty: Story = {
  args: {},
};

/**
 * Loaded by `src` from the same origin: an OB 2.0 hosted assertion served by Storybook at
 * `/mc-fixtures/lakeside-ob2-assertion.json` (see .storybook/vite.config.ts).
 */
export const FromSrc: Story = {
  render: (args) => card({ ...args, src: sameOrigin('mc-fixtures/lakeside-ob2-assertion.json') }),
};

const PENDING_PATH = '/mc-fixtures/pending/never-answers.json';

/**
 * The `loading` state, made deterministic: a fetch that is never answered would either hang the
 * page or time out at a random moment, and a slow file would flash past. So this story, and only
 * while it is shown, answers requests for one reserved URL (`/mc-fixtures/pending/never-answers.json`)
 * with a response that never arrives and is rejected only when the card aborts it. No request
 * reaches the network; every other fetch goes through untouched; the hook is removed when the story
 * is left. The card therefore stays in `loading` for as long as the story is open.
 */
export const Loading: Story = {
  beforeEach: () => {
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request ? request.url : String(input), document.baseURI);
      if (url.pathname !== PENDING_PATH) return realFetch(input, init);
      const signal = init?.signal ?? request?.signal;
      return new Promise<Response>((_resolve, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    };
    return () => {
      window.fetch = realFetch;
    };
  },
  render: (args) => card({ ...args, src: sameOrigin(PENDING_PATH) }),
};

/** Something that parses but is not a credential (a permission slip): a clear, translated error. */
export const ErrorNotACredential: Story = {
  args: {
    credential: { type: 'PermissionSlip', name: 'Field trip to Marren Falls', date: '2026-04-01' },
  },
};

/** Text that is not JSON, a JWS or a URL. */
export const ErrorInvalidJson: Story = {
  args: { credential: '{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", ' },
};

/**
 * A `src` that answers 404 (any path under `/mc-fixtures/` that is not a sample). The smoke test
 * allows this story's 404, and only this one.
 */
export const ErrorNotFound: Story = {
  render: (args) => card({ ...args, src: sameOrigin('mc-fixtures/no-such-credential.json') }),
};

/**
 * A Verifiable Presentation: the card lists the credentials it holds as compact cards under a
 * heading (issue 14). Entries that are not credentials would each say why (tested in
 * test/elements/credential-card.presentation.test.ts).
 */
export const Presentation: Story = {
  args: {
    credential: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [ob3Credential, clrCredential, ob2Assertion],
    },
  },
};

/**
 * Hostile input: HTML, scripts, event handlers and `javascript:` / `data:text/html` URLs in every
 * field. It must render inert: markup as text, unsafe links and images left out. The smoke test
 * checks that no payload ran and no unsafe URL or `on*` attribute reached the DOM.
 */
export const HostileInput: Story = {
  args: { credential: hostileCredential },
};

// ── Language, layout and theming ────────────────────────────────────────────────────────────────

/**
 * Spanish, whatever the toolbar says: the card follows the nearest `lang` (here a wrapper with
 * `lang="es"`), and the credential itself was issued in Spanish.
 */
export const Spanish: Story = {
  args: { credential: ob3CredentialEs },
  render: (args) => html`<div lang="es">${card(args)}</div>`,
};

/** In a 240 px column (a narrow sidebar): the layout adapts to its container, not the viewport. */
export const Narrow240: Story = {
  args: { credential: ob3Credential },
  render: (args) => html`<div style="inline-size: 240px">${card(args)}</div>`,
};

/** In a 900 px container. */
export const Wide900: Story = {
  args: { credential: ob3Credential },
  render: (args) => html`<div style="inline-size: 900px; max-inline-size: 100%">${card(args)}</div>`,
};

/** Compact tiles in a grid, as a wallet or catalog page lays them out. */
export const CompactGrid: Story = {
  args: { variant: 'compact' },
  render: (args) =>
    html`<ul
      style="list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr))"
    >
      ${[ob3Credential, catalogAchievement, ob2Assertion, clrCredential].map(
        (credential) => html`<li>${card({ ...args, credential })}</li>`,
      )}
    </ul>`,
};

/** Themed to a brand through the documented `--mc-*` tokens only (try them in the controls). */
export const ThemedBrand: Story = {
  args: {
    credential: ob3Credential,
    '--mc-color-accent': '#7c2d12',
    '--mc-color-surface': '#fffbf5',
    '--mc-color-border': '#c2410c',
    '--mc-color-danger': '#991b1b',
    '--mc-radius': '0',
    '--mc-space': '1.25rem',
    '--mc-font-family': 'Georgia, "Times New Roman", serif',
    '--mc-credential-card-image-size': '4.5rem',
  },
};

/**
 * On a dark page: the card inherits the page's text color; surface, border and accent come from
 * the tokens.
 */
export const ThemedDark: Story = {
  args: {
    credential: ob3Expired,
    '--mc-color-accent': '#93c5fd',
    '--mc-color-surface': '#111827',
    '--mc-color-border': '#4b5563',
    '--mc-color-danger': '#fca5a5',
  },
  render: (args) =>
    html`<div style="background: #030712; color: #f9fafb; padding: 1rem; color-scheme: dark">
      ${card(args)}
    </div>`,
};

/**
 * In a page section whose heading is an `<h2>`: `heading-level="3"` keeps the outline right.
 * The `status` slot carries host content (here a note), e.g. a verify button.
 */
export const InSectionWithStatus: Story = {
  args: { credential: ob3Credential, headingLevel: 3 },
  render: (args) =>
    html`<section aria-labelledby="portfolio-heading">
      <h2 id="portfolio-heading">Maya Okafor’s credentials</h2>
      ${card(args, html`<p slot="status">Shared on Maya’s portfolio since June 2025.</p>`)}
    </section>`,
};
