/**
 * Fresh issuers for hostile-input tests, built the way an attacker (or an honest issuer) would: a
 * new did:key with an Ed25519 key signing through the Digital Bazaar stack (@digitalbazaar/vc +
 * data-integrity + eddsa-rdfc-2022-cryptosuite), and gzip + multibase Bitstring status lists built
 * by node:zlib. Nothing here comes from the verifier under test except the bundled JSON-LD contexts
 * (so that signing never touches the network).
 */
import { gzipSync } from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';

type Obj = Record<string, unknown>;

export const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const VC2 = 'https://www.w3.org/ns/credentials/v2';

/** `created` of every proof unless a test sets another: a day before the harness's pinned NOW. */
export const SIGNED_AT = '2026-11-21T12:00:00Z';

/** Proof options set by hand (the Digital Bazaar stack lets a proof purpose edit the proof). */
export interface ProofEdits {
  /** Replaces `created` (any string, even an invalid one; default {@link SIGNED_AT}); `null` removes it. */
  created?: string | null;
  /** Adds `expires` (any string). */
  expires?: string;
}

/** A did:key issuer with a fresh key. */
export interface FreshIssuer {
  did: string;
  /** Signs a copy of `c` with eddsa-rdfc-2022, optionally editing the proof options first. */
  sign: (c: Obj, edits?: ProofEdits) => Promise<Obj>;
}

/** A new did:key issuer signing with a fresh Ed25519 key. */
export async function freshIssuer(): Promise<FreshIssuer> {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  const id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = id;
  const documentLoader = async (url: string): Promise<unknown> => {
    const text = CONTEXTS[url];
    if (!text) throw new Error(`offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document: JSON.parse(text) as unknown };
  };
  return {
    did,
    sign: (c, edits = {}) => {
      const purpose = new vc.CredentialIssuancePurpose();
      const update = purpose.update.bind(purpose);
      purpose.update = async (proof, options) => {
        const p = await update(proof, options);
        // never the wall clock: the tests pin "now" (harness NOW), and a proof made later is in the future
        if (edits.created === null) delete p['created'];
        else p['created'] = edits.created ?? SIGNED_AT;
        if (edits.expires !== undefined) p['expires'] = edits.expires;
        return p;
      };
      return vc.issue({
        credential: structuredClone(c),
        suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 }),
        documentLoader,
        purpose,
      });
    },
  };
}

/** An OB 3.0 credential on VCDM 2.0 from `issuer`, with `extra` fields merged in. */
export function badge(issuer: string, extra: Obj = {}): Obj {
  return {
    '@context': [VC2, OB303],
    id: 'urn:uuid:0c6f3c1e-8d0a-4d64-9a53-2f1c6a7b9e11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Formative Assessment',
    issuer: { id: issuer, type: ['Profile'], name: 'District Academy' },
    validFrom: '2026-01-15T00:00:00Z',
    credentialSubject: {
      id: 'did:example:teacher-12',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://academy.example/achievements/formative',
        type: ['Achievement'],
        name: 'Formative Assessment',
        description: 'Uses formative assessment in every lesson.',
        criteria: { narrative: 'Observed in three lessons.' },
      },
    },
    ...extra,
  };
}

/** `encodedList` of a Bitstring status list of `length` bits with the bits at `set` on (index 0 = MSB of byte 0). */
export function encodedList(set: number[], length = 131_072): string {
  const bytes = new Uint8Array(length / 8);
  for (const i of set) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** An unsigned BitstringStatusListCredential at `url` (VCDM 2.0), issued by `issuer`. */
export function statusList(url: string, issuer: string, set: number[], extra: Obj = {}): Obj {
  return {
    '@context': [VC2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodedList(set),
    },
    ...extra,
  };
}

/** A `credentialStatus` entry pointing at bit `index` of the list at `url`. */
export function statusEntry(url: string, index: number): Obj {
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: url,
  };
}
