/// <reference types="vite/client" />
/**
 * `<mc-badge-wallet>`: an educator's credentials — the public portfolio (display mode) and the
 * owner's wallet (`editable`, kept in IndexedDB) with import, curation, sharing and export.
 *
 * All data is fictional (stories/fixtures/wallet.ts: Rosa Delgado, a grade 7 science teacher, and
 * three invented issuers); images are `data:` URLs, and every address a story "downloads" is
 * answered by the fixtures' `fetch`, so no story makes a network request. Owner stories start from
 * a freshly seeded wallet under their own `storage-key` (one per story and language, so the English
 * and Spanish runs of the smoke test never share a database). The clock is pinned (`now`).
 *
 * Stories stay below the wallet's virtualisation threshold (60 credentials); the 10,000-credential
 * case is a benchmark (scripts/bench/wallet.mjs), not a story.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { readCredential, type WalletRecord } from '@microcred/core';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { WalletStore } from '@microcred/elements/badge-wallet/store.js';
import { STORY_NOW } from './fixtures/lakeside.js';
import type { JsonObject } from './fixtures/json.js';
import {
  MISSING_URL,
  WALLET_URL,
  mixedImport,
  walletAssessment,
  walletCredentials,
  walletCredentialsEs,
  walletDataLiteracy,
  walletFetch,
  walletFieldEcology,
  walletProjectScience,
  walletStemCertificate,
} from './fixtures/wallet.js';
import { ob2Assertion } from './fixtures/ob2.js';
// Storybook bundles the stories, which moves core's verify-worker.js: point the wallet at a copy
// Vite emits (in an app, `verify-worker` names wherever the app serves that file).
import verifyWorker from '@microcred/core/verify/verify-worker.ts?worker&url';

interface WalletArgs {
  credentials?: unknown[];
  src?: string;
  editable?: boolean;
  /** Owner mode: whom the wallet belongs to (each import is checked against it). */
  owner?: string;
  groupBy?: McBadgeWallet['groupBy'];
  sortBy?: McBadgeWallet['sortBy'];
  headingLevel?: number;
  /** Owner stories: what the wallet holds when the story opens. */
  seed?: {
    credential: JsonObject;
    featured?: boolean;
    hidden?: boolean;
    verification?: WalletRecord['verification'];
  }[];
  /** Fallback content (shown when there is nothing to show). */
  fallback?: boolean;
  /** Language of a wrapper around the wallet (default: the story root's, from the locale toolbar). */
  lang?: 'en' | 'es';
  /** What to do once the wallet is ready (open a dialog, import…). */
  then?: (wallet: McBadgeWallet) => Promise<unknown> | void;
  /** Hidden from the controls: attribute twins and read-only members. */
  'group-by'?: never;
  'sort-by'?: never;
  'storage-key'?: never;
  'heading-level'?: never;
  'embed-script'?: never;
  'verify-worker'?: never;
  verifyWorker?: never;
  state?: never;
  records?: never;
  shownCount?: never;
  ready?: never;
}

type Loaded = { storageKey?: string; run?: number };

const deleteDatabase = (name: string): Promise<void> =>
  new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });

let runs = 0;

/** Owner stories: a fresh wallet under a key of this story and language, holding `args.seed`. */
async function seedWallet(context: StoryContext<WalletArgs>): Promise<Loaded> {
  const { args } = context;
  if (!args.editable) return {};
  const storageKey = `story-${context.id}-${String(context.globals['locale'] ?? 'en')}`;
  await deleteDatabase(WalletStore.databaseName(storageKey));
  const added = '2026-03-01T12:00:00.000Z';
  const records = await Promise.all(
    (args.seed ?? []).map(async (entry, order) => {
      const name = `${String(entry.credential['name'] ?? 'badge')}.json`;
      const { record } = await readCredential(entry.credential, {
        origin: { kind: 'file', name },
        added,
        order,
        kept: {
          raw: '',
          featured: !!entry.featured,
          hidden: !!entry.hidden,
        },
      });
      return record;
    }),
  );
  const store = await WalletStore.open(storageKey);
  await store.add(records);
  // Results as if this browser had verified them (a wallet keeps only the results it computed).
  const seeded = args.seed ?? [];
  await store.setVerifications(
    records.flatMap((r, i) =>
      seeded[i]?.verification ? [{ key: r.key, verification: seeded[i].verification }] : [],
    ),
  );
  store.close();
  return { storageKey, run: ++runs };
}

/** Runs `args.then` once, when the wallet has loaded. */
const started = new WeakSet<Element>();
const whenReady = (then: WalletArgs['then']) =>
  ref((el) => {
    if (!then || !el || started.has(el)) return;
    started.add(el);
    const wallet = el as McBadgeWallet;
    void (async () => {
      await wallet.updateComplete;
      await wallet.ready;
      await then(wallet);
      await wallet.updateComplete;
    })();
  });

function render(args: WalletArgs, context: StoryContext<WalletArgs>): TemplateResult {
  const loaded = context.loaded as Loaded;
  const wallet = html`<mc-badge-wallet
    .credentials=${args.credentials}
    src=${ifDefined(args.src)}
    ?editable=${args.editable}
    owner=${ifDefined(args.owner)}
    storage-key=${ifDefined(loaded.storageKey)}
    group-by=${ifDefined(args.groupBy)}
    sort-by=${ifDefined(args.sortBy)}
    heading-level=${ifDefined(args.headingLevel)}
    .now=${STORY_NOW}
    .fetch=${walletFetch}
    verify-worker=${verifyWorker}
    ${whenReady(args.then)}
    >${args.fallback ? html`<p><a href="https://rosa-delgado.example/">Rosa Delgado’s portfolio</a></p>` : nothing}</mc-badge-wallet
  >`;
  const keyedWallet = keyed(loaded.run ?? 0, wallet);
  return args.lang ? html`<div lang=${args.lang}>${keyedWallet}</div>` : html`${keyedWallet}`;
}

const meta = {
  title: 'Elements/Badge wallet',
  component: 'mc-badge-wallet',
  render,
  loaders: [seedWallet],
  args: { headingLevel: 3 },
  argTypes: {
    credentials: { control: 'object' },
    src: { control: 'text' },
    editable: { control: 'boolean' },
    owner: { control: 'text' },
    groupBy: { control: 'select', options: ['none', 'issuer', 'stack', 'year', 'type'] },
    sortBy: { control: 'select', options: ['order', 'name', 'newest', 'oldest', 'issuer'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    seed: { table: { disable: true } },
    fallback: { table: { disable: true } },
    lang: { table: { disable: true } },
    then: { table: { disable: true } },
    'group-by': { table: { disable: true } },
    'sort-by': { table: { disable: true } },
    'storage-key': { table: { disable: true } },
    'heading-level': { table: { disable: true } },
    'embed-script': { table: { disable: true } },
    'verify-worker': { table: { disable: true } },
    verifyWorker: { table: { disable: true } },
    state: { control: false },
    records: { control: false },
    shownCount: { control: false },
    ready: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'An educator’s credentials. Display mode shows `credentials` or the list at `src` (a JSON array, a wallet file, a CLR or an OB 3.0 API response); `editable` is the owner’s wallet, kept in this browser under `storage-key`, with import, curation, verify all, sharing and export.',
      },
    },
  },
} satisfies Meta<WalletArgs>;

export default meta;
type Story = StoryObj<WalletArgs>;

/** A few credentials from three issuers and two formats (Open Badges 3.0 and 2.0): search, filters, sort. */
export const Display: Story = {
  args: { credentials: walletCredentials },
};

/** The same credentials grouped by issuer (`group-by="issuer"`), each group under its own heading. */
export const GroupedByIssuer: Story = {
  args: { credentials: walletCredentials, groupBy: 'issuer' },
};

/**
 * A wallet file the owner exported and published (`src`): the two featured credentials come first,
 * the hidden one is left out, and each is "Not checked yet" (a result written in a file is not trusted).
 */
export const FeaturedFirst: Story = {
  args: { src: WALLET_URL },
};

/** Nothing to show: the slotted fallback (a link to the portfolio) and a sentence saying so. */
export const Empty: Story = {
  args: { fallback: true },
};

/** The list at `src` answers 404: a translated error (an alert), and `mc-error` for the page. */
export const ErrorNotFound: Story = {
  args: { src: MISSING_URL },
};

/** Spanish: the wallet follows the nearest `lang`, here Spanish credentials grouped by issuer. */
export const Spanish: Story = {
  args: { credentials: walletCredentialsEs, groupBy: 'issuer', lang: 'es' },
};

// ── Owner mode ──────────────────────────────────────────────────────────────────────────────────

const ownerSeed: WalletArgs['seed'] = [
  {
    credential: walletStemCertificate,
    featured: true,
    verification: { outcome: 'verified', checked: '2026-03-10T09:00:00.000Z' },
  },
  { credential: walletAssessment },
  { credential: walletProjectScience },
  { credential: walletFieldEcology, hidden: true },
  {
    credential: walletDataLiteracy,
    verification: { outcome: 'expired', checked: '2026-03-10T09:00:00.000Z' },
  },
  { credential: ob2Assertion },
];

/**
 * The owner's wallet (`editable`): import, verify all and export in the toolbar; under each
 * credential, Details and a Manage disclosure (feature, hide from visitors, move earlier/later for
 * keyboard reordering, remove). One featured, one hidden, one expired. Its `owner` is set: an
 * import awarded to someone else says so.
 */
export const Owner: Story = {
  args: { editable: true, seed: ownerSeed, owner: 'student@1edtech.edu' },
};

/** The owner's empty wallet: how to start (import). */
export const OwnerEmpty: Story = {
  args: { editable: true, seed: [] },
};

/**
 * The import dialog after one import of eight items, each with its own result: two imported, one
 * already in the wallet, an achievement that was awarded to no one, an Open Badges 1.0 assertion,
 * a PNG with no badge inside, pasted text that is not a credential, and an address that answers 404.
 */
export const ImportResults: Story = {
  args: {
    editable: true,
    seed: [{ credential: walletAssessment }, { credential: walletStemCertificate }],
    then: async (wallet) => {
      wallet.shadowRoot?.querySelector<HTMLButtonElement>('.import-button')?.click();
      await wallet.importItems(mixedImport());
    },
  },
};

/** A credential opened in the dialog: the full card with its verify button, sharing and export. */
export const DialogOpen: Story = {
  args: {
    editable: true,
    seed: [{ credential: walletAssessment }, { credential: walletStemCertificate }],
    then: (wallet) => wallet.openDetails(wallet.records[0]!.key),
  },
};
