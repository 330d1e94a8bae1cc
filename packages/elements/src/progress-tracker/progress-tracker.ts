import { isServer, type PropertyValues } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  McError,
  normalizeCredential,
  type CredentialView,
  type HeldCredential,
  type Pathway,
  type PathwayProgress,
  type ProgressRecord,
} from '@microcred/core';
import { computeProgress } from '@microcred/core/pathway/progress.js';
import type * as PathwayFetch from '@microcred/core/pathway/fetch.js';
import { McElement } from '../internal/mc-element.js';
import { stringSet } from '../i18n/localize.js';
import { providedValue } from '../provider/provider-context.js';
import { headingLevel } from '../internal/heading.js';
import { markdownCache } from '../markdown/markdown-cache.js';
import { McErrorEvent } from '../events.js';
import type { TrackerStrings } from './strings-en.js';
import { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker-events.js';
import { TrackerWallet } from './progress-tracker-wallet.js';
import { renderError, renderLoading, renderTracker, type TrackerView } from './progress-tracker-templates.js';
import styles from './progress-tracker.styles.js';

/** Loading state of `<mc-progress-tracker>`. */
export type ProgressTrackerState = 'empty' | 'loading' | 'loaded' | 'error';

/** Display variant of `<mc-progress-tracker>`. */
export type ProgressTrackerVariant = 'full' | 'compact';

const strings = stringSet<TrackerStrings>('tracker', {
  en: () => import('./strings-en.js'),
  es: () => import('./strings-es.js'),
});

type ClientFetch<T> = (url: string, options: { signal: AbortSignal }) => Promise<T>;
type Get = 'fetchPathway' | 'fetchProgress';

/** What the tracker shows: a pathway (none: empty) and the learner's records. */
interface TrackerData {
  pathway: Pathway | undefined;
  records: ProgressRecord[];
}

/** Progress records already parsed (every item has an `achievementId` and a `state`). */
function isRecordList(value: unknown): value is ProgressRecord[] {
  return (
    Array.isArray(value) &&
    value.every((x) => !!x && typeof x === 'object' && 'achievementId' in x && 'state' in x)
  );
}

/** Records from raw data; unreadable data gives none (the pathway is still shown). */
function parseRecordsLeniently(m: typeof PathwayFetch, data: unknown): ProgressRecord[] {
  try {
    return m.parseProgressRecords(data).records;
  } catch {
    return [];
  }
}

const isPathway = (value: unknown): value is Pathway =>
  Array.isArray((value as Pathway | undefined)?.root?.children) && typeof (value as Pathway).id === 'string';

/**
 * Shows a learner's progress through a stack (pathway) of micro-credentials: every requirement
 * with its state in an icon and words, "2 of 5 complete" in text and as a progress bar,
 * prerequisites, the next step with a call to action, reviewer feedback (Markdown, rendered safely),
 * and the stack credential once earned.
 *
 * Give it the pathway as the `pathway` property (a pathway document, a catalog feed, a CLR 2.0
 * credential, or a parsed `Pathway`) or the `src` attribute (a URL of any of these; `#stack-id`
 * picks a catalog stack). The learner's data comes from the `credentials` and `records` properties,
 * from `records-src` (a progress-records URL), or from a `<mc-badge-wallet>` named by `wallet`.
 *
 * @summary Progress through a stack of micro-credentials: states in words, k of n, next step, reviewer feedback.
 *
 * @tag mc-progress-tracker
 *
 * @csspart base - The tracker's wrapper (a `<section>`).
 * @csspart name - The pathway's name (a heading of level `heading-level`).
 * @csspart summary - The "k of n complete" text.
 * @csspart progress - The progress bar (`role="progressbar"`).
 * @csspart complete - The "stack complete" panel.
 * @csspart next-step - The next step panel.
 * @csspart action - A next step's call to action: a link to the record's `url`; else, with `actionable`, a button; else a link to the achievement's http(s) id, or text.
 * @csspart requirement-name - A requirement's name: a button with `actionable`, else a link to its achievement's http(s) id, else text.
 * @csspart steps - The list of requirements.
 * @csspart step - One requirement.
 * @csspart state - A requirement's state (an icon and words).
 * @csspart feedback - Reviewer feedback on a returned requirement.
 * @csspart error - The error message.
 * @csspart loading - The loading message.
 *
 * @cssproperty [--mc-color-accent=light-dark(#1f5fa6, #8ab4f8)] - The progress bar's fill and the action buttons.
 * @cssproperty [--mc-color-on-accent=light-dark(#ffffff, #0b1d33)] - Text on the accent color.
 * @cssproperty [--mc-color-success=light-dark(#1e6b34, #8fd19e)] - Earned icons.
 * @cssproperty [--mc-color-warning=light-dark(#8a4b00, #ffb870)] - Returned and expired icons.
 * @cssproperty [--mc-color-danger=light-dark(#b3261e, #f2b8b5)] - Revoked icons and the error border.
 * @cssproperty [--mc-color-border=color-mix(in srgb, currentColor 25%, transparent)] - Borders and the progress bar's track.
 * @cssproperty [--mc-radius=0.5rem] - Corner radius.
 * @cssproperty [--mc-space=1rem] - Base spacing.
 * @cssproperty [--mc-font-family=inherit] - Font family.
 *
 * @cssstate loading - The pathway or records are being downloaded.
 * @cssstate error - The pathway could not be loaded or read.
 * @cssstate complete - The stack is complete.
 *
 * @event {McRequirementSelectEvent} mc-requirement-select - A requirement's name was activated (a button with `actionable`, else a link to its achievement); `event.progress` is its computed progress.
 * @event {McNextStepEvent} mc-next-step - A next step's call to action was activated; cancelable (keeps a link from opening). `event.progress`.
 * @event {McErrorEvent} mc-error - The pathway or records could not be loaded or read; `event.error` is an `McError`.
 */
export class McProgressTracker extends McElement {
  static override styles = styles;

  static override properties = {
    pathway: { attribute: false },
    src: {},
    credentials: { attribute: false },
    records: { attribute: false },
    recordsSrc: { attribute: 'records-src' },
    wallet: {},
    variant: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    actionable: { type: Boolean },
    now: { attribute: false },
  };

  /** The pathway: a parsed `Pathway`, a pathway document, a catalog feed (first stack), a CLR 2.0 credential or a stack Achievement. Property only; takes precedence over `src`. */
  pathway: unknown;

  /** URL of the pathway (any of the shapes `pathway` accepts); `#stack-id` picks a stack of a catalog feed. */
  src = '';

  /** The learner's credentials: normalised views, `{ view, revoked }` or `{ view, suspended }` (what a verification found), or raw credentials (objects or compact JWS). Property only. */
  credentials: readonly unknown[] | undefined;

  /** The learner's progress records (`ProgressRecord[]`, or the documented JSON). Property only. */
  records: unknown;

  /** URL of the learner's progress records (documented JSON), used when `records` is not set. */
  recordsSrc = '';

  /** The `id` of a `<mc-badge-wallet>` whose credentials count (used when `credentials` is not set). */
  wallet = '';

  /** `full` list or a `compact` single progress line. */
  variant: ProgressTrackerVariant = 'full';

  /** Heading level (1–6) of the pathway's name; section headings use the next level. */
  headingLevel = 3;

  /**
   * The host handles `mc-requirement-select` and `mc-next-step` (attribute `actionable`): requirement
   * names and next steps without an address are buttons that fire them. Without it, nothing is a
   * button that does nothing: a next step is a link to its record's `url` (else its achievement's
   * id, when that is an http(s) address), a name is a link to its achievement's http(s) id, and
   * either is plain text when there is no address.
   */
  actionable = false;

  /** The instant expiry is judged at (default: now). Property only. */
  now: Date | undefined;

  readonly #t = this.localize.use(strings);
  readonly #wallet = new TrackerWallet(this);
  readonly #markdown = markdownCache(() => this.requestUpdate());
  /**
   * Reading (or downloading) the pathway and records (`@lit/task`), run when `pathway`, `src`,
   * `records` or `records-src` changes: a new run aborts the download under way (its signal goes to
   * the fetches), and only the latest run's outcome is shown.
   */
  readonly #task = new Task(this, {
    autoRun: false,
    args: () => [this.pathway, this.src, this.records, this.recordsSrc] as const,
    task: ([pathway, src, records, recordsSrc], { signal }) =>
      this.#read(pathway, src, records, recordsSrc, signal),
    // Aborted because the tracker left the page: it reads again when it comes back.
    onError: (e) => this.#interrupted || this.#fail(e),
  });
  /** Taken out of the page while reading: the read was aborted; it starts again on return. */
  #interrupted = false;
  /** Data that needs no reading (a parsed pathway and no records, or nothing): shown at once, on a server too. */
  #ready: TrackerData | undefined;
  #error: McError | undefined;
  #computed: PathwayProgress | undefined;
  #pendingEvent: Event | undefined;

  /** The computed progress, once there is a pathway. Read-only. */
  get progress(): PathwayProgress | undefined {
    return this.#computed;
  }

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): ProgressTrackerState {
    const data = this.#data;
    const status = this.#task.status;
    return data
      ? data.pathway
        ? 'loaded'
        : 'empty'
      : status === TaskStatus.ERROR && !this.#interrupted
        ? 'error'
        : 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#interrupted) this.#run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#task.status === TaskStatus.PENDING) {
      this.#task.abort();
      this.#interrupted = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.hasUpdated ||
      changed.has('src') ||
      changed.has('recordsSrc') ||
      changed.has('pathway') ||
      changed.has('records')
    ) {
      // Data that needs no reading: a parsed pathway (or none) and no records.
      const { pathway, records } = this;
      const parsed = isPathway(pathway) ? pathway : undefined;
      this.#ready =
        (parsed || (pathway == null && !this.src)) && records == null && !this.recordsSrc
          ? { pathway: parsed, records: [] }
          : undefined;
      // A server render shows the loading state; the browser reads after hydration.
      if (!isServer) this.#run();
    }
    if (!this.hasUpdated || changed.has('wallet')) this.#wallet.watch(this.wallet);
    const data = this.#data;
    this.#computed = data?.pathway
      ? computeProgress(data.pathway, this.#held(), data.records, { now: this.now ?? new Date() })
      : undefined;
    const state = this.state;
    this.toggleState('loading', state === 'loading');
    this.toggleState('error', state === 'error');
    this.toggleState('complete', !!this.#computed?.complete);
  }

  protected override updated(): void {
    const event = this.#pendingEvent;
    this.#pendingEvent = undefined;
    if (event) this.dispatchEvent(event);
  }

  /** Data still being read and feedback Markdown still loading. */
  protected override pending(): unknown[] {
    const task = this.#task;
    return [
      task.status === TaskStatus.PENDING && task.taskComplete.catch(() => {}),
      ...this.#markdown.pending(),
    ];
  }

  /** The data shown: ready at once, or read by the task. */
  get #data(): TrackerData | undefined {
    return this.#ready ?? (this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined);
  }

  #run(): void {
    this.#interrupted = false;
    void this.#task.run();
  }

  async #read(
    pathway: unknown,
    src: string,
    records: unknown,
    recordsSrc: string,
    signal: AbortSignal,
  ): Promise<TrackerData> {
    if (this.#ready) return this.#ready; // only to end a read under way
    const parsed = isPathway(pathway) ? pathway : undefined;
    // Records that look parsed get the parser's checks too (core's safeRecords, a small lazy chunk),
    // as does every answer below: no address that is not http(s) reaches a link or mc-next-step,
    // whatever the door.
    const listed = isRecordList(records) ? records : undefined;
    const [result, { safeRecords }] = await Promise.all([
      // Parsed-looking data on both sides needs no download, only safeRecords.
      listed && (parsed || (pathway == null && !src))
        ? { pathway: parsed, records: listed }
        : this.fetchData(
            parsed ?? (pathway != null ? { data: pathway } : src || undefined),
            listed ?? (records != null ? { data: records } : recordsSrc || []),
            signal,
          ),
      import('@microcred/core/pathway/safe.js'),
    ]);
    return { pathway: result.pathway, records: safeRecords(result.records ?? []) };
  }

  /**
   * Reads (or downloads) the pathway and records. Raw data is read with core's `readPathway` and
   * `parseProgressRecords`, URLs with `fetchPathway` and `fetchProgress` (through the client of the
   * nearest `<mc-provider>` when there is one); all are loaded on first use. Subclasses may supply
   * their own.
   */
  protected async fetchData(
    pathway: Pathway | { data: unknown } | string | undefined,
    records: ProgressRecord[] | { data: unknown } | string,
    signal: AbortSignal,
  ): Promise<{ pathway?: Pathway; records?: ProgressRecord[] }> {
    const m = await import('@microcred/core/pathway/fetch.js');
    // Inside an <mc-provider>: its client's fetchPathway/fetchProgress when it has them, else its fetch.
    const provided = providedValue(this);
    const client = provided?.client as Partial<Record<Get, ClientFetch<never>>> | undefined;
    const options = { signal, ...(provided?.fetch ? { fetch: provided.fetch } : {}) };
    const get = <T>(name: Get, url: string): Promise<T> => {
      const href = new URL(url, document.baseURI).href;
      return typeof client?.[name] === 'function'
        ? client[name](href, { signal })
        : (m[name](href, options) as Promise<T>);
    };
    const [p, r] = await Promise.all([
      typeof pathway === 'string'
        ? get<Pathway>('fetchPathway', pathway)
        : pathway && 'data' in pathway
          ? m.readPathway(pathway.data)
          : pathway,
      typeof records === 'string'
        ? records
          ? get<ProgressRecord[]>('fetchProgress', records)
          : []
        : 'data' in records
          ? parseRecordsLeniently(m, records.data)
          : records,
    ]);
    return { ...(p ? { pathway: p } : {}), records: r };
  }

  #fail(e: unknown): void {
    const error =
      e instanceof McError
        ? e
        : new McError('schema', e instanceof Error ? e.message : String(e), { cause: e });
    this.#error = error;
    this.#pendingEvent = new McErrorEvent(error);
  }

  /** The learner's credentials: `credentials` (checked one by one), else the wallet's. */
  #held(): HeldCredential[] {
    if (!this.credentials) return this.#wallet.credentials ?? [];
    const list = Array.isArray(this.credentials) ? this.credentials : [];
    return list.flatMap((c: unknown) => {
      if (c && typeof c === 'object' && 'view' in c && (c as HeldCredential).view?.kind)
        return [c as HeldCredential];
      if (c && typeof c === 'object' && 'kind' in c && 'format' in c && 'alignments' in c)
        return [{ view: c as CredentialView }];
      try {
        return [{ view: normalizeCredential(c) }];
      } catch {
        return [];
      }
    });
  }

  /** What the templates may use of the tracker (progress-tracker-templates.ts). */
  readonly #view: TrackerView = {
    t: this.#t,
    localize: this.localize,
    byId: (id) => this.#computed?.byId.get(id),
    level: () => headingLevel(this.headingLevel),
    md: (text, level) => this.#markdown.md(text, level),
    act: (p, e) => this.dispatchEvent(new McNextStepEvent(p)) || e.preventDefault(),
    select: (p) => this.dispatchEvent(new McRequirementSelectEvent(p)),
    on: () => this.actionable,
  };

  protected override render(): unknown {
    const t = this.#t;
    const main = (): unknown => renderTracker(this.#view, this.#computed, this.variant === 'compact');
    const loading = (): unknown => renderLoading(t);
    return this.#ready
      ? main()
      : this.#task.render({
          initial: loading,
          pending: loading,
          complete: main,
          error: () => (this.#interrupted ? loading() : renderError(t, this.#error!)),
        });
  }
}
