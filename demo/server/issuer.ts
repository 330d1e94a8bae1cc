/**
 * The demo issuer: a small but real Open Badges 3.0 issuer and host on node:http. See README.md in
 * this folder for every route, the demo tokens and the did:web choice.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bakePng, bakeSvg } from '../../packages/core/src/bake/index.js';
import { isCompactJws, parseCredentialInput } from '../../packages/core/src/parse/parse-input.js';
import { validateCredential } from '../../packages/core/src/schemas/validate.js';
import { Documents, EXAMPLES, UNAVAILABLE_STATUS_PATH } from './documents.js';
import type { ExampleName } from './documents.js';
import { readForm, offeringOf, registrationPage } from './registration.js';
import { discoveryHeader, discoveryLink, embedFile, oembedAnswer, OEmbedError } from './oembed.js';
import type { EmbedTarget } from './oembed.js';
import { badgePng, badgeSvg } from './images.js';
import { ACHIEVEMENTS, DISTRICT, EDUCATORS, LEGACY_BADGE, STACKS } from './seed-data.js';
import { createSigner } from './sign.js';
import { Store } from './store.js';
import type { AwardRow, EducatorRow } from './store.js';

export interface IssuerOptions {
  /** Port to listen on (0 = any free port). Default 8787. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Public host name used in identifiers (`did:web:<publicHost>%3A<port>`). Default `localhost`. */
  publicHost?: string;
  /** Where the SQLite file lives. Default `demo/server/data`. */
  dataDir?: string;
  /** Reseed the database. */
  reset?: boolean;
  /** Log each request to stdout. */
  log?: boolean;
  /**
   * Folder (URL ending in `/`) where @microcred/embed's files are served: the frames of its oEmbed
   * answers and credential pages load `frame.html` from there. Default `<issuer>/embed/`, which the
   * issuer serves from packages/embed/dist (after `npm run build`).
   */
  embedUrl?: string;
}

export interface RunningIssuer {
  /** `http://localhost:<port>` */
  url: string;
  did: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const API = '/ims/ob/v3p0';

/** A request that ends with an OB 3.0 `Imsx_StatusInfo` error answer. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly minor = 'invalid_data',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const imsx = (description: string, minor: string) => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: description,
  imsx_codeMinor: {
    imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: minor }],
  },
});

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
  'Access-Control-Expose-Headers': 'Link, X-Total-Count, Retry-After, Content-Type',
  'Access-Control-Max-Age': '600',
};

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...CORS, 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const json = (
  res: ServerResponse,
  status: number,
  value: unknown,
  type = 'application/json',
  headers: Record<string, string> = {},
) => send(res, status, `${type}; charset=utf-8`, JSON.stringify(value, null, 2), headers);

const escapeHtml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'The request body is larger than 1 MB.', 'invalid_data');
    chunks.push(chunk as Buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError(400, 'The request body is not UTF-8 text.');
  }
}

/** `Accept` asks for a VC-JWT rather than JSON. */
const wantsJwt = (req: IncomingMessage): boolean => {
  const accept = req.headers.accept ?? '';
  return /application\/(vc\+)?jwt/.test(accept) || (/text\/plain/.test(accept) && !/json/.test(accept));
};

/** `Accept` puts a web page first (a browser opening the address), not JSON. */
const wantsHtml = (req: IncomingMessage): boolean => /^\s*text\/html/.test(req.headers.accept ?? '');

/** Starts the demo issuer. */
export async function startIssuer(options: IssuerOptions = {}): Promise<RunningIssuer> {
  const dataDir = options.dataDir ?? new URL('./data/', import.meta.url).pathname;
  const store = await Store.open(dataDir, { reset: options.reset ?? false });
  const server = createServer();
  // Browsers keep idle connections for minutes; Node's 5 s default makes them race a closing socket.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = options.publicHost ?? 'localhost';
  const origin = `http://${publicHost}:${port}`;
  const did = `did:web:${publicHost}%3A${port}`;
  const signer = await createSigner(did, store.keys());
  const docs = new Documents(store, signer, origin);
  const embedUrl = options.embedUrl ?? `${origin}/embed/`;

  /** What an address of this issuer embeds as (oEmbed): a credential, an example, or the catalog. */
  const embedTarget = async (url: URL): Promise<EmbedTarget | undefined> => {
    if (url.origin !== origin) return undefined;
    const credential = /^\/credentials\/([0-9a-f-]{36})(\.json)?$/.exec(url.pathname);
    if (credential) {
      const award = /^[0-9a-f-]{36}$/.test(credential[1]!) ? store.award(credential[1]!) : undefined;
      if (!award || (award.state !== 'earned' && award.state !== 'revoked')) return undefined;
      return {
        element: 'verify',
        src: `${origin}/credentials/${award.id}`,
        lang: 'en',
        name: credentialTitle(award),
      };
    }
    const example = /^\/examples\/([a-z-]+)$/.exec(url.pathname);
    if (example && EXAMPLES.includes(example[1] as ExampleName))
      return { element: 'verify', src: url.href, lang: 'en', name: `Example: ${example[1]}` };
    if (/^\/achievements\/?$/.test(url.pathname)) {
      const lang = url.searchParams.get('lang') === 'es' ? 'es' : 'en';
      const name = lang === 'es' ? `Catálogo de ${DISTRICT.name}` : `${DISTRICT.name} catalog`;
      return {
        element: 'catalog',
        src: `${origin}/achievements${lang === 'es' ? '?lang=es' : ''}`,
        lang,
        name,
      };
    }
    return undefined;
  };

  /** "<achievement> — <educator>": a credential's name on its page and in its embeds. */
  const credentialTitle = (award: AwardRow): string => {
    const a = ACHIEVEMENTS.find((x) => x.id === award.achievement_id)!;
    return `${a.name} — ${store.educator(award.educator_id)?.name ?? ''}`;
  };

  /** A credential's own page (a browser asking for HTML): the card in a frame, its files, and oEmbed discovery. */
  const credentialPage = async (award: AwardRow): Promise<string> => {
    const url = `${origin}/credentials/${award.id}`;
    const title = credentialTitle(award);
    const embed = (await embedTarget(new URL(url)))!;
    const answer = await oembedAnswer(new URLSearchParams({ url, format: 'json' }), async () => embed, {
      embedUrl,
      providerName: DISTRICT.name,
      providerUrl: `${origin}/`,
    });
    return page(
      title,
      `<main><h1>${escapeHtml(title)}</h1>
<p>A micro-credential issued by ${escapeHtml(DISTRICT.name)}. Press Verify to check it.</p>
${String(answer['html'])}
<h2>This credential's files</h2>
<ul><li><a href="${url}.json">JSON-LD (Data Integrity)</a></li><li><a href="${url}.jwt">VC-JWT</a></li><li><a href="${url}.png">Badge image (PNG, baked)</a></li><li><a href="${url}.svg">Badge image (SVG, baked)</a></li></ul>
<p>To show it on another page, paste this page's address into an editor that reads oEmbed (WordPress does), or use the <a href="${escapeHtml(embedUrl)}builder.html?element=verify&amp;src=${encodeURIComponent(url)}">embed builder</a>.</p></main>`,
      'en',
      `${discoveryLink(origin, url, title)}<link rel="icon" href="data:,">`,
    );
  };

  const educatorFor = (req: IncomingMessage): EducatorRow => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const educator = m ? store.educatorByToken(m[1]!) : undefined;
    if (!educator)
      throw new ApiError(
        401,
        'A valid bearer token is required. Demo tokens are listed at /ims/ob/v3p0/discovery.',
        'unauthorized_request',
        {
          'WWW-Authenticate': 'Bearer realm="lakeside-demo"',
        },
      );
    return educator;
  };

  const issuedAward = (id: string): AwardRow => {
    const award = /^[0-9a-f-]{36}$/.test(id) ? store.award(id) : undefined;
    if (!award || (award.state !== 'earned' && award.state !== 'revoked'))
      throw new ApiError(404, 'There is no credential with this id.', 'unknown_object');
    return award;
  };

  const achievementById = (id: string) => {
    const a = ACHIEVEMENTS.find((x) => x.id === id);
    if (!a) throw new ApiError(404, 'There is no achievement with this id.', 'unknown_object');
    return a;
  };

  /** The OB 3.0 API's GET /credentials: paged, with Link and X-Total-Count. */
  const getCredentials = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const educator = educatorFor(req);
    const int = (name: string, fallback: number, min: number, max: number) => {
      const raw = url.searchParams.get(name);
      if (raw === null) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
        throw new ApiError(400, `"${name}" must be a whole number from ${min} to ${max}.`);
      return Number(raw);
    };
    const limit = int('limit', 10, 1, 100);
    const offset = int('offset', 0, 0, 1_000_000);
    const sinceRaw = url.searchParams.get('since');
    const since = sinceRaw === null ? undefined : Date.parse(sinceRaw);
    if (since !== undefined && Number.isNaN(since))
      throw new ApiError(400, '"since" must be an ISO 8601 date-time.');
    type Item = { kind: 'json' | 'jws'; value: Promise<unknown> };
    const all: Item[] = [];
    for (const award of store.awards(educator.id)) {
      if (award.state !== 'earned' && award.state !== 'revoked') continue;
      if (since !== undefined && Date.parse(award.issued_at) < since) continue;
      const signed = docs.signedCredential(award);
      all.push(
        award.format === 'jwt'
          ? { kind: 'jws', value: signed.then((s) => s.jwt) }
          : { kind: 'json', value: signed.then((s) => s.json) },
      );
    }
    for (const u of store.uploads(educator.id)) {
      if (since !== undefined && Date.parse(u.created_at) < since) continue;
      all.push(
        u.kind === 'jws'
          ? { kind: 'jws', value: Promise.resolve(u.body) }
          : { kind: 'json', value: Promise.resolve(JSON.parse(u.body)) },
      );
    }
    const page = all.slice(offset, offset + limit);
    const credential: unknown[] = [];
    const compactJwsString: unknown[] = [];
    for (const item of page) (item.kind === 'json' ? credential : compactJwsString).push(await item.value);
    const link = (o: number, rel: string) => {
      const u = new URL(`${origin}${API}/credentials`);
      u.searchParams.set('limit', String(limit));
      u.searchParams.set('offset', String(o));
      if (sinceRaw !== null) u.searchParams.set('since', sinceRaw);
      return `<${u.href}>; rel="${rel}"`;
    };
    const lastOffset = all.length === 0 ? 0 : Math.floor((all.length - 1) / limit) * limit;
    const links = [link(0, 'first'), link(lastOffset, 'last')];
    if (offset + limit < all.length) links.push(link(offset + limit, 'next'));
    if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev'));
    json(res, 200, { credential, compactJwsString }, 'application/json', {
      'X-Total-Count': String(all.length),
      Link: links.join(', '),
    });
  };

  /** The OB 3.0 API's POST /credentials: JSON or a compact JWS (text/plain). */
  const upsertCredential = async (req: IncomingMessage, res: ServerResponse) => {
    const educator = educatorFor(req);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const body = (await readBody(req)).trim();
    if (type === 'text/plain') {
      if (!isCompactJws(body)) throw new ApiError(400, 'A text/plain body must be a compact JWS.');
      const v = validateCredential(body);
      if (!v.ok)
        throw new ApiError(
          400,
          `The credential is not valid: ${v.issues
            .slice(0, 3)
            .map((i) => `${i.path} ${i.message}`)
            .join('; ')}`,
        );
      const id = typeof v.value['id'] === 'string' ? v.value['id'] : body.slice(-43);
      const created = store.upsertUpload(educator.id, id, body, 'jws');
      return send(res, created ? 201 : 200, 'text/plain; charset=utf-8', body);
    }
    if (type !== 'application/json' && type !== 'application/ld+json')
      throw new ApiError(415, 'Send application/json or a compact JWS as text/plain.', 'invalid_data');
    let doc: Record<string, unknown>;
    try {
      doc = parseCredentialInput(body).document;
    } catch (e) {
      throw new ApiError(
        400,
        `The body is not a credential: ${e instanceof Error ? e.message : 'unreadable'}`,
      );
    }
    const v = validateCredential(doc);
    if (!v.ok)
      throw new ApiError(
        400,
        `The credential is not valid: ${v.issues
          .slice(0, 3)
          .map((i) => `${i.path} ${i.message}`)
          .join('; ')}`,
      );
    if (typeof doc['id'] !== 'string') throw new ApiError(400, 'The credential needs an "id" to be stored.');
    const created = store.upsertUpload(educator.id, doc['id'], JSON.stringify(doc), 'json');
    json(res, created ? 201 : 200, doc);
  };

  const putProfile = async (req: IncomingMessage, res: ServerResponse) => {
    const educator = educatorFor(req);
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(400, 'The body is not JSON.');
    }
    const p = body as Record<string, unknown> | null;
    if (
      !p ||
      typeof p !== 'object' ||
      Array.isArray(p) ||
      typeof p['name'] !== 'string' ||
      p['name'].trim() === ''
    )
      throw new ApiError(400, 'A Profile with a "name" is required.');
    if (p['description'] !== undefined && typeof p['description'] !== 'string')
      throw new ApiError(400, '"description" must be text.');
    store.updateEducator(educator.id, {
      name: p['name'].slice(0, 200),
      ...(typeof p['description'] === 'string' ? { description: p['description'].slice(0, 2000) } : {}),
    });
    json(res, 200, docs.educatorProfile(store.educator(educator.id)!));
  };

  /** Progress records of an educator (documented JSON shape, see README.md). */
  const progress = (e: EducatorRow) =>
    STACKS.map((s) => ({
      stack: { id: s.id, name: s.name, nameEs: s.nameEs },
      steps: ACHIEVEMENTS.filter((a) => a.stack === s.id).map((a) => {
        const award = store.awards(e.id).find((w) => w.achievement_id === a.id);
        const expired = award?.expires_at ? Date.parse(award.expires_at) < Date.now() : false;
        const state = !award
          ? 'not-started'
          : award.state === 'earned'
            ? expired
              ? 'expired'
              : 'earned'
            : award.state;
        return {
          achievement: docs.achievementUrl(a.id),
          name: a.name,
          nameEs: a.nameEs,
          state,
          ...(award?.feedback ? { feedback: award.feedback } : {}),
          ...(award && (award.state === 'earned' || award.state === 'revoked')
            ? { credential: `${origin}/credentials/${award.id}` }
            : {}),
        };
      }),
    }));

  const educatorSummary = (e: EducatorRow) => ({
    id: e.id,
    name: e.name,
    role: e.role,
    roleEs: e.role_es,
    school: e.school,
    profile: docs.educatorProfile(e),
    credentials: store
      .awards(e.id)
      .filter((w) => w.state === 'earned' || w.state === 'revoked')
      .map((w) => ({
        id: `${origin}/credentials/${w.id}`,
        achievement: w.achievement_id,
        state:
          w.state === 'revoked'
            ? 'revoked'
            : w.expires_at && Date.parse(w.expires_at) < Date.now()
              ? 'expired'
              : 'active',
        format: w.format === 'jwt' ? 'vc-jwt' : 'data-integrity',
        jwt: `${origin}/credentials/${w.id}.jwt`,
        png: `${origin}/credentials/${w.id}.png`,
        svg: `${origin}/credentials/${w.id}.svg`,
      })),
    progress: `${origin}/educators/${e.id}/progress`,
    clr: `${origin}/educators/${e.id}/clr`,
  });

  const setRevoked = async (req: IncomingMessage, res: ServerResponse, id: string, revoked: boolean) => {
    await readBody(req);
    issuedAward(id);
    const award = store.setRevoked(id, revoked)!;
    if ((req.headers.accept ?? '').includes('text/html'))
      return send(res, 303, 'text/plain', 'See /admin', { Location: '/admin' });
    json(res, 200, {
      id: `${origin}/credentials/${award.id}`,
      state: award.state,
      statusListIndex: award.status_index,
    });
  };

  const adminPage = () => {
    const rows = store
      .awards()
      .filter((w) => w.state === 'earned' || w.state === 'revoked')
      .map((w) => {
        const e = store.educator(w.educator_id)!;
        const a = ACHIEVEMENTS.find((x) => x.id === w.achievement_id)!;
        const revoked = w.state === 'revoked';
        return `<tr><td>${escapeHtml(e.name)}</td><td><a href="/credentials/${w.id}">${escapeHtml(a.name)}</a></td><td>${revoked ? '<strong>Revoked</strong>' : 'Active'}</td>
<td><form method="post" action="/admin/credentials/${w.id}/${revoked ? 'restore' : 'revoke'}"><button type="submit">${revoked ? 'Restore' : 'Revoke'}<span class="visually-hidden"> ${escapeHtml(a.name)} (${escapeHtml(e.name)})</span></button></form></td></tr>`;
      })
      .join('\n');
    return page(
      'Admin — revoke credentials',
      `<h1>Revoke credentials</h1><p>Revoking flips the credential's bit in the <a href="/status/1">status list</a>; a verifier shows "Revoked" on its next check. Demo only: no sign-in.</p>
<table><caption>Issued credentials</caption><thead><tr><th scope="col">Educator</th><th scope="col">Credential</th><th scope="col">Status</th><th scope="col">Action</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  };

  const page = (
    title: string,
    body: string,
    lang: 'en' | 'es' = 'en',
    head = '',
  ) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${head}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.4rem;border-bottom:1px solid #ccc}code{background:#f2f2f2;padding:0 .2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}input{font:inherit;padding:.4rem;width:min(100%,24rem)}button{font:inherit;padding:.4rem 1rem}.done{background:#e6f4ea;border-inline-start:4px solid #1e7b34;padding:.5rem 1rem}.error{color:#a4000f}.visually-hidden{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}</style></head><body>${body}</body></html>`;

  const indexPage = () =>
    page(
      `${DISTRICT.name} — demo issuer`,
      `<h1>${escapeHtml(DISTRICT.name)} — demo issuer</h1>
<p>A fictional district's Open Badges 3.0 issuer for the Microcred demo. Issuer: <code>${escapeHtml(did)}</code>.</p>
<ul>
<li><a href="/.well-known/did.json">DID document</a> · <a href="/.well-known/jwks.json">JWK Set</a> · <a href="/status/1">status list</a></li>
<li><a href="${API}/discovery">OB 3.0 API discovery</a> — demo bearer tokens: ${EDUCATORS.map((e) => `<code>${e.token}</code> (${escapeHtml(e.name)})`).join(', ')}</li>
<li><a href="/achievements">Catalog feed</a> (<a href="/achievements?lang=es">español</a>) — each micro-credential's <a href="/register/${ACHIEVEMENTS[0]!.id}">registration page</a> · <a href="/educators">Educators</a></li>
<li>Examples for the verify page: ${EXAMPLES.map((n) => `<a href="/examples/${n}">${n}</a>`).join(' · ')} (<a href="/examples">list</a>)</li>
<li><a href="/ob2/assertions/${LEGACY_BADGE.id}-${LEGACY_BADGE.educator}">Open Badges 2.0 hosted assertion</a></li>
<li><a href="/admin">Admin: revoke a credential</a></li>
</ul>`,
    );

  type Handler = (req: IncomingMessage, res: ServerResponse, m: RegExpExecArray, url: URL) => unknown;
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/$/, (_q, res) => send(res, 200, 'text/html; charset=utf-8', indexPage())],
    [
      'GET',
      /^\/oembed\/?$/,
      async (_q, res, _m, url) => {
        try {
          const answer = await oembedAnswer(url.searchParams, embedTarget, {
            embedUrl,
            providerName: DISTRICT.name,
            providerUrl: `${origin}/`,
          });
          json(res, 200, answer);
        } catch (e) {
          if (!(e instanceof OEmbedError)) throw e;
          send(res, e.status, 'text/plain; charset=utf-8', e.message);
        }
      },
    ],
    [
      'GET',
      /^\/embed\/(.+)$/,
      (_q, res, m) => {
        const file = embedFile(m[1]!);
        if (!file)
          throw new ApiError(
            404,
            'This file of @microcred/embed is not here. Build the package first (npm run build).',
            'unknown_object',
          );
        send(res, 200, file.type, file.body);
      },
    ],
    ['GET', /^\/admin\/?$/, (_q, res) => send(res, 200, 'text/html; charset=utf-8', adminPage())],
    ['POST', /^\/admin\/credentials\/([^/]+)\/revoke$/, (q, res, m) => setRevoked(q, res, m[1]!, true)],
    ['POST', /^\/admin\/credentials\/([^/]+)\/restore$/, (q, res, m) => setRevoked(q, res, m[1]!, false)],
    [
      'GET',
      /^\/\.well-known\/did\.json$/,
      (_q, res) => json(res, 200, signer.didDocument, 'application/did+json'),
    ],
    [
      'GET',
      /^\/\.well-known\/jwks\.json$/,
      (_q, res) => json(res, 200, signer.jwks, 'application/jwk-set+json'),
    ],
    [
      'GET',
      /^\/status\/1$/,
      async (_q, res) => json(res, 200, await docs.statusListCredential(), 'application/vc+ld+json'),
    ],
    [
      'GET',
      new RegExp(`^${UNAVAILABLE_STATUS_PATH}$`),
      // The "down" status list of the status-unavailable example: a verifier cannot check it.
      (_q, res) =>
        json(res, 503, imsx('The status list is unavailable.', 'server_busy'), 'application/json', {
          'Retry-After': '3600',
        }),
    ],
    [
      'GET',
      /^\/achievements\/?$/,
      (_q, res, _m, url) =>
        json(res, 200, docs.catalogFeed(url.searchParams.get('lang') === 'es' ? 'es' : undefined)),
    ],
    [
      'GET',
      /^\/examples\/?$/,
      (_q, res) =>
        json(res, 200, {
          ...Object.fromEntries(EXAMPLES.map((n) => [n, `${origin}/examples/${n}`])),
          ob2: `${origin}/ob2/assertions/${LEGACY_BADGE.id}-${LEGACY_BADGE.educator}`,
          clr: `${origin}/educators/${LEGACY_BADGE.educator}/clr`,
        }),
    ],
    [
      'GET',
      /^\/examples\/([a-z-]+)$/,
      async (_q, res, m) => {
        const name = m[1] as ExampleName;
        if (!EXAMPLES.includes(name))
          throw new ApiError(404, `There is no example "${m[1]}". See /examples.`, 'unknown_object');
        json(res, 200, await docs.example(name), 'application/ld+json');
      },
    ],
    [
      'GET',
      /^\/register\/([a-z0-9-]+)$/,
      (_q, res, m, url) => {
        const a = achievementById(m[1]!);
        const lang = url.searchParams.get('lang') === 'es' ? 'es' : 'en';
        const id = url.searchParams.get('registration');
        const done = id ? store.registrations(a.id).find((r) => r.id === id) : undefined;
        const p = registrationPage(docs, a, lang, done ? { registered: done.name } : {});
        send(res, 200, 'text/html; charset=utf-8', page(p.title, p.body, lang));
      },
    ],
    [
      'POST',
      /^\/register\/([a-z0-9-]+)$/,
      async (q, res, m, url) => {
        const a = achievementById(m[1]!);
        const lang = url.searchParams.get('lang') === 'es' ? 'es' : 'en';
        const type = (q.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const body = await readBody(q);
        if (type !== 'application/x-www-form-urlencoded')
          throw new ApiError(415, 'Send the registration form (application/x-www-form-urlencoded).');
        const form = readForm(body);
        if (!form) {
          const p = registrationPage(docs, a, lang, { invalid: true });
          return send(res, 400, 'text/html; charset=utf-8', page(p.title, p.body, lang));
        }
        if (offeringOf(docs, a, lang).state !== 'open') {
          const p = registrationPage(docs, a, lang);
          return send(res, 409, 'text/html; charset=utf-8', page(p.title, p.body, lang));
        }
        const { row } = store.register(a.id, form.name, form.email);
        const to = `/register/${a.id}?registration=${row.id}${lang === 'es' ? '&lang=es' : ''}`;
        send(res, 303, 'text/plain; charset=utf-8', `See ${to}`, { Location: to });
      },
    ],
    [
      'GET',
      /^\/achievements\/([a-z0-9-]+)$/,
      (_q, res, m, url) =>
        json(
          res,
          200,
          docs.achievement(achievementById(m[1]!), url.searchParams.get('lang') === 'es' ? 'es' : undefined),
          'application/ld+json',
        ),
    ],
    [
      'GET',
      /^\/images\/district\.svg$/,
      (_q, res) =>
        send(res, 200, 'image/svg+xml', badgeSvg(DISTRICT.name, DISTRICT.color), {
          'Cache-Control': 'max-age=3600',
        }),
    ],
    [
      'GET',
      /^\/images\/([a-z0-9-]+)\.(svg|png)$/,
      (_q, res, m) => {
        const legacy = m[1] === LEGACY_BADGE.id ? LEGACY_BADGE : undefined;
        const a = legacy ?? achievementById(m[1]!);
        if (m[2] === 'svg')
          return send(res, 200, 'image/svg+xml', badgeSvg(a.name, a.color), {
            'Cache-Control': 'max-age=3600',
          });
        send(res, 200, 'image/png', badgePng(a.color), { 'Cache-Control': 'max-age=3600' });
      },
    ],
    ['GET', /^\/educators\/?$/, (_q, res) => json(res, 200, store.educators().map(educatorSummary))],
    [
      'GET',
      /^\/educators\/([a-z-]+)$/,
      (_q, res, m) => {
        const e = store.educator(m[1]!);
        if (!e) throw new ApiError(404, 'There is no educator with this id.', 'unknown_object');
        json(res, 200, educatorSummary(e));
      },
    ],
    [
      'GET',
      /^\/educators\/([a-z-]+)\/progress$/,
      (_q, res, m) => {
        const e = store.educator(m[1]!);
        if (!e) throw new ApiError(404, 'There is no educator with this id.', 'unknown_object');
        json(res, 200, { educator: e.name, stacks: progress(e) });
      },
    ],
    [
      'GET',
      /^\/educators\/([a-z-]+)\/clr$/,
      async (_q, res, m) => {
        const e = store.educator(m[1]!);
        if (!e) throw new ApiError(404, 'There is no educator with this id.', 'unknown_object');
        json(res, 200, await docs.clrCredential(e), 'application/ld+json');
      },
    ],
    [
      'GET',
      /^\/credentials\/([^/.]+)(\.json|\.jwt|\.png|\.svg)?$/,
      async (q, res, m) => {
        const award = issuedAward(m[1]!);
        const { json: doc, jwt } = await docs.signedCredential(award);
        const a = ACHIEVEMENTS.find((x) => x.id === award.achievement_id)!;
        // A browser asking for a page gets the credential's page (the card, its files, oEmbed discovery).
        if (!m[2] && wantsHtml(q))
          return send(res, 200, 'text/html; charset=utf-8', await credentialPage(award));
        const ext = m[2] ?? (wantsJwt(q) ? '.jwt' : '.json');
        if (ext === '.jwt') return send(res, 200, 'application/vc+jwt', jwt);
        if (ext === '.png')
          return send(res, 200, 'image/png', bakePng(badgePng(a.color), award.format === 'jwt' ? jwt : doc), {
            'Content-Disposition': `attachment; filename="${a.id}.png"`,
          });
        if (ext === '.svg')
          return send(
            res,
            200,
            'image/svg+xml',
            bakeSvg(badgeSvg(a.name, a.color), award.format === 'jwt' ? jwt : doc),
            {
              'Content-Disposition': `attachment; filename="${a.id}.svg"`,
            },
          );
        json(res, 200, doc, 'application/ld+json', {
          Link: discoveryHeader(origin, `${origin}/credentials/${award.id}`),
        });
      },
    ],
    ['GET', new RegExp(`^${API}/discovery$`), (_q, res) => json(res, 200, docs.discovery())],
    ['GET', new RegExp(`^${API}/credentials$`), (q, res, _m, url) => getCredentials(q, res, url)],
    ['POST', new RegExp(`^${API}/credentials$`), (q, res) => upsertCredential(q, res)],
    ['GET', new RegExp(`^${API}/profile$`), (q, res) => json(res, 200, docs.educatorProfile(educatorFor(q)))],
    ['PUT', new RegExp(`^${API}/profile$`), (q, res) => putProfile(q, res)],
    ['GET', /^\/ob2\/issuer$/, (_q, res) => json(res, 200, docs.ob2Issuer())],
    [
      'GET',
      /^\/ob2\/badges\/([a-z0-9-]+)$/,
      (_q, res, m) => {
        if (m[1] !== LEGACY_BADGE.id)
          throw new ApiError(404, 'There is no badge with this id.', 'unknown_object');
        json(res, 200, docs.ob2BadgeClass());
      },
    ],
    [
      'GET',
      /^\/ob2\/assertions\/([a-z0-9-]+)$/,
      (_q, res, m) => {
        const assertion = docs.ob2Assertion();
        if (assertion['id'] !== `${origin}/ob2/assertions/${m[1]}`)
          throw new ApiError(404, 'There is no assertion with this id.', 'unknown_object');
        json(res, 200, assertion);
      },
    ],
  ];

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', origin);
      } catch {
        return json(res, 400, imsx('The request address is not valid.', 'invalid_data'));
      }
      if (options.log) console.log(`issuer: ${req.method} ${url.pathname}${url.search}`);
      if (req.method === 'OPTIONS') return send(res, 204, 'text/plain', '');
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      let allowed: string[] = [];
      for (const [verb, re, handler] of routes) {
        const m = re.exec(url.pathname);
        if (!m) continue;
        if (verb !== method) {
          allowed.push(verb);
          continue;
        }
        await handler(req, res, m, url);
        return;
      }
      allowed = [...new Set(allowed)];
      if (allowed.length)
        throw new ApiError(405, `Use ${allowed.join(' or ')} at this address.`, 'invalid_data', {
          Allow: allowed.join(', '),
        });
      throw new ApiError(404, 'There is nothing at this address.', 'unknown_object');
    })().catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      if (e instanceof ApiError)
        return json(res, e.status, imsx(e.message, e.minor), 'application/json', e.headers);
      console.error('issuer: unexpected error', e);
      json(res, 500, imsx('The demo issuer had an unexpected problem.', 'server_busy'));
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  return {
    url: origin,
    did,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
