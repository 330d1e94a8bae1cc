/** Shared fixtures for the `<mc-credential-card>` tests: real vectors, a pinned clock, a held-fetch card. */
import '@microcred/elements/credential-card/mc-credential-card.js';
import { McCredentialCard } from '@microcred/elements/credential-card/credential-card.js';
import { defineElement } from '@microcred/elements/internal/define.js';

/** The instant every card test judges expiry at (the vectors' reference runs used this date). */
export const NOW = new Date('2026-11-22T12:00:00Z');

const dcpv = '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources';

/** Real public vectors served by the test server at /vectors/ (see ../shared/vectors/SOURCES.md). */
export const V = {
  /** OB 3.0 spec "complete" OpenBadgeCredential (VCDM 2.0): every field, validUntil 2030. */
  full: '/vectors/obv3-examples/ref/full_ex.json',
  /** OB 3.0 on VCDM 2.0, validUntil 2011-01-01: expired. */
  expired: '/vectors/vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-expired.json',
  /** OB 3.0 on VCDM 1.1, achievementType Diploma, Markdown criteria, public recipient name. */
  v1: '/vectors/verifier-core/src/test-fixtures/verifiableCredentials/v1/v1NoStatus.json',
  /** OB 2.0 hosted assertion (hashed recipient, linked BadgeClass). */
  ob2: `${dcpv}/ob20/basic-assertion.json`,
  /** OB 2.0 BadgeClass (a catalog entry). */
  ob2BadgeClass: `${dcpv}/ob20/assets/robotics-badge.json`,
  /** OB 2.0 signed assertion as a compact JWS. */
  ob2Jws: `${dcpv}/ob20/simple.jwt`,
  /** CLR 2.0 as a VC-JWT compact JWS. */
  clrJws: '/vectors/digital-credentials-public-validator/inspector-clr/src/test/resources/clr20/simple.jwt',
};

/** Fetches a vector as JSON (or as text for `.jwt`). */
export async function vector(path: string): Promise<unknown> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return path.endsWith('.jwt') ? (await res.text()).trim() : res.json();
}

/**
 * An OB 3.0 Achievement as a district catalog entry (with the catalog feed's `registration`
 * extension), written for these tests.
 */
export const catalogEntry = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'https://district.example/achievements/classroom-robotics-1',
  type: ['Achievement'],
  achievementType: 'MicroCredential',
  name: 'Classroom Robotics I',
  description: 'Use programmable robots to teach computational thinking.',
  criteria: {
    id: 'https://district.example/achievements/classroom-robotics-1/criteria',
    narrative: '## Requirements\n\n1. Complete the **online module**.\n2. Teach *two* lessons with robots.',
  },
  creator: {
    id: 'https://district.example/',
    type: ['Profile'],
    name: 'Lakeside Unified School District',
    url: 'https://district.example/',
  },
  alignment: [
    {
      type: ['Alignment'],
      targetName: 'ISTE Standards for Educators 2.5',
      targetUrl: 'https://iste.example/standards/2-5',
      targetCode: '2.5',
    },
  ],
  registration: {
    url: 'https://district.example/register/robotics-1',
    opens: '2026-08-01',
    closes: '2026-12-15',
    cost: 'Free',
    seats: 30,
  },
};

interface HeldRequest {
  url: string;
  signal: AbortSignal;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A card whose downloads wait until the test releases them (through the `fetchSource` seam, not by
 * stubbing the global `fetch`): makes the loading state observable.
 */
export class McTestHeldCard extends McCredentialCard {
  requests: HeldRequest[] = [];
  protected override fetchSource(url: string, signal: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => this.requests.push({ url, signal, resolve, reject }));
  }
}
defineElement('mc-test-held-card', McTestHeldCard);

/** The card's shadow root. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** Text of the first element matching `selector` in the card's shadow root, whitespace collapsed. */
export function text(el: Element, selector: string): string {
  return (shadow(el).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
