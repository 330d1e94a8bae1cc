/**
 * `<mc-verify-button>` given a Verifiable Presentation (issue 14 §2), in a real browser: the
 * presentation is verified as one (in core's verifier, in its worker) and the button says, in
 * words, how the presentation itself fared (its signature and its holder; the request code and the
 * website "not checked", as no verifier asked for them) and, one line each, how every credential it
 * holds fared. The presentations are VP-JWTs signed here with a fresh Ed25519 key (WebCrypto,
 * did:jwk holder); the credentials inside are real public vectors (SOURCES.md), verified offline.
 *
 * VCDM 2.0 "Presentations": a presentation is "data derived from one or more verifiable
 * credentials, issued by one or more issuers, that is shared with a specific verifier"; VC-JWT
 * (VCDM 1.1 §6.3.1): the `vp` claim is the presentation and `iss` its holder.
 */
import { expect, html } from '@open-wc/testing';
import type { VerificationReport } from '@microcred/core';
import type { McVerifiedEvent, McVerifyButton } from '@microcred/elements';
import type { FromWorker } from '@microcred/core/verify/worker-protocol.js';
import { afterLangChange, mount, unmountAll } from './helpers/dom.js';
import { NOW, VV, vectorFetch, vectorJson } from './verify-button.helpers.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { suspendedCredential } from './helpers/suspended.js';
import { checksAr } from '@microcred/elements/verify-button/checks-ar.js';
import { checksVi } from '@microcred/elements/verify-button/checks-vi.js';
import { checksZhHans } from '@microcred/elements/verify-button/checks-zh-hans.js';
import { b64u, utf8 } from './helpers/bytes.js';

/** A did:jwk holder with a fresh Ed25519 key, and the VP-JWT of the credentials it presents. */
async function holder() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const { kty, crv, x } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const did = `did:jwk:${b64u(utf8(JSON.stringify({ kty, crv, x })))}`;
  const present = async (credentials: unknown[]): Promise<string> => {
    const head = b64u(utf8(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: `${did}#0` })));
    const body = b64u(
      utf8(
        JSON.stringify({
          iss: did,
          iat: Math.floor(NOW.getTime() / 1000) - 60,
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            holder: did,
            verifiableCredential: credentials,
          },
        }),
      ),
    );
    const signature = new Uint8Array(
      await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, utf8(`${head}.${body}`) as BufferSource),
    );
    return `${head}.${body}.${b64u(signature)}`;
  };
  return { did, present };
}

/**
 * The visible lines of the enclosed credentials (the list outside the checks' disclosure). Each is
 * named as a card names it (`report.credential.name`): these vectors' achievement, "Teamwork Badge".
 */
const credentialLines = (el: McVerifyButton): string[] =>
  [...el.shadowRoot!.querySelectorAll('.base > ul > li')].map((li) =>
    (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

const RealWorker = globalThis.Worker;

describe('<mc-verify-button> on a presentation (issue 14 §2)', () => {
  afterEach(() => {
    globalThis.Worker = RealWorker;
    unmountAll();
  });

  it('the presentation is verified in core’s verify worker, and its report arrives whole (report.presentation)', async () => {
    // the seam of verify-button.worker.test.ts: the real worker, observed
    const posted: VerificationReport[] = [];
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<FromWorker>) => {
          if (e.data.type === 'result') posted.push(e.data.report);
        });
      }
    };
    const { present } = await holder();
    const vp = await present([await vectorJson(VV.validOffline)]);
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${vp} .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>`,
    );
    const report = await el.verify();
    expect(posted).to.have.length(1);
    expect(posted[0]!.presentation?.format).to.equal('vp-jwt');
    expect(report).to.deep.equal(posted[0]);
    expect(report!.presentation!.credentials[0]!.verified).to.equal(true);
    expect(el.state).to.equal('verified');
  });

  it('a VP-JWT holding two valid credentials: Verified, one line per credential, request code and website not checked', async () => {
    const { present } = await holder();
    const [offline, withStatus] = await Promise.all([vectorJson(VV.validOffline), vectorJson(VV.valid)]);
    const vp = await present([offline, withStatus]);
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${vp} .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>`,
    );
    const events: McVerifiedEvent[] = [];
    el.addEventListener('mc-verified', (e) => events.push(e));
    const report = await el.verify();
    await el.updateComplete;
    const ui = new VerifyButtonHarness(el);
    expect(el.state).to.equal('verified');
    expect(ui.summary).to.equal('Verified');
    // the event's report stays a credential report; the presentation's own is in `presentation`
    expect(events[0]!.report).to.equal(report);
    expect(report!.format).to.equal('vp-jwt');
    expect(report!.checks.map((c) => c.id)).to.deep.equal([
      'format',
      'proof',
      'issuer',
      'validity',
      'status',
      'credentials',
    ]);
    expect(report!.presentation!.credentials.map((r) => r.verified)).to.deep.equal([true, true]);
    expect(credentialLines(el)).to.deep.equal(['Teamwork Badge: Verified.', 'Teamwork Badge: Verified.']);
    const checks = ui.checks.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(checks).to.include(
      'Signature: Passed. The issuer’s digital signature is valid: nothing has changed since it was signed.',
    );
    expect(checks).to.include(
      'Holder: Passed. The person presenting it signed the presentation with their own key.',
    );
    // its credentials are a presentation's, not a record's (a CLR's)
    expect(checks).to.include(
      'Credentials in this presentation: Passed. Every credential in this presentation is verified.',
    );
    expect(checks.join(' ')).not.to.contain('record');
    // no verifier asked for a challenge or a domain: never shown as passed
    const challenge = checks.find((c) => c.startsWith('Request code:'));
    const domain = checks.find((c) => c.startsWith('Website:'));
    expect(challenge).to.contain('Not checked');
    expect(domain).to.contain('Not checked');
    expect(`${challenge} ${domain}`).not.to.contain('Passed');
  });

  it('one revoked credential makes the presentation Revoked; an unreadable one is an "Untitled credential" that failed', async () => {
    const { present } = await holder();
    const [valid, revoked] = await Promise.all([vectorJson(VV.validOffline), vectorJson(VV.revoked)]);
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await present([valid, revoked])}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.state).to.equal('revoked');
    expect(new VerifyButtonHarness(el).summary).to.equal('Revoked');
    expect(credentialLines(el)).to.deep.equal(['Teamwork Badge: Verified.', 'Teamwork Badge: Revoked.']);

    el.credential = await present([valid, 'this is not a credential']);
    await el.updateComplete;
    await el.verify();
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    expect(credentialLines(el)).to.deep.equal([
      'Teamwork Badge: Verified.',
      'Untitled credential: Failed verification.',
    ]);
  });

  it('a presentation whose signature was tampered with fails, though its credentials are genuine', async () => {
    const { present } = await holder();
    const vp = await present([await vectorJson(VV.validOffline)]);
    const [h, p, s] = vp.split('.');
    const forged = `${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`;
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${forged} .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    expect(el.report!.checks.find((c) => c.id === 'proof')?.outcome).to.equal('failed');
    expect(credentialLines(el)).to.deep.equal(['Teamwork Badge: Verified.']);
  });

  it('in formal Spanish, in a card that holds the presentation (the button in its status slot); axe finds nothing', async () => {
    const { present } = await holder();
    const [valid, revoked] = await Promise.all([vectorJson(VV.validOffline), vectorJson(VV.revoked)]);
    const vp = await present([valid, revoked]);
    const card = await mount<HTMLElement & { credential: unknown }>(
      html`<mc-credential-card lang="es" .credential=${vp}>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector<McVerifyButton>('mc-verify-button')!;
    await afterLangChange(el);
    await el.verify();
    await el.updateComplete;
    expect(el.state).to.equal('revoked');
    expect(new VerifyButtonHarness(el).summary).to.equal('Revocada');
    expect(credentialLines(el)).to.deep.equal(['Teamwork Badge: Verificada.', 'Teamwork Badge: Revocada.']);
    const checks = new VerifyButtonHarness(el).checks.map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(checks.find((c) => c.startsWith('Titular:'))).to.contain('Correcto');
    expect(checks.find((c) => c.startsWith('Credenciales de esta presentación:'))).to.contain(
      'Algunas credenciales de esta presentación no superaron la verificación.',
    );
    expect(checks.join(' ')).not.to.contain('registro');
    expect(checks.find((c) => c.startsWith('Código de solicitud:'))).to.contain('No se comprobó');
    expect(checks.find((c) => c.startsWith('Sitio web:'))).to.contain('No se comprobó');
    el.shadowRoot!.querySelector('details')!.open = true;
    await expect(el).to.be.accessible();
  });

  it('in Arabic, Simplified Chinese and Vietnamese, too, its credentials are the presentation’s, not a record’s', async () => {
    const { present } = await holder();
    const vp = await present([await vectorJson(VV.validOffline)]);
    for (const [lang, words] of [
      ['ar', checksAr],
      ['zh-Hans', checksZhHans],
      ['vi', checksVi],
    ] as const) {
      const host = await mount<HTMLElement>(
        html`<div lang=${lang}>
          <mc-verify-button .credential=${vp} .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
        </div>`,
      );
      const el = host.querySelector<McVerifyButton>('mc-verify-button')!;
      await afterLangChange(el);
      await el.verify();
      await el.updateComplete;
      const checks = new VerifyButtonHarness(el).checks.map((li) =>
        (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
      const credentials = checks.find((c) =>
        c.startsWith(`${words['vp.id.credentials']}${words[':'].trim()}`),
      );
      expect(credentials, `${lang}: ${checks.join(' | ')}`).to.contain(words['vp.credentials-verified']);
      expect(checks.join(' '), lang).not.to.contain(words['id.credentials']);
      unmountAll();
    }
  });

  it('a credential its issuer suspended makes the presentation Suspended, not Revoked; its own line says Suspended', async () => {
    // Bitstring Status List v1.0: "suspension" is "used to temporarily prevent the acceptance of a
    // verifiable credential"; "revocation" is "not reversible"
    // the suspended credential is the holder's (its subject), signed and listed by another issuer
    const { did, present } = await holder();
    const { jwt: suspended, fetch } = await suspendedCredential({ subject: did });
    const vp = await present([await vectorJson(VV.validOffline), suspended]);
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${vp} .now=${NOW} .fetch=${fetch}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    const status = el.report!.presentation!.credentials[1]!.checks.find((c) => c.id === 'status');
    expect([status?.outcome, status?.code]).to.deep.equal(['failed', 'suspended']);
    expect(el.state).to.equal('revoked');
    expect(new VerifyButtonHarness(el).summary).to.equal('Suspended');
    expect(credentialLines(el)).to.deep.equal(['Teamwork Badge: Verified.', 'Soldering Safety: Suspended.']);
  });
});
