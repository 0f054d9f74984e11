import { adoptStyles, type CSSResultOrNative, type LitElement, type ReactiveController } from 'lit';

/** A module of templates loaded on first use, with the styles its templates need. */
export interface LazyView {
  styles: CSSResultOrNative;
}

/**
 * Loads a view module the first time the host needs it and adds its styles to the host's shadow
 * root (adopted, like Lit's own, so a strict CSP is fine). Screens most users never see stay out
 * of the bundle every page downloads.
 */
export class LazyViewController<V extends LazyView> implements ReactiveController {
  view: V | undefined;
  /** Loading failed (offline): `retry()` tries again. */
  failed = false;
  #loading = false;

  constructor(
    private readonly host: LitElement,
    private readonly load: () => Promise<V>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading unless loaded, loading or failed; the host renders again when it arrives or fails. */
  want(): void {
    if (!this.failed) this.retry();
  }

  /** Loads it (again, after a failure). */
  retry(): void {
    if (this.view || this.#loading) return;
    this.#loading = true;
    this.failed = false;
    this.load().then(
      (view) => {
        this.view = view;
        this.#loading = false;
        this.#adopt(view);
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.#loading = false;
        this.host.requestUpdate();
      },
    );
  }

  #adopt(view: V): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const own = (this.host.constructor as typeof LitElement).elementStyles;
    adoptStyles(root, [...own, view.styles]);
  }
}
