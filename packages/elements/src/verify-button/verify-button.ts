import { Task, TaskStatus } from '@lit/task';
import {
  html,
  nothing,
  type PropertyValues,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import {
  McError,
  type Check,
  type CheckCode,
  type PresentationCheck,
  type VerificationReport,
} from '@microcred/core';
import { McElement } from '../internal/mc-element.js';
import { icon } from '../internal/icon.js';
import type { StringKey } from '../i18n/en.js';
import { stringSet } from '../i18n/localize.js';
import { McErrorEvent } from '../internal/error-event.js';
import { McVerifiedEvent, McVerifyEvent, type VerifyOutcome } from './verify-button-events.js';
import type { CheckKey } from './checks-en.js';
import styles from './verify-button.styles.js';

/** What `<mc-verify-button>` shows: before, during, each outcome, or an error (nothing to verify). */
export type VerifyButtonState = 'idle' | 'verifying' | VerifyOutcome | 'error';

type CheckStrings = Record<CheckKey, string>;

/** The check explanations: a lazy chunk per language, loaded with the verifier (never with the card). */
const checks = stringSet<CheckStrings>('checks', {
  en: () => import('./checks-en.js'),
  es: () => import('./checks-es.js'),
});

/** Thrown by `input()` when there is nothing to verify. */
const NOTHING = Symbol('nothing to verify');

/** Checks that decide whether a credential can be trusted (the others are informative). */
const informative = ['recipient', 'endorsements', 'refresh'];

/** The outcomes from best to worst. */
const rank: VerifyOutcome[] = ['verified', 'unknown', 'expired', 'revoked', 'invalid'];

/**
 * The summary of a report. Expired and revoked are said only of a credential whose signature and
 * issuer checked out; a failed check makes it `invalid`; anything not passed is `unknown` (never
 * shown as verified). A presentation's is the worst of its own (its checks but `credentials`) and
 * of each credential's.
 */
export function outcomeOf(report: VerificationReport): VerifyOutcome {
  if (report.verified) return 'verified';
  const p = report.presentation;
  if (p) {
    // its own checks (validity and status are skipped for a presentation; a failed format skips the rest)
    const checks = report.checks.filter((c) => c.id !== 'credentials');
    const own = {
      format: report.format,
      checks,
      verified: checks.every((c) => c.outcome === 'passed' || c.outcome === 'skipped'),
    };
    return rank[Math.max(...[own, ...p.credentials].map((r) => rank.indexOf(outcomeOf(r))))]!;
  }
  const get = (id: Check['id']): Check | undefined => report.checks.find((c) => c.id === id);
  const issuer = get('issuer')?.outcome;
  if (get('proof')?.outcome === 'passed' && (issuer === 'passed' || issuer === 'skipped')) {
    if (get('status')?.outcome === 'failed') return 'revoked';
    if (get('validity')?.code === 'expired') return 'expired';
  }
  return report.checks.some((c) => c.outcome === 'failed' && !informative.includes(c.id))
    ? 'invalid'
    : 'unknown';
}

const icons = {
  passed: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.3 1 1L7 11.6 3.7 8.3l1-1L7 9.6z',
  failed:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.2 4.2 8 7l2.8-2.8 1 1L9 8l2.8 2.8-1 1L8 9l-2.8 2.8-1-1L7 8 4.2 5.2z',
  unknown:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 3a2.5 2.5 0 0 1 .8 4.9v1.1H7.2V7.6H8A1 1 0 1 0 7 6.5H5.5A2.5 2.5 0 0 1 8 4zm-.8 7h1.6v1.5H7.2z',
  skipped: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM4.5 7.25h7v1.5h-7z',
  expired:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7.25 4v4.3l3 1.8.77-1.28-2.27-1.37V4z',
  revoked:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 0 1 4.3 8.9L4.6 3.7A5.5 5.5 0 0 1 8 2.5zM3.7 4.6l7.7 7.7A5.5 5.5 0 0 1 3.7 4.6z',
};
/** The icon of each summary and each check outcome (always beside words, never alone). */
const iconOf: Record<VerifyOutcome | Check['outcome'] | 'error', string> = {
  ...icons,
  verified: icons.passed,
  invalid: icons.failed,
  error: icons.unknown,
};

const outcomeWord: Record<Check['outcome'], StringKey> = {
  passed: 'verify.passed',
  failed: 'verify.failed',
  unknown: 'verify.notChecked',
  skipped: 'verify.skipped',
};

/** The host of the shadow root whose slot `el` (or its nearest slotted ancestor) is assigned to. */
function slotHost(el: Element | null): Element | null {
  for (; el; el = el.parentElement) {
    const root = el.assignedSlot?.getRootNode();
    if (root instanceof ShadowRoot) return root.host;
  }
  return null;
}

/** An element a button can verify the credential of: a card (or anything) with `credential`/`src`. */
interface CredentialSource extends Element, Partial<ReactiveControllerHost> {
  credential?: unknown;
  src?: string;
}

const INLINE = ':scope > script[type="application/json"]';

/** What `source` holds now, in the order the button reads it: its `credential`, `src` or inline JSON. */
const held = (source: CredentialSource): unknown =>
  source.credential ??
  (source.src || source.getAttribute('src') || source.querySelector(INLINE)?.textContent);

/**
 * A button that verifies a credential on request and explains the answer in plain language: whether
 * it is authentic (the issuer's signature), who issued it, whether it is current, and whether it
 * has been revoked, each check with an icon and words. "Could not check" is never shown as a pass.
 *
 * Given a Verifiable Presentation (a JSON presentation, a VP-JWT, a `vp+jwt` or an
 * `EnvelopedVerifiablePresentation`), it verifies the presentation (its proof and that its holder
 * signed it; challenge and domain are "not checked", as no verifier asked for them) and every
 * credential it holds, and shows one line per credential (its name and outcome); the result is
 * "Verified" only when the presentation and every credential are, otherwise the worst outcome.
 * `report.presentation` holds the presentation's own report.
 *
 * It verifies, in this order: its own `credential` property, its own `src`, the element whose id is
 * `for` (e.g. an `<mc-credential-card>`), or the card whose `status` slot it sits in (the card's
 * `credential`, `src` or inline JSON). The verifier (about 45 KB) loads on the first click and runs
 * in a module Web Worker (core's `verifyMany`), so the page stays responsive; where no Worker can
 * start (a CSP without `worker-src`) it runs on the page. All of the verifier's network access (DID documents, status lists, keys) goes through the `fetch`
 * property when it is set.
 *
 * A result belongs to the credential it was made for. When that changes — the button's own
 * `credential`, `src` or `for`, or the `credential`, `src` or inline JSON of the card it verified
 * (or the button moves to another card) — the button starts over: back to `idle`, no report, any
 * verification under way aborted, and no `mc-verified` or `mc-error` for the old credential (the
 * card clears its verdict when it loads the new one).
 *
 * @summary Verifies a credential on request: progress announced, the result ("Verified", "Expired",
 * "Revoked", "Could not verify") with every check in plain language, the time it was last checked,
 * and "Check again".
 *
 * @tag mc-verify-button
 *
 * @csspart base - The wrapper of the button, the result and the list of checks.
 * @csspart button - The button (a native `<button>`).
 * @csspart status - The live region announcing progress and the result (always present).
 * @csspart summary - The result: an icon and words ("Verified", "Expired", "Revoked", …).
 * @csspart reason - One sentence under the result saying why.
 * @csspart checked - The "Last checked" time.
 * @csspart checks - The disclosure (`<details>`) holding the list of checks.
 * @csspart check - One check: an icon, its name, its outcome in words and an explanation; also one credential of a presentation (an icon, its name and its outcome), in the list after the reason.
 *
 * @cssproperty [--mc-color-success=light-dark(#1b6e3a, #8fd6a5)] - Icon and border of "Verified" and of passed checks.
 * @cssproperty [--mc-color-danger=light-dark(#b3261e, #f2b8b5)] - Icon and border of failed, expired and revoked.
 * @cssproperty [--mc-color-warning=light-dark(#8a5a00, #f5c46b)] - Icon and border of "Could not verify" and of checks that could not be made.
 * @cssproperty [--mc-color-border=color-mix(in srgb, currentColor 25%, transparent)] - Borders of the button and of the list.
 * @cssproperty [--mc-radius=0.5rem] - Corner radius.
 * @cssproperty [--mc-space=1rem] - Base spacing.
 * @cssproperty [--mc-font-family=inherit] - Font family (inherits the page's font by default).
 *
 * @cssstate idle - Not verified yet.
 * @cssstate verifying - Verification is under way.
 * @cssstate verified - Every required check passed.
 * @cssstate expired - Authentic, but expired.
 * @cssstate revoked - Authentic, but revoked or suspended by its issuer.
 * @cssstate invalid - A check failed (e.g. the credential was altered after signing).
 * @cssstate unknown - Some checks could not be made (e.g. the status list was unreachable): not verified.
 * @cssstate error - There was nothing to verify, or it could not be downloaded.
 *
 * @event {McVerifyEvent} mc-verify - Before verifying; cancelable (`preventDefault()` stops it).
 * @event {McVerifiedEvent} mc-verified - After verifying; `event.report` is the full report and `event.outcome` the summary.
 * @event {McErrorEvent} mc-error - There was nothing to verify, or the credential or the verifier could not be loaded; `event.error.code` says why. Bubbles through the card the button sits in with the button as `event.target`, so a listener on the card tells it from the card's own `mc-error` (whose target is the card).
 */
export class McVerifyButton extends McElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = {
    ...McElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties = {
    credential: { attribute: false },
    src: {},
    htmlFor: { attribute: 'for' },
    now: { attribute: false },
    fetch: { attribute: false },
    phase: { state: true },
    result: { state: true },
    failure: { state: true },
  };

  /** The credential to verify: an object, JSON text, a compact JWS or baked image bytes. Property only; takes precedence over `src` and `for`. */
  credential: unknown;

  /** URL of the credential to verify (takes precedence over `for` and the surrounding card). */
  src = '';

  /** The id of the element whose credential to verify (e.g. an `<mc-credential-card>`), in the same document or shadow root. Attribute `for`. */
  htmlFor = '';

  /** The instant the credential is checked at (default: now), also shown as "last checked". Property only. */
  now: Date | undefined;

  /** Carries ALL of the verifier's network access (DID documents, status lists, keys, OB 2.0 resources) and the download of `src`; default `globalThis.fetch`. Property only. */
  fetch: typeof globalThis.fetch | undefined;

  private phase: VerifyButtonState = 'idle';
  private result: VerificationReport | undefined;
  /** The check explanations, needed (and waited for before rendering) while a result is shown. */
  private readonly checkText = this.localize.use(checks, () => this.result);
  private failure: McError | undefined;
  private checkedAt: Date | undefined;
  /** The verification under way (`@lit/task`, run by `verify()`): a new one aborts it, as does `reset()`. */
  readonly #task = new Task(this, { autoRun: false, task: (_, { signal }) => this.run(signal) });
  /** Counts `verify()` calls, so that a call overtaken by a newer one resolves `undefined`. */
  #calls = 0;
  /** The other element (card or `for`) whose credential is being or was verified, and what it held then. */
  private source: { el: CredentialSource; held: unknown } | undefined;
  /** The element `watcher` is added to (a Lit element: it tells the button before each of its updates). */
  private watching: CredentialSource | undefined;
  /** Drops the result as soon as the element verified holds another credential (its `credential`, `src` or inline JSON changed). */
  private readonly watcher: ReactiveController = { hostUpdate: () => this.follow() };

  /** `idle`, `verifying`, `verified`, `expired`, `revoked`, `invalid`, `unknown` or `error`. Read-only. */
  get state(): VerifyButtonState {
    return this.phase;
  }

  /** The last verification report, once verified. Read-only. */
  get report(): VerificationReport | undefined {
    return this.result;
  }

  /** Why there is no report, in the `error` state (an `McError` with a `code`). Read-only. */
  get error(): McError | undefined {
    return this.failure;
  }

  /** When the credential was last checked. Read-only. */
  get lastChecked(): Date | undefined {
    return this.checkedAt;
  }

  /**
   * Verifies now (what a click does): fires `mc-verify` (cancelable), then `mc-verified` with the
   * report, or `mc-error`. Resolves with the report (undefined when cancelled or on error).
   */
  verify(): Promise<VerificationReport | undefined> {
    if (!this.emit(new McVerifyEvent())) return Promise.resolve(undefined);
    this.phase = 'verifying';
    this.result = this.failure = undefined;
    const call = ++this.#calls;
    return this.#task.run().then(() => (call === this.#calls ? this.#task.value : undefined));
  }

  private async run(signal: AbortSignal): Promise<VerificationReport | undefined> {
    const f = this.fetch;
    // Called as a plain function: a host may pass `window.fetch` itself, which must not be called as a method.
    const options = {
      fetch: f && ((input: RequestInfo | URL, init?: RequestInit) => f(input, init)),
      signal,
    };
    try {
      const input = await this.input(options);
      // Core's verifyMany (a lazy chunk, as is the verifier proper) verifies in its module Worker
      // where one can start, so the page stays responsive while a large credential is canonicalised;
      // in this thread only where there is no Worker (SSR) or it cannot start (CSP). Aborting
      // `signal` stops the worker.
      const [report] = await Promise.all([
        import('@microcred/core/verify/verify-many.js')
          .then(({ verifyMany }) =>
            verifyMany([input], { ...options, ...(this.now ? { now: this.now } : {}) }),
          )
          .then(([r]) => r!),
        checks.load(this.localize.lang),
      ]);
      if (this.stale(signal)) return undefined;
      const outcome = outcomeOf(report);
      this.settle(outcome, report);
      this.emit(new McVerifiedEvent(report, outcome));
      return report;
    } catch (e) {
      if (this.stale(signal)) return undefined;
      const error =
        e instanceof McError
          ? e
          : e === NOTHING
            ? new McError('empty-input', 'There is no credential to verify.')
            : new McError('network', e instanceof Error ? e.message : String(e), { cause: e });
      this.settle('error', undefined, error);
      this.emit(new McErrorEvent(error));
      return undefined;
    }
  }

  /**
   * Whether an answer has lost its question: the verification was aborted, or the element verified
   * now holds another credential (then the button starts over: an old answer never lands on it).
   */
  private stale(signal: AbortSignal): boolean {
    if (signal.aborted) return true;
    if (!this.changed()) return false;
    this.reset();
    return true;
  }

  /** Whether the card (or `for` element) verified holds another credential than it did then. */
  private changed(): boolean {
    const source = this.source;
    return !!source && held(source.el) !== source.held;
  }

  /** Before each update of the element verified (and on reconnecting): starts over if it changed. */
  private follow(): void {
    if (this.changed()) this.reset();
  }

  /** Back to the initial state: any verification under way aborted, no result, nothing watched. */
  private reset(): void {
    this.#task.abort();
    this.settle('idle');
    this.checkedAt = undefined;
    this.source = undefined;
  }

  /** Remembers what `el` holds, and follows its updates when it is a Lit element (such as a card). */
  private watch(el: CredentialSource | null): void {
    this.source = el && el !== this ? { el, held: held(el) } : undefined;
    this.listen(this.source?.el);
  }

  /** Adds the watcher to `el` (and removes it from the element it was on). */
  private listen(el: CredentialSource | undefined): void {
    if (el === this.watching) return;
    this.watching?.removeController?.(this.watcher);
    this.watching = el;
    el?.addController?.(this.watcher);
  }

  private settle(phase: VerifyButtonState, report?: VerificationReport, error?: McError): void {
    this.phase = phase;
    this.result = report;
    this.failure = error;
    this.checkedAt = this.now ?? new Date();
  }

  /** What to verify: own `credential`, own `src`, the `for` element, or the card this button is slotted into. */
  private async input(options: { fetch: typeof fetch | undefined; signal: AbortSignal }): Promise<unknown> {
    let source: CredentialSource | null = this.credential != null || this.src ? this : this.target();
    // Verify called as the markup is created: the card around the button may not have rendered its slot yet.
    const parent = this.parentElement as (Element & { updateComplete?: Promise<unknown> }) | null;
    if (!source && parent?.updateComplete) {
      await parent.updateComplete;
      source = this.target();
    }
    this.watch(source);
    if (source?.credential != null) return source.credential;
    const src = source && (source.src || source.getAttribute('src'));
    if (src) {
      const { fetchCredential } = await import('@microcred/core/fetch/fetch-credential.js');
      const url = new URL(src, document.baseURI).href;
      return fetchCredential(url, options);
    }
    const inline = source?.querySelector(INLINE)?.textContent;
    if (inline) return inline;
    throw NOTHING;
  }

  /** The element named by `for`, else the host whose slot this button (or its slotted ancestor) is in. */
  private target(): CredentialSource | null {
    if (this.htmlFor) {
      const root = this.getRootNode() as Document | ShadowRoot;
      return root.getElementById?.(this.htmlFor) ?? null;
    }
    return slotHost(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      this.hasUpdated &&
      (changed.has('credential') || changed.has('src') || changed.has('htmlFor')) &&
      this.phase !== 'idle'
    )
      this.reset();
    for (const s of ['idle', 'verifying', 'verified', 'expired', 'revoked', 'invalid', 'unknown', 'error'])
      this.toggleState(s, s === this.phase);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved while showing a result: keep it only for the same element, still holding the same credential.
    const source = this.source;
    if (!source) return;
    if (source.el !== (this.credential != null || this.src ? this : this.target())) this.reset();
    else {
      this.listen(source.el);
      this.follow();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(undefined);
    if (this.#task.status === TaskStatus.PENDING) this.reset();
  }

  /** A verification under way. */
  protected override pending(): unknown[] {
    return [this.#task.status === TaskStatus.PENDING && this.#task.taskComplete];
  }

  /** Dispatches one of the documented events (listed in the class JSDoc). */
  private emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  private handleClick(): void {
    if (this.phase !== 'verifying') void this.verify();
  }

  /** A check explanation in the element's language, else English, else the verifier's own message. */
  private explain(check: Check | PresentationCheck): string {
    const lang = this.localize.lang;
    // every `format-…` code shares one text; any other code is a key (core's CheckCode: no cast to string)
    const key: CheckKey = check.code.startsWith('format-')
      ? 'format'
      : (check.code as Exclude<CheckCode, `format-${string}`>);
    const text = checks.get(lang, key);
    if (!text) return check.message;
    const view = this.result?.credential;
    const date = key === 'expired' ? view?.validUntil : key === 'not-yet-valid' ? view?.validFrom : undefined;
    if (text.includes('{date}'))
      return date ? this.checkText(key, { date: this.localize.date(date) }) : check.message;
    return text;
  }

  private checkName(check: Check | PresentationCheck): string {
    return checks.get(this.localize.lang, `id.${check.id}`) ?? check.id;
  }

  protected override render(): TemplateResult {
    const { t } = this.localize;
    const phase = this.phase;
    const busy = phase === 'verifying';
    const report = this.result;
    const done = phase !== 'idle' && !busy;
    const suspended = report?.checks.some((c) => c.code === 'suspended');
    const label =
      phase === 'error'
        ? 'verify.unknown'
        : phase === 'revoked' && suspended
          ? 'verify.suspended'
          : `verify.${phase}`;
    const reason = phase === 'error' ? this.errorText() : done ? t(`verify.why.${phase}` as StringKey) : '';
    const at = this.checkedAt;
    return html`<div part="base" class="base">
      <button
        part="button"
        class="button"
        type="button"
        aria-disabled=${busy ? 'true' : nothing}
        @click=${this.handleClick}
      >
        ${t(busy ? 'verify.busy' : done ? 'verify.again' : 'verify.button')}
      </button>
      <div part="status" class="status" role="status">
        ${
          busy
            ? html`<p class="progress">
                <span class="pulse" aria-hidden="true"></span>${t('verify.progress')}
              </p>`
            : done
              ? html`<p part="summary" class="summary ${phase}">
                    ${icon(iconOf[phase as keyof typeof iconOf])}<strong>${t(label as StringKey)}</strong>
                  </p>
                  <p part="reason">${reason}</p>`
              : nothing
        }
      </div>
      ${
        report?.presentation
          ? html`<ul>
              ${report.presentation.credentials.map((r) => {
                const o = outcomeOf(r);
                return this.line(o, r.credential?.name ?? t('untitled'), t(`verify.${o}`));
              })}
            </ul>`
          : nothing
      }
      ${
        done && at
          ? html`<p part="checked" class="checked">
              <time datetime=${at.toISOString()}>${t('verify.checked', { time: this.time(at) })}</time>
            </p>`
          : nothing
      }
      ${
        report && report.checks.length
          ? html`<details part="checks" class="checks">
              <summary>${t('verify.checks')}</summary>
              <ul>
                ${(report.presentation?.checks ?? report.checks).map((c) =>
                  this.line(c.outcome, this.checkName(c), t(outcomeWord[c.outcome]), this.explain(c)),
                )}
              </ul>
            </details>`
          : nothing
      }
    </div>`;
  }

  /** One line of a list: a check (or an enclosed credential), its icon and outcome in words, and why. */
  private line(tone: keyof typeof iconOf, name: string, word: string, why = ''): TemplateResult {
    return html`<li part="check" class="check ${tone}">
      ${icon(iconOf[tone])}
      <span><strong>${name}:</strong> <span class="outcome">${word}.</span> ${why}</span>
    </li>`;
  }

  private errorText(): string {
    const code = this.failure?.code;
    const key = `error.${code}` as StringKey;
    return code && this.localize.has(key) ? this.localize.t(key) : this.localize.t('error.not-a-credential');
  }

  private time(date: Date): string {
    return new Intl.DateTimeFormat(this.localize.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      date,
    );
  }
}
