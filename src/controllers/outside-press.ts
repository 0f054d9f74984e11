import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Calls `onOutside` when the user presses anywhere outside the parts `isInside` recognises (a
 * menu and its button, a popup), to close them.
 *
 * A document listener cannot tell on its own: inside a host page's *closed* shadow root,
 * `composedPath()` seen from the document stops at the closed root's host, so every press would
 * look outside. The host's own listener sees the whole path, so it marks the presses that land
 * inside, and the document, later in the same dispatch, lets the marked ones pass.
 */
export class OutsidePressController implements ReactiveController {
  readonly #inside = new WeakSet<Event>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: {
      /** Whether a press with this composed path (as the host sees it) is inside. */
      isInside(path: readonly EventTarget[]): boolean;
      onOutside(event: PointerEvent): void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.#mark, true);
    document.addEventListener('pointerdown', this.#check);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.#mark, true);
    document.removeEventListener('pointerdown', this.#check);
  }

  #mark = (event: Event): void => {
    if (this.options.isInside(event.composedPath())) this.#inside.add(event);
  };

  #check = (event: PointerEvent): void => {
    if (!this.#inside.has(event)) this.options.onOutside(event);
  };
}
