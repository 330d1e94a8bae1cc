/**
 * `<mc-catalog>`: the district's searchable catalog of micro-credential offerings, in every state.
 * All data is the fictional Lakeside Unified School District (stories/fixtures/catalog.ts); no story
 * makes a network request. Each story is also a test (scripts/story-smoke.mjs, English and Spanish,
 * axe).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@microcred/elements/catalog/mc-catalog.js';
import { STORY_NOW } from './fixtures/index.js';
import {
  generateCatalogFeed,
  lakesideCatalogCsv,
  lakesideCatalogFeed,
  lakesideCtdl,
} from './fixtures/catalog.js';

interface CatalogArgs {
  items?: unknown;
  src?: string;
  urlState?: boolean;
  pageSize?: number;
  headingLevel?: number;
  now?: Date | number;
  onMcCatalogLoad?: (event: Event) => void;
  onMcCatalogOpen?: (event: Event) => void;
  onMcRegister?: (event: Event) => void;
  onMcError?: (event: Event) => void;
  'url-state'?: never;
  'page-size'?: never;
  'heading-level'?: never;
  catalog?: never;
  state?: never;
  results?: never;
  [token: `--mc-${string}`]: string | undefined;
}

function catalog(args: CatalogArgs): TemplateResult {
  const style = Object.entries(args)
    .filter((e): e is [string, string] => e[0].startsWith('--mc-') && typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return html`<mc-catalog
    .items=${args.items}
    src=${ifDefined(args.src)}
    ?url-state=${args.urlState}
    page-size=${ifDefined(args.pageSize)}
    heading-level=${ifDefined(args.headingLevel)}
    .now=${args.now === undefined ? undefined : new Date(args.now)}
    style=${ifDefined(style || undefined)}
    @mc-catalog-load=${args.onMcCatalogLoad}
    @mc-catalog-open=${args.onMcCatalogOpen}
    @mc-register=${args.onMcRegister}
    @mc-error=${args.onMcError}
    ><a href="https://www.lakeside-usd.example/professional-learning"
      >Lakeside professional learning catalog</a
    ></mc-catalog
  >`;
}

const meta = {
  title: 'Elements/Catalog',
  component: 'mc-catalog',
  render: (args) => catalog(args),
  args: { items: lakesideCatalogFeed, now: STORY_NOW },
  argTypes: {
    items: { control: 'object' },
    src: { control: 'text' },
    urlState: { control: 'boolean' },
    pageSize: { control: { type: 'number', min: 1 } },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    now: { control: 'date' },
    'url-state': { table: { disable: true } },
    'page-size': { table: { disable: true } },
    'heading-level': { table: { disable: true } },
    catalog: { control: false },
    state: { control: false },
    results: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A searchable catalog for district sites. Give it `.items` or a `src` URL (JSON catalog feed, CSV or CTDL JSON-LD). Search ignores accents and capitals; facets show counts; details open in a dialog with a register button.',
      },
    },
  },
} satisfies Meta<CatalogArgs>;

export default meta;
type Story = StoryObj<CatalogArgs>;

/** The district's JSON catalog feed: 12 micro-credentials in three stacks, with facets and sort. */
export const Default: Story = {};

/** A few entries per page, with "Show more". */
export const Paged: Story = { args: { pageSize: 4 } };

/** The same kind of catalog published from a spreadsheet as CSV (documented columns). */
export const FromCsv: Story = { args: { items: lakesideCatalogCsv } };

/** A Credential Engine CTDL JSON-LD graph (what maps is shown; the rest is reported in `catalog.unmapped`). */
export const FromCtdl: Story = { args: { items: lakesideCtdl } };

/** 300 entries: search and facets stay instant; 24 results are shown at a time. */
export const Large: Story = { args: { items: generateCatalogFeed(300) } };

/** A catalog with no entries yet. */
export const EmptyCatalog: Story = { args: { items: [] } };

/** Input that is not a catalog: a clear, translated error. */
export const Error: Story = { args: { items: { hello: 'not a catalog' } } };

/** Themed with the documented tokens. */
export const Themed: Story = {
  args: { '--mc-color-accent': '#14532d', '--mc-radius': '0', '--mc-catalog-columns-min': '20rem' },
};
