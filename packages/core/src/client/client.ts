/**
 * `createClient()`: a thin typed client for the Open Badges 3.0 REST API (`/ims/ob/v3p0`) and for
 * credentials at any URL. Every response is validated at this boundary; every failure is a typed
 * `McError`; every call takes an `AbortSignal`.
 */
import type * as z from 'zod/mini';
import { fetchCredential as fetchCredentialAt } from '../fetch/fetch-credential.js';
import type { Catalog } from '../catalog/index.js';
import type { Pathway, ProgressRecord } from '../pathway/index.js';
import { McFormatError } from '../model/errors.js';
import { McHttpError, McSchemaError } from '../model/errors-remote.js';
import { isCompactJws } from '../parse/parse-input.js';
import type { SchemaIssue } from '../schemas/common.js';
import { ProfileSchema } from '../schemas/ob3.js';
import type { Profile } from '../schemas/ob3.js';
import { validateCredential } from '../schemas/validate.js';
import { CredentialsResponseSchema, ServiceDescriptionSchema } from './api-schemas.js';
import type { ServiceDescription } from './api-schemas.js';
import { request, retryDelay, sleep } from './http.js';
import type { RawResponse, RequestSettings } from './http.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The API's base URL, including `/ims/ob/v3p0` (e.g. `https://issuer.example/ims/ob/v3p0`).
   * Optional when the client is only used for `fetchCredential`.
   */
  baseUrl?: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /**
   * The bearer token, or a function that returns one (called per request, so it can refresh). A
   * token function is called once more after a 401. The token is only sent to `baseUrl`'s origin.
   */
  accessToken?: string | (() => string | Promise<string>);
  /** Time limit per attempt in milliseconds (default 15000). */
  timeoutMs?: number;
  /** Extra attempts for idempotent requests after a transient failure (default 2). */
  retries?: number;
  /** First backoff delay in milliseconds, doubled per retry (default 300). */
  retryDelayMs?: number;
  /**
   * Validate every credential in API answers against the schema of its format (default true). With
   * false, only the response's own shape is checked, and credentials are passed on as they are.
   */
  strict?: boolean;
  /** Longest wait between attempts, also the largest `Retry-After` honoured (default 30000). */
  maxRetryDelayMs?: number;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of `getCredentials()` and the page iterators. */
export interface GetCredentialsOptions extends CallOptions {
  /** Page size (`limit`, at least 1). */
  limit?: number;
  /** Index of the first credential (`offset`). */
  offset?: number;
  /** Only credentials issued or updated since this time (`since`). */
  since?: Date | string;
}

/** The pagination links of a response (`Link` header), as absolute URLs. */
export interface PageLinks {
  first?: string;
  last?: string;
  next?: string;
  prev?: string;
}

/** One page of `GET /credentials`. */
export interface CredentialsPage {
  /** The JSON-LD credentials (`credential[]`), each validated against its schema. */
  credentials: Record<string, unknown>[];
  /** The VC-JWT credentials (`compactJwsString[]`, or the misspelt `compactJwsStrings[]`). */
  compactJwsStrings: string[];
  /** `X-Total-Count`, when the server sent it. */
  totalCount?: number;
  /** `Link` header relations. */
  links: PageLinks;
  /** The URL this page came from. */
  url: string;
}

/** What `discover()` found. */
export interface Discovery {
  /** The validated OpenAPI document as sent. */
  document: ServiceDescription;
  /** `info.title`. */
  name: string;
  /** The API base URL from `servers[0].url`, when given. */
  apiUrl?: string;
  /** Every OAuth 2.0 scope the service lists, with its description. */
  scopes: Record<string, string>;
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  /** Dynamic client registration endpoint (`x-imssf-registrationUrl`). */
  registrationUrl?: string;
  termsOfService?: string;
  privacyPolicyUrl?: string;
  image?: string;
}

/** The result of `upsertCredential()`. */
export interface UpsertResult {
  /** True for 201 Created, false for 200 (replaced). */
  created: boolean;
  /** The credential as the server stored it (object, or compact JWS). */
  credential: Record<string, unknown> | string;
}

/** The client returned by {@link createClient}. */
export interface McClient {
  /** The API base URL (no trailing slash), or undefined. */
  readonly baseUrl: string | undefined;
  /** The `fetch` this client uses (with no token added). */
  readonly fetch: typeof fetch;
  /** `GET /discovery` (unauthenticated): the service description with OAuth URLs and scopes. */
  discover(options?: CallOptions): Promise<Discovery>;
  /** `GET /credentials`: one page. */
  getCredentials(options?: GetCredentialsOptions): Promise<CredentialsPage>;
  /** Every page of `GET /credentials`, following `Link: rel="next"` on the API's origin. */
  credentialPages(options?: GetCredentialsOptions): AsyncIterableIterator<CredentialsPage>;
  /** Every credential over every page: objects first, then JWS strings, page by page. */
  credentials(options?: GetCredentialsOptions): AsyncIterableIterator<Record<string, unknown> | string>;
  /** `POST /credentials` with JSON or a compact JWS (`text/plain`). Never retried. */
  upsertCredential(
    credential: Record<string, unknown> | string,
    options?: CallOptions,
  ): Promise<UpsertResult>;
  /** `GET /profile`. */
  getProfile(options?: CallOptions): Promise<Profile>;
  /** `PUT /profile`; resolves to the profile as stored. */
  putProfile(profile: Profile, options?: CallOptions): Promise<Profile>;
  /**
   * Downloads a credential from any http(s) URL with content negotiation (see `fetchCredential`),
   * through this client's `fetch` and timeout; transient failures are retried. No token is sent.
   */
  fetchCredential(url: string, options?: CallOptions): Promise<Record<string, unknown> | string>;
  /** Downloads and parses a catalog feed (JSON, CSV or CTDL; see `fetchCatalog`), with this client's fetch, timeout and retries. */
  fetchCatalog(url: string, options?: CallOptions): Promise<Catalog>;
  /** Downloads a pathway (a `#fragment` names the stack; see `fetchPathway`), with this client's fetch, timeout and retries. */
  fetchPathway(url: string, options?: CallOptions): Promise<Pathway>;
  /** Downloads a learner's progress records (see `fetchProgress`), with this client's fetch, timeout and retries. */
  fetchProgress(url: string, options?: CallOptions): Promise<ProgressRecord[]>;
}

/** Turns zod issues into path + message pairs under `prefix`. */
function zodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): SchemaIssue[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))]
      .join('')
      .replace(/^\./, ''),
    message: i.message,
  }));
}

function schemaError(what: string, url: string, issues: SchemaIssue[]): McSchemaError {
  const first = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path} ${i.message}` : i.message))
    .join('; ');
  return new McSchemaError(
    `The answer from ${url} is not a valid ${what}: ${first}${issues.length > 3 ? '; …' : ''}.`,
    issues,
  );
}

function parseJson(res: RawResponse): unknown {
  try {
    return JSON.parse(res.text.replace(/^\uFEFF/, '')) as unknown;
  } catch (cause) {
    throw new McSchemaError(
      `The answer from ${res.url} is not JSON.`,
      [{ path: '', message: 'is not JSON' }],
      {
        cause,
      },
    );
  }
}

/** Parses a `Link` header into absolute URLs, resolved against `base`. */
export function parseLinkHeader(value: string | null, base: string): PageLinks {
  const links: PageLinks = {};
  if (!value) return links;
  for (const m of value.matchAll(/<([^<>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(m[2] ?? '')?.[1];
    if (!rel) continue;
    let href: string;
    try {
      href = new URL(m[1] ?? '', base).href;
    } catch {
      continue;
    }
    for (const r of rel.toLowerCase().split(/\s+/))
      if (r === 'first' || r === 'last' || r === 'next' || r === 'prev') links[r] ??= href;
  }
  return links;
}

/**
 * Creates a client for an Open Badges 3.0 API (and for credentials at any URL).
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://issuer.example/ims/ob/v3p0', accessToken: getToken });
 * for await (const page of client.credentialPages({ limit: 50 })) console.log(page.credentials.length);
 * ```
 *
 * @throws {McHttpError} non-2xx answers, with `status` and the `Imsx_StatusInfo` `body`.
 * @throws {McSchemaError} answers that do not follow the standard, with the failing `issues` paths.
 * @throws {McTimeoutError} / {@link McNetworkError} after the last attempt.
 * @throws {McError} `aborted` when a signal aborts.
 */
export function createClient(options: ClientOptions = {}): McClient {
  const f = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const settings: RequestSettings = {
    fetch: f,
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 300,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
  };
  let baseUrl: string | undefined;
  if (options.baseUrl !== undefined) {
    let u: URL | undefined;
    try {
      u = new URL(options.baseUrl);
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
      throw new McFormatError('unsupported-format', 'The API base URL must start with http:// or https://.');
    baseUrl = u.href.replace(/(?<!\/)\/+$/, '');
  }
  const api = (path: string): string => {
    if (!baseUrl)
      throw new McFormatError('unsupported-format', 'This client has no baseUrl, so it cannot call the API.');
    return `${baseUrl}${path}`;
  };
  const sameOrigin = (url: string): boolean => !!baseUrl && new URL(url).origin === new URL(baseUrl).origin;

  const token = async (): Promise<string | undefined> => {
    const t = options.accessToken;
    return typeof t === 'function' ? await t() : t;
  };

  /** An API call with the bearer token (retried once with a fresh token after a 401). */
  const call = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    init: { signal?: AbortSignal | undefined; body?: string; contentType?: string; auth?: boolean } = {},
  ): Promise<RawResponse> => {
    const send = async (): Promise<RawResponse> => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (init.contentType) headers['Content-Type'] = init.contentType;
      if (init.auth !== false && sameOrigin(url)) {
        const t = await token();
        if (t) headers['Authorization'] = `Bearer ${t}`;
      }
      return request(
        {
          method,
          url,
          headers,
          signal: init.signal,
          ...(init.body === undefined ? {} : { body: init.body }),
        },
        settings,
      );
    };
    try {
      return await send();
    } catch (e) {
      if (
        e instanceof McHttpError &&
        e.status === 401 &&
        typeof options.accessToken === 'function' &&
        init.auth !== false
      )
        return send();
      throw e;
    }
  };

  /** Runs a download with this client's fetch and timeout, retrying transient failures (GETs only). */
  const retried = async <T>(
    once: (d: { fetch: typeof fetch; timeoutMs: number; signal?: AbortSignal }) => Promise<T>,
    o: CallOptions,
  ): Promise<T> => {
    const d = { fetch: f, timeoutMs: settings.timeoutMs, ...(o.signal ? { signal: o.signal } : {}) };
    for (let i = 0; ; i++) {
      try {
        return await once(d);
      } catch (e) {
        const wait = i < settings.retries ? retryDelay(e, i, settings) : undefined;
        if (wait === undefined) throw e;
        await sleep(wait, o.signal);
      }
    }
  };

  const toPage = (res: RawResponse): CredentialsPage => {
    const json = parseJson(res);
    const r = CredentialsResponseSchema.safeParse(json);
    if (!r.success) throw schemaError('credentials response', res.url, zodIssues(r.error.issues));
    const issues: SchemaIssue[] = [];
    const credentials = (r.data.credential ?? []) as Record<string, unknown>[];
    credentials.forEach((c, i) => {
      const v = validateCredential(c);
      if (!v.ok)
        issues.push(
          ...v.issues.map((x) => ({ ...x, path: `credential[${i}]${x.path ? `.${x.path}` : ''}` })),
        );
    });
    const jwsField = r.data.compactJwsString ? 'compactJwsString' : 'compactJwsStrings';
    const compactJwsStrings = r.data.compactJwsString ?? r.data.compactJwsStrings ?? [];
    compactJwsStrings.forEach((jws, i) => {
      const v = validateCredential(jws);
      if (!v.ok)
        issues.push(
          ...v.issues.map((x) => ({ ...x, path: `${jwsField}[${i}]${x.path ? `.${x.path}` : ''}` })),
        );
    });
    if (issues.length && options.strict !== false) throw schemaError('credentials response', res.url, issues);
    const total = res.headers.get('x-total-count');
    const page: CredentialsPage = {
      credentials,
      compactJwsStrings,
      links: parseLinkHeader(res.headers.get('link'), res.url),
      url: res.url,
    };
    if (total !== null && /^\s*\d+\s*$/.test(total)) page.totalCount = Number(total);
    return page;
  };

  const credentialsUrl = (o: GetCredentialsOptions): string => {
    const url = new URL(api('/credentials'));
    if (o.limit !== undefined) {
      if (!Number.isInteger(o.limit) || o.limit < 1)
        throw new RangeError('limit must be a whole number ≥ 1.');
      url.searchParams.set('limit', String(o.limit));
    }
    if (o.offset !== undefined) {
      if (!Number.isInteger(o.offset) || o.offset < 0)
        throw new RangeError('offset must be a whole number ≥ 0.');
      url.searchParams.set('offset', String(o.offset));
    }
    if (o.since !== undefined) {
      const d = typeof o.since === 'string' ? new Date(o.since) : o.since;
      if (Number.isNaN(d.getTime())) throw new RangeError('since must be a valid date.');
      url.searchParams.set('since', d.toISOString());
    }
    return url.href;
  };

  const profileOf = (res: RawResponse): Profile => {
    const r = ProfileSchema.safeParse(parseJson(res));
    if (!r.success) throw schemaError('profile', res.url, zodIssues(r.error.issues));
    return r.data;
  };

  const client: McClient = {
    baseUrl,
    fetch: f,

    async discover(o = {}) {
      const res = await call('GET', api('/discovery'), { signal: o.signal, auth: false });
      const r = ServiceDescriptionSchema.safeParse(parseJson(res));
      if (!r.success) throw schemaError('service description', res.url, zodIssues(r.error.issues));
      const doc = r.data;
      const schemes = Object.values(doc.components?.securitySchemes ?? {});
      const oauth = schemes.find((s) => s.type === 'oauth2' && s.flows?.authorizationCode) ?? schemes[0];
      const flow = oauth?.flows?.authorizationCode;
      const d: Discovery = { document: doc, name: doc.info.title, scopes: { ...(flow?.scopes ?? {}) } };
      const set = <K extends keyof Discovery>(k: K, v: Discovery[K] | undefined): void => {
        if (v !== undefined) d[k] = v;
      };
      set('apiUrl', doc.servers?.[0]?.url);
      set('authorizationUrl', flow?.authorizationUrl);
      set('tokenUrl', flow?.tokenUrl);
      set('refreshUrl', flow?.refreshUrl);
      set('registrationUrl', oauth?.['x-imssf-registrationUrl']);
      set('termsOfService', doc.info.termsOfService);
      set('privacyPolicyUrl', doc.info['x-imssf-privacyPolicyUrl']);
      set('image', doc.info['x-imssf-image']);
      return d;
    },

    async getCredentials(o = {}) {
      return toPage(await call('GET', credentialsUrl(o), { signal: o.signal }));
    },

    async *credentialPages(o = {}) {
      let url: string | undefined = credentialsUrl(o);
      const seen = new Set<string>();
      while (url && !seen.has(url) && seen.size < 10_000) {
        seen.add(url);
        const page = toPage(await call('GET', url, { signal: o.signal }));
        yield page;
        const next = page.links.next;
        // Never follow a link to another origin: the bearer token must not leave the API.
        url = next && sameOrigin(next) ? next : undefined;
      }
    },

    async *credentials(o = {}) {
      for await (const page of client.credentialPages(o)) {
        yield* page.credentials;
        yield* page.compactJwsStrings;
      }
    },

    async upsertCredential(credential, o = {}) {
      const jws = typeof credential === 'string';
      if (jws && !isCompactJws(credential.trim()))
        throw new McSchemaError('Only a JSON credential or a compact JWS can be sent.', [
          { path: '', message: 'must be a compact JWS' },
        ]);
      const res = await call('POST', api('/credentials'), {
        signal: o.signal,
        body: jws ? credential.trim() : JSON.stringify(credential),
        contentType: jws ? 'text/plain' : 'application/json',
      });
      const text = res.text.trim();
      let stored: Record<string, unknown> | string;
      if (isCompactJws(text)) stored = text;
      else if (text === '') stored = credential;
      else {
        const json = parseJson(res);
        const v = validateCredential(json);
        if (!v.ok) throw schemaError('credential', res.url, v.issues);
        stored = json as Record<string, unknown>;
      }
      return { created: res.status === 201, credential: stored };
    },

    async getProfile(o = {}) {
      return profileOf(await call('GET', api('/profile'), { signal: o.signal }));
    },

    async putProfile(profile, o = {}) {
      const r = ProfileSchema.safeParse(profile);
      if (!r.success) throw schemaError('profile', api('/profile'), zodIssues(r.error.issues));
      const res = await call('PUT', api('/profile'), {
        signal: o.signal,
        body: JSON.stringify(profile),
        contentType: 'application/json',
      });
      return res.text.trim() === '' ? r.data : profileOf(res);
    },

    fetchCredential(url, o = {}) {
      // fetchCredential does the negotiation; transient failures get this client's retry policy.
      return retried((d) => fetchCredentialAt(url, d), o);
    },

    // The feed parsers (zod) load on first use, so a client that never reads feeds never downloads them.
    async fetchCatalog(url, o = {}) {
      const { fetchCatalog } = await import('../catalog/fetch.js');
      return retried((d) => fetchCatalog(url, d), o);
    },

    async fetchPathway(url, o = {}) {
      const { fetchPathway } = await import('../pathway/fetch.js');
      return retried((d) => fetchPathway(url, d), o);
    },

    async fetchProgress(url, o = {}) {
      const { fetchProgress } = await import('../pathway/fetch.js');
      return retried((d) => fetchProgress(url, d), o);
    },
  };
  return client;
}
