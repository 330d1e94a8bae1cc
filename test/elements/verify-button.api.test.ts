import { expect, html } from '@open-wc/testing';
import type { McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, VV, text, vectorFetch, vectorJson } from './verify-button.helpers.js';

describe('<mc-verify-button> outcomes on real vectors', () => {
  afterEach(unmountAll);

  for (const [name, expected] of [
    ['valid', 'verified'],
    ['validOffline', 'verified'],
    ['expired', 'expired'],
    ['revoked', 'revoked'],
    ['tampered', 'invalid'],
    ['badStatusUrl', 'unknown'],
  ] as const) {
    it(`${name} → ${expected}`, async () => {
      const credential = await vectorJson(VV[name]);
      const el = await mount<McVerifyButton>(
        html`<mc-verify-button
          .credential=${credential}
          .now=${NOW}
          .fetch=${vectorFetch()}
        ></mc-verify-button>`,
      );
      await el.verify();
      await el.updateComplete;
      expect(el.state, JSON.stringify(el.report?.checks)).to.equal(expected);
      expect(text(el, '[part=summary]')).to.not.equal('');
    });
  }
});
