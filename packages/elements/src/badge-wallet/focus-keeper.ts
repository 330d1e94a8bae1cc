/**
 * Keeps keyboard focus where it was when a render moves the focused node: a keyed list that
 * reorders (a wallet credential moved, a reload from storage) re-inserts nodes, and a node taken
 * out of the document drops focus to `<body>`. After each update, if focus fell out of the host's
 * shadow root and the element that had it is still there and focusable, it gets focus back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusKeeper implements ReactiveController {
  private kept: HTMLElement | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement;
    this.kept = active instanceof HTMLElement ? active : undefined;
  }

  hostUpdated(): void {
    const kept = this.kept;
    this.kept = undefined;
    const root = this.host.shadowRoot;
    if (!kept || !root || root.activeElement) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && kept.isConnected && kept.getRootNode() === root && !kept.matches(':disabled'))
      kept.focus({ preventScroll: true });
  }
}
