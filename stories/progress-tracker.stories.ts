/**
 * `<mc-progress-tracker>`: a learner's progress through a stack of micro-credentials, in every
 * state. Fictional Lakeside data (stories/fixtures/progress.ts): Maya Okafor's credentials (display
 * samples, unsigned) and the district's progress records. The clock is pinned.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import { STORY_NOW } from './fixtures/index.js';
import {
  digitalPathway,
  generatePathway,
  generateRecords,
  inclusivePathway,
  literacyPathway,
  mayaCredential,
  mayaCredentials,
  mayaRecords,
} from './fixtures/progress.js';

interface TrackerArgs {
  pathway?: unknown;
  src?: string;
  credentials?: unknown[];
  records?: unknown;
  recordsSrc?: string;
  wallet?: string;
  variant?: 'full' | 'compact';
  headingLevel?: number;
  /** The story handles the events (Storybook actions), so steps without an address are buttons. */
  actionable?: boolean;
  now?: Date | number;
  onMcRequirementSelect?: (event: Event) => void;
  onMcNextStep?: (event: Event) => void;
  onMcError?: (event: Event) => void;
  'records-src'?: never;
  'heading-level'?: never;
  progress?: never;
  state?: never;
  [token: `--mc-${string}`]: string | undefined;
}

function tracker(args: TrackerArgs): TemplateResult {
  const style = Object.entries(args)
    .filter((e): e is [string, string] => e[0].startsWith('--mc-') && typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return html`<mc-progress-tracker
    .pathway=${args.pathway}
    src=${ifDefined(args.src)}
    .credentials=${args.credentials}
    .records=${args.records}
    records-src=${ifDefined(args.recordsSrc)}
    wallet=${ifDefined(args.wallet)}
    variant=${ifDefined(args.variant)}
    heading-level=${ifDefined(args.headingLevel)}
    ?actionable=${args.actionable ?? true}
    .now=${args.now === undefined ? undefined : new Date(args.now)}
    style=${ifDefined(style || undefined)}
    @mc-requirement-select=${args.onMcRequirementSelect}
    @mc-next-step=${args.onMcNextStep}
    @mc-error=${args.onMcError}
  ></mc-progress-tracker>`;
}

const meta = {
  title: 'Elements/Progress tracker',
  component: 'mc-progress-tracker',
  render: (args) => tracker(args),
  args: { pathway: literacyPathway, credentials: mayaCredentials, records: mayaRecords, now: STORY_NOW },
  argTypes: {
    pathway: { control: 'object' },
    src: { control: 'text' },
    credentials: { control: 'object' },
    records: { control: 'object' },
    recordsSrc: { control: 'text' },
    wallet: { control: 'text' },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    now: { control: 'date' },
    'records-src': { table: { disable: true } },
    'heading-level': { table: { disable: true } },
    progress: { control: false },
    state: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Progress through a stack: every requirement with its state in an icon and words, "k of n complete" as text and a progress bar, the next step, and reviewer feedback.',
      },
    },
  },
} satisfies Meta<TrackerArgs>;

export default meta;
type Story = StoryObj<TrackerArgs>;

/** Literacy Leader: one earned, one returned with reviewer feedback, one in review, one optional. */
export const ReturnedWithFeedback: Story = {};

/** Digital Learning Coach: an "any 2 of 3" group, an elective in progress and an expired one. */
export const ElectivesAndExpired: Story = { args: { pathway: digitalPathway } };

/** Inclusive Classroom: a submission waiting for review, and a requirement locked behind it. */
export const PrerequisitesAndWaiting: Story = { args: { pathway: inclusivePathway } };

/** Complete: every requirement earned. */
export const Complete: Story = {
  args: {
    pathway: inclusivePathway,
    credentials: [
      mayaCredential('culturally-responsive-teaching', '2025-06-01T00:00:00Z'),
      mayaCredential('educacion-bilingue', '2025-11-01T00:00:00Z'),
      mayaCredential('co-teaching', '2026-02-01T00:00:00Z'),
    ],
    records: [],
  },
};

/** Not started: no credentials, no records. */
export const NotStarted: Story = { args: { credentials: [], records: [] } };

/** The compact variant: one line for dashboards. */
export const Compact: Story = {
  render: (args) =>
    html`${[literacyPathway, digitalPathway, inclusivePathway].map(
      (pathway) =>
        html`<div style="margin-block-end: 1rem">${tracker({ ...args, pathway, variant: 'compact' })}</div>`,
    )}`,
};

/** Fifty requirements in five units, every state. */
export const FiftyRequirements: Story = {
  args: { pathway: generatePathway(50), credentials: [], records: generateRecords(50) },
};

/** No pathway given. */
export const Empty: Story = { args: { pathway: undefined } };

/** A pathway that cannot be read: a clear, translated error. */
export const Error: Story = { args: { pathway: { hello: 'not a pathway' } } };

/** Themed with the documented tokens. */
export const Themed: Story = {
  args: { '--mc-color-accent': '#7c2d12', '--mc-color-success': '#14532d', '--mc-radius': '0' },
};
