import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  isExpired,
  isNotYetValid,
  normalizeCredential,
  UNTITLED_NAME,
  type CredentialView,
  type McError,
  type McErrorCode,
} from '@microcred/core';
import { McElement } from '../internal/mc-element.js';
import { headingLevel } from '../internal/heading.js';
import type * as Details from './credential-card-details.js';
import type * as Downloads from './credential-card-download.js';
import type * as Outcomes from './credential-card-outcome.js';
import { canonicalTag } from '../i18n/localize.js';
import { image, summary, type CardContext } from './credential-card-templates.js';
import { McErrorEvent } from '../internal/error-event.js';
import { McLoadEvent } from './credential-card-events.js';
import type { McVerifiedEvent } from '../verify-button/verify-button-events.js';
import styles from './credential-card.styles.js';

/** Loading state of `<mc-credential-card>`. */
export type CredentialCardState = 'empty' | 'loading' | 'loaded' | 'error';

/** Display variant of `<mc-credential-card>`. */
export type CredentialCardVariant = 'full' | 'compact';

const INLINE = ':scope>script[type="application/json"]';

/** The full variant's detail sections, loaded on first use and shared by every card on the page. */
let details: typeof Details | undefined;
let detailsJob: Promise<typeof Details> | undefined;
const loadDetails = (): Promise<typeof Details> =>
  (detailsJob ??= import('./credential-card-details.js').then((m) => (details = m)));

/** What the card shows besides a credential (an error, a presentation, a verdict), loaded on first use. */
let outcomes: typeof Outcomes | undefined;
let outcomesJob: Promise<typeof Outcomes> | undefined;
const loadOutcomes = (): Promise<typeof Outcomes> =>
  (outcomesJob ??= import('./credential-card-outcome.js').then((m) => (outcomes = m)));

/**
 * Shows one credential (an Open Badges 2.0/3.0 or CLR 2.0 credential, awarded to someone) or one
 * achievement (a catalog entry), accessibly and in the page's language.
 *
 * Give it data in one of three ways: the `credential` property (object, JSON text or compact JWS),
 * the `src` attribute (a URL: OB 3.0 JSON, an OB 2.0 hosted assertion or a JWS as text), or a child
 * `<script type="application/json">`. Any other children (for example an `<a>` around an
 * `<img alt>`) are the view shown before and without JavaScript; once the element is defined, its
 * shadow root replaces them.
 *
 * @summary One credential or achievement as a card or a compact tile: image, name, type, issuer,
 * recipient, dates, skills, how to earn, how to register, evidence and endorsements.
 *
 * @tag mc-credential-card
 *
 * @slot status - Where a verification status goes, e.g. an `<mc-verify-button>`. Shown in every state.
 *
 * @csspart base - The card's wrapper (an `<article>`).
 * @csspart image - The badge image, or the monogram shown when there is no image or it failed to load.
 * @csspart name - The credential's name (a heading of level `heading-level`).
 * @csspart type - The type label, e.g. "Micro-credential".
 * @csspart expired - The "Expired" flag (the shared clock icon and words), shown only when expired.
 * @csspart verdict - The status an `<mc-verify-button>` inside the card reported (the shared icon and words: Verified, Revoked, Suspended, Failed verification, Could not verify), once that button no longer shows it. A status is said once: while a verify button in the `status` slot, or one beside the card named by its `for`, shows a result, the card draws no flag (neither this nor expired nor not yet valid).
 * @csspart issuer - The issuer (label and name, linked to the issuer's site when known).
 * @csspart recipient - The recipient (label and name), shown only when the identity is public.
 * @csspart dates - Each date (issued, expires; label and value).
 * @csspart description - The description.
 * @csspart skills - The skills and standards section (alignments as links).
 * @csspart criteria - The "How to earn" section (criteria narrative, link and rubric).
 * @csspart registration - The "How to register" section (catalog entries that have registration data).
 * @csspart evidence - The evidence section.
 * @csspart endorsements - The endorsements count.
 * @csspart error - The error message shown in the error state.
 * @csspart loading - The loading message shown in the loading state.
 *
 * @cssproperty [--mc-color-accent=light-dark(#1f5fa6, #8ab4f8)] - Accent (the card's top rule and the type marker; decorative).
 * @cssproperty [--mc-color-surface=transparent] - Card background. Text inherits the page's color, so set both for contrast.
 * @cssproperty [--mc-color-border=color-mix(in srgb, currentColor 25%, transparent)] - Border and separators.
 * @cssproperty [--mc-color-danger=light-dark(#b3261e, #f2b8b5)] - Border and icon of the expired flag and the error message.
 * @cssproperty [--mc-color-success=light-dark(#1b6e3a, #8fd6a5)] - Border and icon of the "Verified" flag.
 * @cssproperty [--mc-radius=0.5rem] - Corner radius of the card.
 * @cssproperty [--mc-space=1rem] - Base spacing; gaps and padding are multiples of it.
 * @cssproperty [--mc-font-family=inherit] - Font family (inherits the page's font by default).
 * @cssproperty [--mc-credential-card-image-size=6rem] - Width of the image (the compact variant defaults to 3.5rem).
 *
 * @cssstate loading - The credential at `src` is being downloaded.
 * @cssstate error - The credential could not be loaded or read.
 * @cssstate expired - The credential has expired (relative to `now`).
 * @cssstate achievement - An achievement (catalog entry) is shown, not an awarded credential.
 * @cssstate verified - An `<mc-verify-button>` inside the card verified the credential.
 * @cssstate revoked - An `<mc-verify-button>` inside the card found the credential revoked (expired sets `expired`).
 *
 * @event {McLoadEvent} mc-load - A credential was loaded and normalised; `event.view` holds it.
 * @event {McErrorEvent} mc-error - The credential could not be loaded or read; `event.error` is an `McError` with a `code`. Dispatched on the card itself: an `mc-error` of an element inside it (an `<mc-verify-button>` in the `status` slot) also bubbles through the card, with that element as `event.target`, so check `event.target === card`.
 */
export class McCredentialCard extends McElement {
  static override styles = styles;

  // Reactive properties declared statically rather than with decorators: the decorator runtime
  // costs bytes in every embed, and the card has a 15 KB budget.
  static override properties = {
    credential: { attribute: false },
    src: {},
    variant: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
  };

  /** The credential to show: a credential or achievement object, JSON text, or a compact JWS. Property only; takes precedence over `src`. */
  credential: unknown;

  /** URL of the credential (OB 3.0 JSON, OB 2.0 hosted assertion, or a compact JWS as text), resolved against the page. */
  src = '';

  /** `full` card or `compact` tile. */
  variant: CredentialCardVariant = 'full';

  /** The heading level (1–6) of the credential's name; section headings follow one level below. */
  headingLevel = 3;

  /** The instant expiry is judged at (default: now). Property only. */
  now: Date | undefined;

  // Internal state in #private fields, which the minifier shortens (reactive `state` properties keep
  // their names): whatever changes them calls `requestUpdate()` (`#show`, the image and verdict handlers).
  #loadState: CredentialCardState = 'empty';
  #loadedView: CredentialView | undefined;
  #loadError: Outcomes.Failure | undefined;
  #failedImage: string | undefined;
  /** What an `<mc-verify-button>` in the card reported (`mc-verified` bubbles to the card); `#show` clears it. */
  #verdict: McVerifiedEvent | undefined;
  /** The element that reported it (the event's target, kept: dispatch clears it in a shadow tree). */
  #verifier: Node | undefined;

  constructor() {
    super();
    this.addEventListener('mc-verified', (e) => {
      this.#verdict = e;
      this.#verifier = e.target as Node;
      // Show what was verified: for a hosted OB 2.0 badge, the issuer's copy, not the one given.
      const v = e.report.credential;
      if (v?.id && v.id === this.#loadedView?.id) this.#loadedView = v;
      this.requestUpdate();
    });
  }

  /** The download of `src` (`@lit/task`), made with the first `src` (`#downloader` loads it). */
  #download: Downloads.Download | undefined;
  /** The download module, once loaded (it holds the default `fetchSource`). */
  #downloads: typeof Downloads | undefined;
  #downloader: Promise<unknown> | undefined;
  /** The look inside an input that could not be read (`#fail`), while it loads. */
  #looking: Promise<unknown> | undefined;
  /** Taken out of the page while downloading: the download was aborted; it restarts on return. */
  #interrupted = false;
  #inlineObserver: MutationObserver | undefined;
  #inlineText: string | undefined;
  #pendingEvent: Event | undefined;
  #markdown: ReturnType<typeof Details.markdownCache> | undefined;

  /** The normalised credential being shown, once loaded. Read-only. */
  get view(): CredentialView | undefined {
    return this.#loadedView;
  }

  /** Why the credential could not be shown, in the error state. Read-only. */
  get error(): McError | undefined {
    return this.#loadError?.error;
  }

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): CredentialCardState {
    return this.#loadState;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#interrupted) {
      this.#interrupted = false;
      this.#show('loading');
      void this.#download!.run();
    } else if (this.hasUpdated && this.credential == null && !this.src) {
      this.#watchInline();
      this.#readInline(false);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#inlineObserver?.disconnect();
    this.#inlineObserver = undefined;
    if (this.#download?.status == 1 /* TaskStatus.PENDING */) {
      this.#download.abort();
      this.#interrupted = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('credential') || changed.has('src')) this.#load();
    const view = this.#loadedView;
    this.toggleState('loading', this.#loadState === 'loading');
    this.toggleState('error', this.#loadState === 'error');
    const v = this.#verdict?.outcome;
    this.toggleState('expired', (!!view && isExpired(view, this.now ?? new Date())) || v === 'expired');
    this.toggleState('verified', v === 'verified');
    this.toggleState('revoked', v === 'revoked');
    this.toggleState('achievement', view?.kind === 'achievement');
  }

  protected override updated(): void {
    const event = this.#pendingEvent;
    this.#pendingEvent = undefined;
    if (event) this.dispatchEvent(event);
  }

  /**
   * The download task's module, detail sections and Markdown still loading. Not the download of
   * `src` itself: `updateComplete` shows the loading state; `mc-load` / `mc-error` tell when it ended.
   */
  protected override pending(): unknown[] {
    const waiting = this.#loadedView && this.variant !== 'compact' && !details && detailsJob;
    return [
      this.#downloader,
      this.#looking,
      waiting,
      !outcomes && outcomesJob,
      ...(this.#markdown?.pending() ?? []),
    ];
  }

  /** Reads the current input (property, then `src`, then inline JSON) and shows it. */
  #load(): void {
    if (this.credential != null) {
      this.#stopWatchingInline();
      this.#settle(this.credential);
    } else if (this.src) {
      this.#stopWatchingInline();
      this.#show('loading');
      // The download task runs at each update from then on (a new `src` aborts the one under way).
      // A server render shows the loading state; the browser downloads after hydration.
      if (!isServer && !this.#download && !this.#downloader) {
        // The loading pulse's styles (decorative) come beside the download's code.
        import('./credential-card-loading.styles.js').then(
          (m) => this.#adopt(m.default.styleSheet),
          () => undefined,
        );
        this.#downloader = import('./credential-card-download.js').then((m) => {
          this.#downloader = undefined;
          this.#downloads = m;
          this.#download = m.download(
            this,
            (url, signal) => this.fetchSource(url, signal),
            (data) => this.#settle(data),
            // Aborted because the card left the page: it downloads again when it comes back.
            (e) => this.#interrupted || this.#fail(undefined, e, 'network'),
          );
          this.requestUpdate();
        });
      }
    } else if (!isServer) {
      this.#readInline(true);
      this.#watchInline();
    }
  }

  /** Follows the inline JSON: the parser may add (or stream) it after the element is upgraded. */
  #watchInline(): void {
    if (this.#inlineObserver || !this.isConnected) return;
    this.#inlineObserver = new MutationObserver(() => this.#readInline(false));
    this.#inlineObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  /**
   * Downloads the credential at `url` for `src`: through the client of the nearest `<mc-provider>`
   * when there is one, else with core's `fetchCredential` (content negotiation, OB 2.0 hosted
   * assertions, typed errors, timeout). Loaded on first use so pages that pass credentials as
   * properties never download it; subclasses may supply their own.
   */
  protected fetchSource(url: string, signal: AbortSignal): Promise<unknown> {
    return this.#downloads!.fetchSource(this, url, signal);
  }

  #readInline(force: boolean): void {
    const text = this.querySelector(INLINE)?.textContent ?? undefined;
    if (!force && text === this.#inlineText) return;
    this.#inlineText = text;
    if (text === undefined) this.#show('empty');
    else this.#settle(text);
  }

  #stopWatchingInline(): void {
    this.#inlineObserver?.disconnect();
    this.#inlineObserver = undefined;
    this.#inlineText = undefined;
  }

  #show(
    loadState: CredentialCardState,
    view?: CredentialView,
    error?: Outcomes.Failure,
    event?: Event,
  ): void {
    this.#loadState = loadState;
    this.#loadedView = view;
    this.#verdict = undefined;
    this.#loadError = error;
    this.#pendingEvent = event;
    this.#looking = undefined;
    this.#markdown?.clear();
    this.requestUpdate();
  }

  /** Shows `input` (whatever was given or downloaded), or why it cannot (`#fail`). */
  #settle(input: unknown): void {
    try {
      const view = normalizeCredential(input);
      this.#show('loaded', view, undefined, new McLoadEvent(view));
    } catch (e) {
      this.#fail(input, e, 'not-a-credential');
    }
  }

  /**
   * Shows why `input` (`undefined` for a failed download) cannot be shown (`e`; `fallback` when it
   * is no `McError`). A lazy look inside says what it is instead (a presentation, whose credentials
   * it lists; an SD-JWT, COSE), or opens the envelope it is (`data:application/vc+jwt,…`) and shows
   * the credential in it. Until it answers, the card stays as it was (a newer input wins: `#show`
   * drops this look).
   */
  #fail(input: unknown, e: unknown, fallback: McErrorCode): void {
    const look: Promise<unknown> = (this.#looking = loadOutcomes()
      .then(
        (m) => m.explain(this, input, e, fallback),
        // Without the chunk (it could not be loaded), the error as it is, without words.
        () => ({ error: e as McError }),
      )
      .then((out) => {
        if (look != this.#looking) return;
        if ('inner' in out) this.#settle(out.inner);
        else this.#show('error', undefined, out, new McErrorEvent(out.error));
      }));
  }

  #onImageError = (e: Event): void => {
    this.#failedImage = (e.target as HTMLImageElement).getAttribute('src') ?? undefined;
    this.requestUpdate();
  };

  protected override render(): TemplateResult {
    const view = this.#loadedView;
    const c = view && this.#context(view);
    const full = c && this.#full();
    return html`<article
      part="base"
      class=${this.#loadState === 'empty' ? 'base empty' : 'base'}
      aria-labelledby=${view ? 'name' : nothing}
      aria-busy=${this.#loadState === 'loading' ? 'true' : nothing}
    >
      <div class="layout">
        ${c ? image(view!, c, this.#failedImage, this.#onImageError) : nothing}
        <div class="main">
          ${
            this.#loadState === 'loading'
              ? html`<p part="loading" class="loading" role="status">${this.localize.t('loading')}</p>`
              : nothing
          }
          ${
            this.#loadError
              ? this.#outcomes()?.render(
                  this.localize,
                  this.#loadError,
                  headingLevel(this.headingLevel),
                  this.now,
                )
              : nothing
          }
          ${
            c
              ? summary(view!, c, full, this.now ?? new Date(), this.variant == 'compact', this.#flags(view!))
              : nothing
          }
          <slot name="status" @slotchange=${() => this.requestUpdate()}></slot>
        </div>
        ${full ? full.renderDetails(view!, c!) : nothing}
      </div>
    </article>`;
  }

  /**
   * The flags of the outcome module (not yet valid, a verify button's verdict) when there are any:
   * loaded on first use (`pending` waits for it), as few credentials need them. `undefined` (no
   * flag, not even Expired) while the verify button in the status slot says the status (issue 13
   * item 6), and until the module is loaded.
   */
  #flags(view: CredentialView): unknown {
    const now = this.now ?? new Date();
    // A verify button beside the card, named by its `for`, may say the status (the outcome module checks).
    const beside =
      !isServer &&
      this.id &&
      [...(this.getRootNode() as ParentNode).querySelectorAll('mc-verify-button[for]')].find(
        (b) => b.getAttribute('for') == this.id,
      );
    if (!this.#verdict && !beside && !isNotYetValid(view, now)) return nothing;
    if (!outcomes)
      loadOutcomes().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    return this.#outcomes()?.flags(
      this,
      view,
      now,
      this.#verdict,
      this.#verdict ? this.#verifier : beside || undefined,
      this.localize,
    );
  }

  /** The outcome module, once loaded, its styles adopted (`#fail` and `#flags` load it). */
  #outcomes(): typeof Outcomes | undefined {
    if (outcomes) this.#adopt(outcomes.styles.styleSheet);
    return outcomes;
  }

  /** Adds a lazy part's style sheet to the card's shadow root, once. */
  #adopt(sheet: CSSStyleSheet | undefined): void {
    const root = this.renderRoot as ShadowRoot;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** What the templates (the card's and the lazy details') need from the card, for `view`. */
  #context(view: CredentialView): CardContext {
    return {
      localize: this.localize,
      level: headingLevel(this.headingLevel),
      // Issuer text's language (WCAG 3.1.2): `lang=""` when unknown, never the page's (as core's textLang).
      lang: canonicalTag(view.language) ?? '',
      name: view.name === UNTITLED_NAME ? this.localize.t('untitled') : view.name,
      md: (text, level) =>
        (this.#markdown ??= details!.markdownCache(() => this.requestUpdate())).md(text, level),
    };
  }

  /**
   * The full variant's module, once loaded; `undefined` until then (the first call requests it and
   * re-renders when it arrives) and for the compact variant.
   */
  #full(): typeof Details | undefined {
    if (this.variant === 'compact') return undefined;
    if (!details) {
      loadDetails().then(
        () => this.requestUpdate(),
        () => undefined,
      );
      return undefined;
    }
    this.#adopt(details.styles.styleSheet);
    return details;
  }
}
