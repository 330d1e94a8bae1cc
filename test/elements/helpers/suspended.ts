/**
 * A credential its issuer suspended, built in the browser as an issuer would: a did:jwk issuer with
 * a fresh Ed25519 key (WebCrypto) signs a VC-JOSE-COSE `vc+jwt` credential whose status entry points
 * at a Bitstring status list of purpose `suspension` (gzipped by CompressionStream, signed as a
 * `vc+jwt` too) with its bit on. Bitstring Status List v1.0 §2.1: `suspension` "is used to
 * temporarily prevent the acceptance of a verifiable credential".
 */
import { NOW, vectorFetch } from '../verify-button.helpers.js';
import { b64u, utf8 } from './bytes.js';

/** The suspension list's address (served by {@link suspendedCredential}'s `fetch` only). */
export const SUSPENSION_LIST = 'https://makerspace.example/status/suspension';
/** The achievement the suspended credential is for. */
export const SOLDERING = 'https://makerspace.example/achievements/soldering';

/** What {@link suspendedCredential} changes in the credential it signs. */
export interface SuspendedOptions {
  /** `credentialSubject.id` (default `did:example:learner-7`), e.g. the holder of a presentation. */
  subject?: string;
  /** `validFrom` (default 30 days before `NOW`). */
  validFrom?: string;
  /** Whether its bit in the suspension list is on (default true); off, the status check passes. */
  suspended?: boolean;
}

/**
 * A suspended OB 3.0 credential (compact `vc+jwt`, named "Soldering Safety", for {@link SOLDERING}),
 * and a `fetch` that serves its suspension list and the public vectors (anything else a 404).
 */
export async function suspendedCredential(
  options: SuspendedOptions = {},
): Promise<{ jwt: string; fetch: typeof globalThis.fetch }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const { kty, crv, x } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const did = `did:jwk:${b64u(utf8(JSON.stringify({ kty, crv, x })))}`;
  const sign = async (payload: Record<string, unknown>): Promise<string> => {
    const head = b64u(utf8(JSON.stringify({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${did}#0` })));
    const body = b64u(utf8(JSON.stringify(payload)));
    const signature = new Uint8Array(
      await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, utf8(`${head}.${body}`) as BufferSource),
    );
    return `${head}.${body}.${b64u(signature)}`;
  };
  const bits = new Uint8Array(131_072 / 8);
  if (options.suspended !== false) bits[0] = 0x80 >> 5; // index 5 on
  const gzip = await new Response(
    new Blob([bits]).stream().pipeThrough(new CompressionStream('gzip')),
  ).arrayBuffer();
  const list = await sign({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: SUSPENSION_LIST,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: `${SUSPENSION_LIST}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'suspension',
      encodedList: `u${b64u(new Uint8Array(gzip))}`,
    },
  });
  const jwt = await sign({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:7d0c1f9e-2b4a-4c8e-9f13-5a6b7c8d9e01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Soldering Safety',
    issuer: { id: did, type: ['Profile'], name: 'Westfield Makerspace' },
    validFrom:
      options.validFrom ?? new Date(NOW.getTime() - 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    credentialSubject: {
      id: options.subject ?? 'did:example:learner-7',
      type: ['AchievementSubject'],
      achievement: {
        id: SOLDERING,
        type: ['Achievement'],
        name: 'Soldering Safety',
        description: 'Soldered safely under supervision.',
        criteria: { narrative: 'Passed the practical.' },
      },
    },
    credentialStatus: {
      id: `${SUSPENSION_LIST}#5`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListIndex: '5',
      statusListCredential: SUSPENSION_LIST,
    },
  });
  const fetch = vectorFetch('/vectors/', async (input) =>
    `${input instanceof Request ? input.url : input}` === SUSPENSION_LIST
      ? new Response(list, { headers: { 'content-type': 'application/vc+jwt' } })
      : new Response('not found', { status: 404 }),
  );
  return { jwt, fetch };
}

/**
 * A credential not valid yet: {@link suspendedCredential}'s, valid from 30 days after `NOW` (VCDM
 * 2.0 §4.9 `validFrom`), authentic, neither revoked nor suspended (its bit off).
 */
export const notYetValid = (): ReturnType<typeof suspendedCredential> =>
  suspendedCredential({
    validFrom: new Date(NOW.getTime() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    suspended: false,
  });
