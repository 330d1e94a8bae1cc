/**
 * The documents the demo issuer serves, built from the database: OB 3.0 Achievements and
 * credentials (signed on first request and cached: their status lives in the status list), each
 * educator's CLR 2.0 record of them, the Bitstring Status List credential, the catalog feed
 * (achievements with their offering: effort, format, registration), the verify page's examples
 * (one credential per outcome), the OB 3.0 discovery document, and the legacy OB 2.0 hosted badge.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ACHIEVEMENTS, DISTRICT, EDUCATORS, EXAMPLE_AWARDS, LEGACY_BADGE, STACKS } from './seed-data.js';
import type { SeedAchievement } from './seed-data.js';
import type { Signer } from './sign.js';
import { STATUS_LIST_BITS } from './store.js';
import type { AwardRow, EducatorRow, Store } from './store.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CLR201 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const OB2 = 'https://w3id.org/openbadges/v2';

/** Status lists are short-lived in the demo, so a revocation shows on the next re-check. */
export const STATUS_LIST_TTL_MS = 1000;

/** The verify page's examples, one per outcome (`GET /examples/{name}`). */
export const EXAMPLES = ['valid', 'expired', 'revoked', 'tampered', 'status-unavailable'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The status list that is "down": its URL answers 503 (`GET /status/unavailable`). */
export const UNAVAILABLE_STATUS_PATH = '/status/unavailable';

const DAY = 24 * 3600 * 1000;
/** `YYYY-MM-DD` of `days` days from `from` (UTC). */
const day = (from: number, days: number): string => new Date(from + days * DAY).toISOString().slice(0, 10);

type Json = Record<string, unknown>;

export class Documents {
  private readonly signed = new Map<string, Promise<{ json: Json; jwt: string }>>();
  private statusList?: { revision: number; doc: Promise<Json> };
  private readonly clrs = new Map<string, { key: string; doc: Promise<Json> }>();
  private statusUnavailable?: Promise<Json>;

  constructor(
    readonly store: Store,
    readonly signer: Signer,
    /** The public origin, e.g. `http://localhost:8787`. */
    readonly origin: string,
  ) {}

  /** The district's OB 3.0 Profile (the issuer). */
  issuerProfile(): Json {
    return {
      id: this.signer.did,
      type: ['Profile'],
      name: DISTRICT.name,
      url: this.origin,
      email: DISTRICT.email,
      description: DISTRICT.description,
      image: { id: `${this.origin}/images/district.svg`, type: 'Image', caption: `${DISTRICT.name} logo` },
    };
  }

  achievementUrl(id: string, lang?: 'es'): string {
    return `${this.origin}/achievements/${id}${lang ? `?lang=${lang}` : ''}`;
  }

  /** An OB 3.0 Achievement (English, or Spanish with `lang: 'es'`), with its translation linked. */
  achievement(a: SeedAchievement, lang?: 'es'): Json {
    const es = lang === 'es';
    const stack = STACKS.find((s) => s.id === a.stack)!;
    return {
      id: this.achievementUrl(a.id, lang),
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: es ? a.nameEs : a.name,
      description: es ? a.descriptionEs : a.description,
      criteria: { narrative: es ? a.criteriaEs : a.criteria },
      image: {
        id: `${this.origin}/images/${a.id}.svg`,
        type: 'Image',
        caption: `${es ? 'Insignia' : 'Badge'}: ${es ? a.nameEs : a.name}`,
      },
      alignment: [
        {
          type: ['Alignment'],
          targetName: a.alignment.targetName,
          targetCode: a.alignment.targetCode,
          targetFramework: a.alignment.targetFramework,
          targetUrl: `${this.origin}/standards#${a.alignment.targetCode}`,
          targetType: 'ext:LakesideStandard',
        },
      ],
      tag: [...a.tags, es ? stack.nameEs : stack.name],
      creator: this.issuerProfile(),
      humanCode: `LUSD-${a.alignment.targetCode.replace('LPPS-', '')}`,
      inLanguage: es ? 'es' : 'en',
      related: [
        {
          id: this.achievementUrl(a.id, es ? undefined : 'es'),
          type: ['Related'],
          inLanguage: es ? 'en' : 'es',
        },
      ],
    };
  }

  /** The unsigned OB 3.0 credential of an award. */
  unsignedCredential(award: AwardRow): Json {
    const a = ACHIEVEMENTS.find((x) => x.id === award.achievement_id)!;
    const educator = this.store.educator(award.educator_id) as EducatorRow;
    const salt = createHash('sha256').update(`salt:${award.id}`).digest('hex').slice(0, 16);
    const emailHash = createHash('sha256')
      .update(educator.email + salt)
      .digest('hex');
    const evidence = award.evidence
      ? (JSON.parse(award.evidence) as { name: string; narrative: string })
      : undefined;
    const credential: Json = {
      '@context': [VC2, OB303],
      id: `${this.origin}/credentials/${award.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: a.name,
      description: a.description,
      issuer: this.issuerProfile(),
      validFrom: award.issued_at,
      ...(award.expires_at ? { validUntil: award.expires_at } : {}),
      awardedDate: award.issued_at,
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: educator.name },
          {
            type: 'IdentityObject',
            identityType: 'emailAddress',
            hashed: true,
            identityHash: `sha256$${emailHash}`,
            salt,
          },
        ],
        achievement: this.achievement(a),
        result: [{ type: ['Result'], status: 'Completed' }],
        creditsEarned: a.hours,
      },
      credentialStatus: {
        id: `${this.origin}/status/1#${award.status_index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(award.status_index),
        statusListCredential: `${this.origin}/status/1`,
      },
      ...(evidence
        ? { evidence: [{ type: ['Evidence'], name: evidence.name, narrative: evidence.narrative }] }
        : {}),
    };
    return credential;
  }

  /** The registration page of an achievement's offering (`GET /register/{id}`). */
  registrationUrl(id: string, lang?: 'es'): string {
    return `${this.origin}/register/${id}${lang ? `?lang=${lang}` : ''}`;
  }

  /**
   * A catalog entry: the OB 3.0 Achievement plus the catalog feed's extension fields
   * (packages/core/src/catalog/feed.ts): `effort` (ISO 8601, from its hours), `format`,
   * `registration` (the issuer's own registration page, open and close dates counted from `now`,
   * the cost, and the seats not yet taken), `requiredEvidence`, `gradeBands`, `audience`, `stacks`
   * and `published`. Only the feed carries these: credentials embed the plain Achievement.
   */
  catalogEntry(a: SeedAchievement, lang: 'es' | undefined, now: number): Json {
    const es = lang === 'es';
    const o = a.offering;
    const seeded = Date.parse(this.store.meta('seeded_at') ?? new Date(now).toISOString());
    return {
      ...this.achievement(a, lang),
      effort: `PT${a.hours}H`,
      format: o.format,
      registration: {
        url: this.registrationUrl(a.id, lang),
        opens: day(now, o.opensInDays),
        closes: day(now, o.closesInDays),
        cost: es ? 'Gratuito' : 'Free',
        seats: Math.max(0, o.seats - this.store.registrations(a.id).length),
      },
      requiredEvidence: o.evidence.map((e) => ({ name: es ? e.nameEs : e.name, kind: e.kind })),
      gradeBands: o.gradeBands,
      audience: [es ? 'Docentes' : 'Teachers'],
      stacks: [a.stack],
      published: day(seeded, -o.publishedDaysAgo),
    };
  }

  /** The catalog feed (`GET /achievements`): the district's stacks and every catalog entry. */
  catalogFeed(lang?: 'es', now = Date.now()): Json {
    const es = lang === 'es';
    return {
      type: 'CatalogFeed',
      name: es ? `Microcredenciales del ${DISTRICT.nameEs}` : `${DISTRICT.name} micro-credentials`,
      publisher: { id: this.signer.did, name: es ? DISTRICT.nameEs : DISTRICT.name, url: this.origin },
      stacks: STACKS.map((s) => ({
        id: s.id,
        name: es ? s.nameEs : s.name,
        description: es ? s.descriptionEs : s.description,
        achievements: ACHIEVEMENTS.filter((x) => x.stack === s.id).map((x) =>
          this.achievementUrl(x.id, lang),
        ),
      })),
      achievements: ACHIEVEMENTS.map((x) => this.catalogEntry(x, lang, now)),
    };
  }

  /**
   * One of the verify page's examples, as the issuer signed it (or, for `tampered`, edited after):
   * - `valid`, `expired`, `revoked`: issued credentials of the seed (EXAMPLE_AWARDS), served
   *   exactly as `GET /credentials/{id}` serves them; revoked through the real status list;
   * - `tampered`: `valid` with the holder's name changed after signing, so its proof no longer
   *   matches;
   * - `status-unavailable`: `valid` issued again under its own id, with its status entry in a list
   *   whose URL answers 503 (UNAVAILABLE_STATUS_PATH), so no verifier can say it is not revoked.
   */
  async example(name: ExampleName): Promise<Json> {
    const award = (pick: { educator: string; achievement: string }): AwardRow => {
      const w = this.store.awardOf(pick.educator, pick.achievement);
      if (!w) throw new Error(`The seed has no ${pick.achievement} award of ${pick.educator}.`);
      return w;
    };
    if (name === 'expired' || name === 'revoked' || name === 'valid')
      return (await this.signedCredential(award(EXAMPLE_AWARDS[name]))).json;
    if (name === 'tampered') {
      const copy = structuredClone((await this.signedCredential(award(EXAMPLE_AWARDS.valid))).json);
      const subject = copy['credentialSubject'] as {
        identifier: { identityType: string; identityHash: string }[];
      };
      const holder = subject.identifier.find((i) => i.identityType === 'name');
      if (holder) holder.identityHash = 'Jordan Blake';
      return copy;
    }
    this.statusUnavailable ??= (async () => {
      const w = award(EXAMPLE_AWARDS.valid);
      const unsigned = this.unsignedCredential(w);
      unsigned['id'] = `${this.origin}/examples/status-unavailable`;
      unsigned['credentialStatus'] = {
        id: `${this.origin}${UNAVAILABLE_STATUS_PATH}#${w.status_index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(w.status_index),
        statusListCredential: `${this.origin}${UNAVAILABLE_STATUS_PATH}`,
      };
      return this.signer.signDataIntegrity(unsigned, w.issued_at);
    })();
    this.statusUnavailable.catch(() => (this.statusUnavailable = undefined));
    return this.statusUnavailable;
  }

  /** The signed credential of an issued (earned or revoked) award: JSON-LD with a proof, and a VC-JWT. */
  signedCredential(award: AwardRow): Promise<{ json: Json; jwt: string }> {
    let hit = this.signed.get(award.id);
    if (!hit) {
      const unsigned = this.unsignedCredential(award);
      hit = Promise.all([
        this.signer.signDataIntegrity(unsigned, award.issued_at),
        this.signer.signJwt(unsigned),
      ]).then(([json, jwt]) => ({ json, jwt }));
      hit.catch(() => this.signed.delete(award.id));
      this.signed.set(award.id, hit);
    }
    return hit;
  }

  /** A stack's id: the catalog (`GET /achievements`) with the stack as fragment, as fetchPathway reads it. */
  stackUrl(id: string): string {
    return `${this.origin}/achievements#${id}`;
  }

  /**
   * The CLR 2.0 record of an educator: the OB 3.0 credentials they hold in good standing (earned,
   * neither revoked nor expired), each exactly as the OB 3.0 API serves it (JSON-LD with its own
   * proof, or the VC-JWT), their achievements, and an `isPartOf` association from each achievement
   * to its stack. Signed (eddsa-rdfc-2022) on first request and cached until that set or the
   * educator's name changes; a record already given out still shows a later revocation, as each
   * member carries its own status entry.
   */
  clrCredential(e: EducatorRow): Promise<Json> {
    const today = new Date().toISOString();
    const awards = this.store
      .awards(e.id)
      .filter((w) => w.state === 'earned' && (!w.expires_at || w.expires_at > today));
    const key = JSON.stringify([e.name, awards.map((w) => w.id)]);
    const hit = this.clrs.get(e.id);
    if (hit?.key === key) return hit.doc;
    const doc = (async () => {
      const members = await Promise.all(
        awards.map(async (w) => {
          const signed = await this.signedCredential(w);
          return w.format === 'jwt' ? signed.jwt : signed.json;
        }),
      );
      const achievements = [...new Set(awards.map((w) => w.achievement_id))].map((id) =>
        ACHIEVEMENTS.find((x) => x.id === id)!,
      );
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const salt = createHash('sha256').update(`salt:clr:${e.id}`).digest('hex').slice(0, 16);
      return this.signer.signDataIntegrity(
        {
          '@context': [VC2, CLR201, OB303],
          id: `${this.origin}/educators/${e.id}/clr`,
          type: ['VerifiableCredential', 'ClrCredential'],
          name: `Lakeside USD professional learning record — ${e.name}`,
          description: `The micro-credentials ${e.name} holds from ${DISTRICT.name}, and the stacks they belong to.`,
          issuer: this.issuerProfile(),
          validFrom: now,
          credentialSubject: {
            id: `${this.origin}/educators/${e.id}`,
            type: 'ClrSubject',
            identifier: [
              { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: e.name },
              {
                type: 'IdentityObject',
                identityType: 'emailAddress',
                hashed: true,
                identityHash: `sha256$${createHash('sha256')
                  .update(e.email + salt)
                  .digest('hex')}`,
                salt,
              },
            ],
            verifiableCredential: members,
            achievement: achievements.map((a) => this.achievement(a)),
            association: achievements.map((a) => ({
              type: 'Association',
              associationType: 'isPartOf',
              sourceId: this.achievementUrl(a.id),
              targetId: this.stackUrl(a.stack),
            })),
          },
        },
        now,
      );
    })();
    doc.catch(() => {
      if (this.clrs.get(e.id)?.doc === doc) this.clrs.delete(e.id);
    });
    this.clrs.set(e.id, { key, doc });
    return doc;
  }

  /** The Bitstring Status List credential (revocation), re-signed when a bit changes. */
  statusListCredential(): Promise<Json> {
    const revision = this.store.statusRevision();
    if (this.statusList?.revision === revision) return this.statusList.doc;
    const bits = new Uint8Array(STATUS_LIST_BITS / 8);
    for (const i of this.store.revokedIndexes()) bits[i >> 3]! |= 0x80 >> (i & 7);
    const encodedList = `u${gzipSync(bits).toString('base64url')}`;
    const seeded = this.store.meta('seeded_at') ?? new Date().toISOString();
    const doc = this.signer.signDataIntegrity(
      {
        '@context': [VC2],
        id: `${this.origin}/status/1`,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.signer.did,
        validFrom: seeded.replace(/\.\d{3}Z$/, 'Z'),
        credentialSubject: {
          id: `${this.origin}/status/1#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList,
          ttl: STATUS_LIST_TTL_MS,
        },
      },
      new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    doc.catch(() => (this.statusList = undefined));
    this.statusList = { revision, doc };
    return doc;
  }

  /** The OB 3.0 profile of an educator (the API's `GET /profile`). */
  educatorProfile(e: EducatorRow): Json {
    return {
      id: `${this.origin}/educators/${e.id}`,
      type: ['Profile'],
      name: e.name,
      email: e.email,
      description: e.description ?? `${e.role}, ${e.school}`,
    };
  }

  /** The OB 3.0 discovery document (OpenAPI 3.0) of this API. */
  discovery(): Json {
    const api = `${this.origin}/ims/ob/v3p0`;
    const scope = (s: string) => `https://purl.imsglobal.org/spec/ob/v3p0/scope/${s}`;
    return {
      openapi: '3.0.1',
      info: {
        title: `${DISTRICT.name} (demo issuer)`,
        version: '1.0',
        description: `Demo Open Badges 3.0 API. Bearer tokens: ${EDUCATORS.map((e) => `${e.token} (${e.name})`).join(', ')}.`,
        termsOfService: `${this.origin}/#terms`,
        'x-imssf-privacyPolicyUrl': `${this.origin}/#privacy`,
        'x-imssf-image': `${this.origin}/images/district.svg`,
      },
      servers: [{ url: api, description: 'Demo issuer' }],
      tags: [{ name: 'OpenBadgeCredentials' }, { name: 'Discovery' }],
      paths: {
        '/credentials': { get: { operationId: 'getCredentials' }, post: { operationId: 'upsertCredential' } },
        '/profile': { get: { operationId: 'getProfile' }, put: { operationId: 'putProfile' } },
        '/discovery': { get: { operationId: 'getServiceDescription' } },
      },
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            description: 'Not implemented by the demo: use a documented demo bearer token.',
            'x-imssf-registrationUrl': `${this.origin}/oauth/register`,
            flows: {
              authorizationCode: {
                authorizationUrl: `${this.origin}/oauth/authorize`,
                tokenUrl: `${this.origin}/oauth/token`,
                refreshUrl: `${this.origin}/oauth/token`,
                scopes: {
                  [scope('credential.readonly')]: 'Read your credentials',
                  [scope('credential.upsert')]: 'Add or replace credentials',
                  [scope('profile.readonly')]: 'Read your profile',
                  [scope('profile.update')]: 'Update your profile',
                },
              },
            },
          },
        },
      },
    };
  }

  /** The legacy OB 2.0 Issuer, BadgeClass and hosted Assertion. */
  ob2Issuer(): Json {
    return {
      '@context': OB2,
      type: 'Issuer',
      id: `${this.origin}/ob2/issuer`,
      name: DISTRICT.name,
      url: this.origin,
      email: DISTRICT.email,
      image: `${this.origin}/images/district.svg`,
    };
  }

  ob2BadgeClass(): Json {
    return {
      '@context': OB2,
      type: 'BadgeClass',
      id: `${this.origin}/ob2/badges/${LEGACY_BADGE.id}`,
      name: LEGACY_BADGE.name,
      description: LEGACY_BADGE.description,
      image: `${this.origin}/images/${LEGACY_BADGE.id}.png`,
      criteria: { narrative: LEGACY_BADGE.criteria },
      issuer: `${this.origin}/ob2/issuer`,
      tags: ['digital citizenship'],
    };
  }

  ob2Assertion(): Json {
    const educator = this.store.educator(LEGACY_BADGE.educator) as EducatorRow;
    const salt = 'lakeside2019';
    return {
      '@context': OB2,
      type: 'Assertion',
      id: `${this.origin}/ob2/assertions/${LEGACY_BADGE.id}-${educator.id}`,
      recipient: {
        type: 'email',
        hashed: true,
        salt,
        identity: `sha256$${createHash('sha256')
          .update(educator.email + salt)
          .digest('hex')}`,
      },
      badge: `${this.origin}/ob2/badges/${LEGACY_BADGE.id}`,
      issuedOn: LEGACY_BADGE.issuedOn,
      verification: { type: 'hosted' },
    };
  }
}
