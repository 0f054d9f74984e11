import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { OutsidePressController } from '../../controllers/outside-press.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { EmojiData } from '../../emoji/emoji-data.js';
import type { EmojiPickEvent, EmojiToneChangeEvent } from '../../emoji/events.js';
import type { ComposerCatalogue } from '../../i18n/composer.en.js';
import type { EmojiPreferencesStore, EmojiSkinTone } from '../../stores/index.js';

type PopupState = 'closed' | 'loading' | 'open' | 'unavailable';
type DataLoader = () => Promise<EmojiData>;

/**
 * The emoji popup: loads the picker and its data on first use, inserts what the user picks (and
 * remembers it as recently used), closes with Escape, a pick or a press outside, and gives focus
 * back (to the textarea after a pick, else the button).
 */
export class EmojiPopupController implements ReactiveController {
  state: PopupState = 'closed';
  #data: EmojiData | undefined;
  #source: string | undefined;
  #button: HTMLElement | undefined;
  #preferences: EmojiPreferencesStore | undefined;
  /** Counts openings: each shows a fresh picker (no search or category left from the last time). */
  #openings = 0;
  readonly #tone: StoreController<EmojiSkinTone>;
  readonly #recent: StoreController<readonly string[]>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly onPick: (unicode: string) => void,
  ) {
    host.addController(this);
    this.#tone = new StoreController(host);
    this.#recent = new StoreController(host);
    new OutsidePressController(host, {
      isInside: (path) => {
        const popup = this.#popup();
        return (!!popup && path.includes(popup)) || (!!this.#button && path.includes(this.#button));
      },
      onOutside: () => this.close(false),
    });
  }

  get open(): boolean {
    return this.state !== 'closed';
  }

  /** The user's skin tone and recently used emoji, from the host's store bundle. */
  set preferences(preferences: EmojiPreferencesStore | undefined) {
    this.#preferences = preferences;
    this.#tone.store = preferences?.$tone;
    this.#recent.store = preferences?.$recent;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.state = 'closed';
  }

  /** Opens (loading the data for `source` the first time) or closes the popup. */
  async toggle(button: HTMLElement, source: string, load: DataLoader): Promise<void> {
    if (this.open) return this.close();
    this.#button = button;
    if (this.#data && this.#source === source) return this.#showPicker();
    this.#show('loading');
    try {
      const data = await load();
      this.#data = data;
      this.#source = source;
      if (this.state === 'loading') await this.#showPicker();
    } catch {
      if (this.state === 'loading') this.#show('unavailable');
    }
  }

  close(returnFocus = true): void {
    if (!this.open) return;
    this.#show('closed');
    if (returnFocus) this.#button?.focus();
  }

  render(messages: ComposerCatalogue) {
    if (!this.open) return nothing;
    const body =
      this.state === 'open'
        ? keyed(
            this.#openings,
            html`<inbox-emoji-picker
              .data=${this.#data}
              .messages=${messages}
              .tone=${this.#tone.value ?? 0}
              .recent=${this.#recent.value ?? []}
              @emoji-pick=${this.#onPick}
              @emoji-tone-change=${this.#onToneChange}
            ></inbox-emoji-picker>`,
          )
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

  #popup(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.emoji-popup');
  }

  #show(state: PopupState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  async #showPicker(): Promise<void> {
    this.#openings++;
    this.#show('open');
    await this.host.updateComplete;
    this.host.renderRoot.querySelector('inbox-emoji-picker')?.focus();
  }

  #onPick = (event: EmojiPickEvent): void => {
    this.#preferences?.remember(event.emoji.unicode);
    this.close(false);
    this.onPick(event.unicode);
  };

  #onToneChange = (event: EmojiToneChangeEvent): void => {
    this.#preferences?.setTone(event.tone);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };
}
