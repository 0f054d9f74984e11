import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { Catalogue } from '../../i18n/index.js';

type PickerState = 'closed' | 'loading' | 'open' | 'unavailable';
type PickerLoader = () => Promise<HTMLElement>;

/**
 * The emoji popup: loads the picker on first use, inserts what the user picks, closes with Escape,
 * a pick or a click outside, and gives focus back (to the textarea after a pick, else the button).
 */
export class EmojiPopupController implements ReactiveController {
  state: PickerState = 'closed';
  #picker: HTMLElement | undefined;
  #source: string | undefined;
  #button: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly onPick: (unicode: string) => void,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.state !== 'closed';
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    this.state = 'closed';
  }

  /** Opens (loading the picker from `source` the first time) or closes the popup. */
  async toggle(button: HTMLElement, source: string, load: PickerLoader): Promise<void> {
    if (this.open) return this.close();
    this.#button = button;
    if (this.#picker && this.#source === source) {
      this.#show('open');
      return this.#focusPicker();
    }
    this.#show('loading');
    try {
      const picker = await load();
      picker.addEventListener('emoji-click', this.#onEmojiClick);
      this.#picker = picker;
      this.#source = source;
      if (this.state !== 'loading') return;
      this.#show('open');
      await this.#focusPicker();
    } catch {
      if (this.state === 'loading') this.#show('unavailable');
    }
  }

  close(returnFocus = true): void {
    if (!this.open) return;
    this.#show('closed');
    if (returnFocus) this.#button?.focus();
  }

  render(messages: Catalogue) {
    if (!this.open) return nothing;
    const body =
      this.state === 'open'
        ? this.#picker
        : html`<p class="emoji-state" role=${this.state === 'loading' ? 'status' : 'alert'}>
            ${this.state === 'loading' ? messages.emojiLoading : messages.emojiUnavailable}
          </p>`;
    return html`<div
      part="emoji-popup"
      class="emoji-popup"
      role="dialog"
      aria-label=${messages.emojiPickerLabel}
      tabindex="-1"
      @keydown=${this.#onKeydown}
    >
      ${body}
    </div>`;
  }

  #show(state: PickerState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  async #focusPicker(): Promise<void> {
    await this.host.updateComplete;
    const search = this.#picker?.shadowRoot?.querySelector<HTMLElement>('input');
    (search ?? this.host.renderRoot.querySelector<HTMLElement>('.emoji-popup'))?.focus();
  }

  #onEmojiClick = (event: Event): void => {
    const unicode = (event as CustomEvent<{ unicode?: string }>).detail.unicode;
    if (!unicode) return;
    this.close(false);
    this.onPick(unicode);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  #onOutsidePointer = (event: PointerEvent): void => {
    if (!this.open) return;
    const path = event.composedPath();
    const popup = this.host.renderRoot.querySelector('.emoji-popup');
    if ((popup && path.includes(popup)) || (this.#button && path.includes(this.#button))) return;
    this.close(false);
  };
}
