import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * A native modal `<dialog>` in the host's shadow root (`showModal`: the rest of the page is inert,
 * so focus stays inside; Escape cancels). Focus goes back to what opened it, also when the opener
 * lives in another shadow root, and `onClose` hears every way it closes.
 */
export class ModalDialogController implements ReactiveController {
  open = false;
  #opener: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly selector: string,
    private readonly onClose: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.open = false;
  }

  /** Opens the dialog and focuses `focus` inside it (or the dialog's first field). */
  async show(focus?: string): Promise<void> {
    this.#opener = deepActiveElement();
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.#dialog();
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const target =
      (focus ? dialog.querySelector<HTMLElement>(focus) : null) ??
      dialog.querySelector<HTMLElement>('input, select, textarea, button:not([data-close])');
    target?.focus();
  }

  /** Closes it and gives focus back to the opener, at once (the dialog's `close` event comes a task later). */
  close(): void {
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    this.#closed();
  }

  /** Bind to the dialog's `close` event (Escape, `close()`, a form with method="dialog"). */
  onDialogClose = (event?: Event): void => {
    // The event comes a task after closing: by then close() may have run and the dialog reopened.
    if (event && event.target !== this.#dialog()) return;
    this.#closed();
  };

  #closed(): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    this.onClose();
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(this.selector);
  }
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
