/**
 * `<mc-verify-button>`: verification on request, in every outcome, on real public test vectors
 * (stories/fixtures/verify-vectors.ts reads them from ../shared/vectors at build time). Each story
 * but "Idle" presses Verify as it renders; the clock is pinned and the verifier's network is
 * `storyFetch` (no request leaves the page). Each story is also a test: scripts/story-smoke.mjs
 * opens it in Chromium in English and in Spanish, with axe.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '@microcred/elements/credential-card/mc-credential-card.js';
import '@microcred/elements/verify-button/mc-verify-button.js';
import { VERIFY_NOW, storyFetch, storyVector, verifyStoryVectors } from './fixtures/verify-vectors.js';

type Outcome = keyof typeof verifyStoryVectors;

interface VerifyArgs {
  /** Which real vector the card shows and the button verifies. */
  vector?: Outcome;
  /** Press Verify as the story renders. */
  verifyOnRender?: boolean;
}

/** Presses Verify once, when the button first renders. */
const verifyNow = (el: Element | undefined): void => {
  if (el) void (el as HTMLElement & { verify(): Promise<unknown> }).verify();
};

function render({ vector = 'valid', verifyOnRender = true }: VerifyArgs): TemplateResult {
  const credential = storyVector(verifyStoryVectors[vector]);
  if (!credential) {
    return html`<p>The public test vectors (../shared/vectors beside the repository) are not available.</p>`;
  }
  return html`<mc-credential-card .credential=${credential} .now=${VERIFY_NOW} heading-level="2">
    <mc-verify-button
      slot="status"
      .now=${VERIFY_NOW}
      .fetch=${storyFetch}
      ${verifyOnRender ? ref(verifyNow) : ref(() => undefined)}
    ></mc-verify-button>
  </mc-credential-card>`;
}

const meta = {
  title: 'Elements/Verify button',
  component: 'mc-verify-button',
  render,
  args: { vector: 'valid', verifyOnRender: true },
  argTypes: {
    vector: { control: 'inline-radio', options: Object.keys(verifyStoryVectors) },
    verifyOnRender: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Verifies the credential of the card it sits in (its `status` slot), of the element named by `for`, or its own `credential`/`src`. The verifier loads on the first click; progress and the result are announced; every check is explained in plain language. "Could not check" is never shown as a pass.',
      },
    },
  },
} satisfies Meta<VerifyArgs>;

export default meta;
type Story = StoryObj<VerifyArgs>;

/** Before anyone presses Verify. */
export const Idle: Story = { args: { verifyOnRender: false } };

/** Signature, issuer, dates and revocation status all check out. */
export const Verified: Story = { args: { vector: 'valid' } };

/** Authentic, but past its expiry date: "Expired", and the card says so too. */
export const Expired: Story = { args: { vector: 'expired' } };

/** Authentic, but the issuer's status list marks it revoked: "Revoked", flagged on the card. */
export const Revoked: Story = { args: { vector: 'revoked' } };

/** Changed after it was signed: the signature check fails. */
export const Tampered: Story = { args: { vector: 'tampered' } };

/** The status list cannot be reached: "Could not verify", never "Verified". */
export const CouldNotVerify: Story = { args: { vector: 'unreachableStatus' } };

/** A button with nothing to verify (no credential, no `for`, not in a card): a clear message. */
export const NothingToVerify: Story = {
  render: () => html`<mc-verify-button ${ref(verifyNow)}></mc-verify-button>`,
};
