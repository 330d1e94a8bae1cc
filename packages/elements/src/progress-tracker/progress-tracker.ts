import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  McError,
  normalizeCredential,
  type CredentialView,
  type HeldCredential,
  type Pathway,
  type PathwayProgress,
  type PathwayRequirement,
  type ProgressRecord,
  type RequirementProgress,
} from '@microcred/core';
import { computeProgress } from '@microcred/core/pathway/progress.js';
import type * as PathwayFetch from '@microcred/core/pathway/fetch.js';
import { McElement } from '../internal/mc-element.js';
import { stringSet } from '../i18n/localize.js';
import { providedValue } from '../provider/provider-context.js';
import { heading, headingLevel } from '../internal/heading.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import { McErrorEvent } from '../events.js';
import type { TrackerStrings } from './strings-en.js';
import { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker-events.js';
import {
  icon,
  renderAction,
  renderComplete,
  renderNext,
  renderStep,
  type TrackerView,
} from './progress-tracker-templates.js';
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

function isPathway(value: unknown): value is Pathway {
  const p = value as Pathway;
  return (
    !!p && typeof p === 'object' && !!p.root && Array.isArray(p.root.children) && typeof p.id === 'string'
  );
}

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
    loadState: { state: true },
    loadError: { state: true },
    walletCredentials: { state: true },
    fetchedPathway: { state: true },
    fetchedRecords: { state: true },
    markdownVersion: { state: true },
  };

  /** The pathway: a parsed `Pathway`, a pathway document, a catalog feed (first stack), a CLR 2.0 credential or a stack Achievement. Property only; takes precedence over `src`. */
  pathway: unknown;

  /** URL of the pathway (any of the shapes `pathway` accepts); `#stack-id` picks a stack of a catalog feed. */
  src = '';

  /** The learner's credentials: normalised views, `{ view, revoked }`, or raw credentials (objects or compact JWS). Property only. */
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

  private loadState: ProgressTrackerState = 'empty';
  private loadError: McError | undefined;
  private walletCredentials: HeldCredential[] | undefined;
  private fetchedPathway: Pathway | undefined;
  private fetchedRecords: ProgressRecord[] | undefined;
  private markdownVersion = 0;

  private computed: PathwayProgress | undefined;
  private job: Promise<void> | undefined;
  private abortController: AbortController | undefined;
  private walletElement: Element | undefined;
  private markdown = new Map<string, TemplateResult | Promise<void>>();
  private pendingEvent: Event | undefined;
  private readonly t = this.localize.use(strings);

  /** The computed progress, once there is a pathway. Read-only. */
  get progress(): PathwayProgress | undefined {
    return this.computed;
  }

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): ProgressTrackerState {
    return this.loadState;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.watchWallet();
      this.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortController?.abort();
    this.abortController = undefined;
    this.unwatchWallet();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.hasUpdated ||
      changed.has('src') ||
      changed.has('recordsSrc') ||
      changed.has('pathway') ||
      changed.has('records')
    )
      this.load();
    if (!this.hasUpdated || changed.has('wallet')) this.watchWallet();
    this.computed = this.compute();
    this.toggleState('loading', this.loadState === 'loading');
    this.toggleState('error', this.loadState === 'error');
    this.toggleState('complete', !!this.computed?.complete);
  }

  protected override updated(): void {
    const event = this.pendingEvent;
    this.pendingEvent = undefined;
    if (event) this.dispatchEvent(event);
  }

  // --- input ---------------------------------------------------------------------------------

  private load(): void {
    this.abortController?.abort();
    this.abortController = undefined;
    this.loadError = undefined;
    const pathway = this.pathway;
    const records = this.records;
    const readyPathway = pathway != null && isPathway(pathway) ? pathway : undefined;
    // Records that look parsed get the parser's checks too (core's safeRecords, a small lazy chunk),
    // as does every answer below: no address that is not http(s) reaches a link or mc-next-step,
    // whatever the door.
    const listed = isRecordList(records) ? records : undefined;
    const readyRecords = records == null && !this.recordsSrc ? [] : undefined;
    if ((readyPathway || (pathway == null && !this.src)) && readyRecords) {
      this.job = undefined;
      this.fetchedPathway = readyPathway;
      this.fetchedRecords = readyRecords;
      this.loadState = readyPathway ? 'loaded' : 'empty';
      return;
    }
    this.loadState = 'loading';
    if (isServer) return; // a server render shows the loading state; the browser loads after hydration
    const controller = (this.abortController = new AbortController());
    // Parsed-looking data on both sides needs no download, only safeRecords.
    const work =
      listed && (readyPathway || (pathway == null && !this.src))
        ? Promise.resolve({ ...(readyPathway ? { pathway: readyPathway } : {}), records: listed })
        : this.fetchData(
            readyPathway ? readyPathway : pathway != null ? { data: pathway } : this.src || undefined,
            (readyRecords ?? listed) || (records != null ? { data: records } : this.recordsSrc),
            controller.signal,
          );
    const job = (this.job = Promise.all([work, import('@microcred/core/pathway/safe.js')]).then(
      ([result, { safeRecords }]) => {
        if (this.abortController !== controller) return;
        this.abortController = undefined;
        this.fetchedPathway = result.pathway;
        this.fetchedRecords = safeRecords(result.records ?? []);
        this.loadState = result.pathway ? 'loaded' : 'empty';
      },
      (e: unknown) => {
        if (this.abortController !== controller) return;
        this.abortController = undefined;
        this.fail(e);
        this.requestUpdate();
      },
    ));
    job.finally(() => {
      if (this.job === job) this.job = undefined;
    });
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
    const abs = (u: string): string => new URL(u, document.baseURI).href;
    // Inside an <mc-provider>: its client's fetchPathway/fetchProgress when it has them, else its fetch.
    const provided = providedValue(this);
    const client = provided?.client as
      { fetchPathway?: ClientFetch<Pathway>; fetchProgress?: ClientFetch<ProgressRecord[]> } | undefined;
    const options = { signal, ...(provided?.fetch ? { fetch: provided.fetch } : {}) };
    const getPathway = (u: string): Promise<Pathway> =>
      typeof client?.fetchPathway === 'function'
        ? client.fetchPathway(u, { signal })
        : m.fetchPathway(u, options);
    const getRecords = (u: string): Promise<ProgressRecord[]> =>
      typeof client?.fetchProgress === 'function'
        ? client.fetchProgress(u, { signal })
        : m.fetchProgress(u, options);
    const [p, r] = await Promise.all([
      typeof pathway === 'string'
        ? getPathway(abs(pathway))
        : pathway && 'data' in pathway
          ? m.readPathway(pathway.data)
          : pathway,
      typeof records === 'string'
        ? records
          ? getRecords(abs(records))
          : []
        : 'data' in records
          ? parseRecordsLeniently(m, records.data)
          : records,
    ]);
    return { ...(p ? { pathway: p } : {}), records: r };
  }

  private fail(e: unknown): void {
    const error =
      e instanceof McError
        ? e
        : new McError('schema', e instanceof Error ? e.message : String(e), { cause: e });
    this.loadState = 'error';
    this.loadError = error;
    this.pendingEvent = new McErrorEvent(error);
  }

  private watchWallet(): void {
    this.unwatchWallet();
    if (!this.wallet || !this.isConnected) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById?.(this.wallet) ?? undefined;
    if (!el) return;
    this.walletElement = el;
    el.addEventListener('mc-wallet-change', this.readWallet);
    this.readWallet();
  }

  private unwatchWallet(): void {
    this.walletElement?.removeEventListener('mc-wallet-change', this.readWallet);
    this.walletElement = undefined;
  }

  private readWallet = (): void => {
    const records = (this.walletElement as { records?: unknown } | undefined)?.records;
    if (!Array.isArray(records)) return;
    this.walletCredentials = records.flatMap((r: { raw?: unknown; verification?: { outcome?: string } }) => {
      try {
        return [{ view: normalizeCredential(r.raw), revoked: r.verification?.outcome === 'revoked' }];
      } catch {
        return [];
      }
    });
  };

  private heldCredentials(): HeldCredential[] {
    if (!this.credentials) return this.walletCredentials ?? [];
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

  private compute(): PathwayProgress | undefined {
    if (this.loadState !== 'loaded' || !this.fetchedPathway) return undefined;
    return computeProgress(this.fetchedPathway, this.heldCredentials(), this.fetchedRecords ?? [], {
      now: this.now ?? new Date(),
    });
  }

  /** Data still being read and feedback Markdown still loading. */
  protected override pending(): unknown[] {
    return [this.job, ...[...this.markdown.values()].filter((v) => v instanceof Promise)];
  }

  // --- events --------------------------------------------------------------------------------

  private select(p: RequirementProgress): void {
    const event = new McRequirementSelectEvent(p);
    this.dispatchEvent(event);
  }

  private act(p: RequirementProgress, e: Event): void {
    const event = new McNextStepEvent(p);
    if (!this.dispatchEvent(event)) e.preventDefault();
  }

  // --- rendering -----------------------------------------------------------------------------

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  private nameOf(req: PathwayRequirement): string {
    if (req.name) return req.name;
    const held = this.computed?.byId.get(req.id)?.credential?.achievementName;
    if (held) return held;
    if (req.kind === 'achievement') {
      const tail =
        req.achievementId
          .replace(/(?<![/#?])[/#?]+$/, '')
          .split(/[/#:]/)
          .pop() ?? req.achievementId;
      return tail.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
    }
    return this.t(req.kind === 'all' ? 'groupAll' : 'groupN', { n: req.n });
  }

  /** What the templates may use of the tracker (progress-tracker-templates.ts). */
  private readonly view: TrackerView = {
    t: this.t,
    localize: this.localize,
    nameOf: (req) => this.nameOf(req),
    find: (id) => this.computed?.byId.get(id)?.requirement,
    md: (text) => this.md(text),
    act: (p, e) => this.act(p, e),
    select: (p) => this.select(p),
    on: () => this.actionable,
  };

  private md(text: string): unknown {
    const hit = this.markdown.get(text);
    if (hit && !(hit instanceof Promise)) return hit;
    if (!hit) {
      const job = renderMarkdown(text, { headingLevel: Math.min(6, this.level + 2) }).then(
        (template) => {
          this.markdown.set(text, template);
          this.markdownVersion++;
        },
        () => void this.markdown.delete(text),
      );
      this.markdown.set(text, job);
    }
    return html`<p class="plain">${text}</p>`;
  }

  protected override render(): TemplateResult {
    const { t } = this;
    if (this.loadState === 'loading')
      return html`<section part="base" class="base" aria-busy="true">
        <p part="loading" role="status">${t('loading')}</p>
      </section>`;
    if (this.loadState === 'error' && this.loadError)
      return html`<section part="base" class="base">
        <div part="error" class="error" role="alert">
          <p><strong>${t('errorTitle')}</strong><br />${this.errorMessage(this.loadError)}</p>
        </div>
      </section>`;
    const p = this.computed;
    if (!p) return html`<section part="base" class="base"><p class="empty">${t('empty')}</p></section>`;
    const name = p.pathway.name;
    const summary = t('summary', {
      done: this.localize.number(p.done),
      total: this.localize.number(p.required),
    });
    const bar = html`<div
      part="progress"
      class="bar"
      role="progressbar"
      aria-label=${t('progressLabel', { name })}
      aria-valuemin="0"
      aria-valuemax=${p.required}
      aria-valuenow=${p.done}
      aria-valuetext=${summary}
    >
      <span class="fill" style="inline-size: ${p.percent}%"></span>
    </div>`;
    if (this.variant === 'compact') {
      const next = p.nextSteps[0];
      return html`<section part="base" class="base compact" aria-labelledby="name">
        <p class="compact-line">
          <span part="name" id="name" class="compact-name">${name}</span>
          <span part="summary" class="summary"
            >${p.complete ? html`${icon('earned')} ${t('complete')}` : summary}</span
          >
        </p>
        ${bar}
        ${
          next && !p.complete
            ? html`<p class="compact-next">${t('nextStep')}: ${renderAction(this.view, next)}</p>`
            : nothing
        }
      </section>`;
    }
    const sub = Math.min(6, this.level + 1);
    return html`<section part="base" class="base" aria-labelledby="name">
      ${heading(this.level, name, { part: 'name', id: 'name' })}
      ${p.pathway.description ? html`<p class="description">${p.pathway.description}</p>` : nothing}
      <p part="summary" class="summary">${summary}</p>
      ${bar} ${p.complete ? renderComplete(this.view, p, sub) : renderNext(this.view, p, sub)}
      ${heading(sub, t('requirements'), { id: 'requirements' })}
      <ol part="steps" class="steps" aria-labelledby="requirements">
        ${p.root.children.map((c) => renderStep(this.view, c, sub + 1))}
      </ol>
    </section>`;
  }

  private errorMessage(error: McError): string {
    const status = (error as McError & { status?: number }).status;
    if (error.code === 'http') return this.t('error.http', { status: status ?? '?' });
    if (error.code === 'network' || error.code === 'timeout') return this.t('error.network');
    if (error.code === 'schema' || error.code === 'invalid-json') return this.t('error.schema');
    return this.t('error.other');
  }
}
