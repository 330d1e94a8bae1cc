import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import { McError, type VerificationReport } from '@microcred/core';
import { McElement } from '../internal/mc-element.js';
import { icon } from '../internal/icon.js';
import type { StringKey } from '../i18n/en.js';
import { McErrorEvent } from '../internal/error-event.js';
import { McVerifiedEvent, McVerifyEvent, type VerifyOutcome } from './verify-button-events.js';
import styles from './verify-button.styles.js';
import { iconOf, loadIcons, outcomeOf, outcomeWord, statusOf } from './verify-button-outcome.js';
import { checkName, checks, errorText, explain, line, time } from './verify-button-templates.js';
import { held, INLINE, slotHost, type CredentialSource } from './verify-button-source.js';

export { outcomeOf };

/** What `<mc-verify-button>` shows: before, during, each outcome, or an error (nothing to verify). */
export type VerifyButtonState = 'idle' | 'verifying' | VerifyOutcome | 'error';

/** Thrown by `input()` when there is nothing to verify. */
const NOTHING = Symbol('nothing to verify');

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
    // The icons come with the verifier: they are drawn only beside a result (or an error).
    const icons = loadIcons();
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
        icons,
      ]);
      if (this.stale(signal)) return undefined;
      const outcome = outcomeOf(report);
      this.settle(outcome, report);
      this.emit(new McVerifiedEvent(report, outcome));
      return report;
    } catch (e) {
      await icons.catch(() => {});
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
    // The card it verifies draws no status flag while this button says the status (issue 13 item 6).
    this.source?.el.requestUpdate?.();
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

  protected override render(): TemplateResult {
    const { t } = this.localize;
    const phase = this.phase;
    const busy = phase === 'verifying';
    const report = this.result;
    const done = phase !== 'idle' && !busy;
    // One status vocabulary with the wallet and the tracker (words and icon); the reason leads with it.
    const s = done ? statusOf(phase as VerifyOutcome | 'error', report) : 'unknown';
    const reason =
      phase === 'error' ? errorText(this.localize, this.failure) : t(`verify.why.${s}` as StringKey);
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
              ? html`<p part="summary" class="summary ${s}">
                    ${icon(iconOf[s as keyof typeof iconOf])}<strong>${t(`verify.${s}`)}</strong>
                  </p>
                  <p part="reason">${reason}</p>`
              : nothing
        }
      </div>
      ${
        report?.presentation
          ? html`<ul>
              ${report.presentation.credentials.map((r) => {
                const s = statusOf(outcomeOf(r), r);
                return line(this.localize.lang, s, r.credential?.name ?? t('untitled'), t(`verify.${s}`));
              })}
            </ul>`
          : nothing
      }
      ${
        done && at
          ? html`<p part="checked" class="checked">
              <time datetime=${at.toISOString()}
                >${t('verify.checked', { time: time(this.localize, at) })}</time
              >
            </p>`
          : nothing
      }
      ${
        report && report.checks.length
          ? html`<details part="checks" class="checks">
              <summary>${t('verify.checks')}</summary>
              <ul>
                ${(report.presentation?.checks ?? report.checks).map((c) =>
                  line(
                    this.localize.lang,
                    c.outcome,
                    checkName(this.localize.lang, c, !!report.presentation),
                    t(outcomeWord[c.outcome]),
                    explain(this.localize, this.checkText, c, report.credential, !!report.presentation),
                  ),
                )}
              </ul>
            </details>`
          : nothing
      }
    </div>`;
  }
}
