/**
 * Where `<mc-verify-button>` finds the credential it verifies when it has none of its own: the card
 * (or any element) whose slot it sits in, and what that element holds.
 */
import type { ReactiveControllerHost } from 'lit';

/** The host of the shadow root whose slot `el` (or its nearest slotted ancestor) is assigned to. */
export function slotHost(el: Element | null): Element | null {
  for (; el; el = el.parentElement) {
    const root = el.assignedSlot?.getRootNode();
    if (root instanceof ShadowRoot) return root.host;
  }
  return null;
}

/** An element a button can verify the credential of: a card (or anything) with `credential`/`src`. */
export interface CredentialSource extends Element, Partial<ReactiveControllerHost> {
  credential?: unknown;
  src?: string;
}

export const INLINE = ':scope>script[type="application/json"]';

/** What `source` holds now, in the order the button reads it: its `credential`, `src` or inline JSON. */
export const held = (source: CredentialSource): unknown =>
  source.credential ??
  (source.src || source.getAttribute('src') || source.querySelector(INLINE)?.textContent);
