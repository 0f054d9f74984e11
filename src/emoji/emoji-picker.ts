import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { nextTabIndex } from '../controllers/listbox-keys.js';
import { composerEn, type ComposerCatalogue } from '../i18n/composer.en.js';
import { en } from '../i18n/en.js';
import type { EmojiSkinTone } from '../stores/emoji-preferences.js';
import { base } from '../styles/tokens.js';
import { categoryIcon, categoryName, isShownGroup, type EmojiCategory } from './categories.js';
import { searchEmoji, skinTones, withTone, type EmojiData, type EmojiRecord } from './emoji-data.js';
import { styles } from './emoji-picker.styles.js';
import { nextGridIndex } from './grid-keys.js';
import { EmojiPickEvent, EmojiToneChangeEvent } from './events.js';

/** Emoji per grid row (the popup's width is made for it). */
export const COLUMNS = 8;
/** A skin tone swatch for the tone chooser: a raised hand. */
const SWATCH = '✋';

/**
 * An emoji picker rendered entirely by Lit templates and adopted stylesheets, so it works under a
 * strict policy (Trusted Types, `style-src 'self'`): search, categories, skin tones, recently used,
 * a keyboard-operable grid with each emoji named by its annotation.
 *
 * The composer renders it in its emoji popup; it keeps no preferences itself: `tone` and `recent`
 * come in as properties and choices go out as events.
 *
 * @internal
 * @tag inbox-emoji-picker
 */
export class InboxEmojiPicker extends LitElement {
  static override styles = [base, styles];

  /** The emoji to offer (from `loadEmojiData`). */
  @property({ attribute: false }) data?: EmojiData;

  /** The UI strings. */
  @property({ attribute: false }) messages: ComposerCatalogue = { ...en, ...composerEn };

  /** The skin tone applied to emoji that take one. */
  @property({ type: Number }) tone: EmojiSkinTone = 0;

  /** Recently used emoji (without skin tone), newest first: shown first, under their own tab. */
  @property({ attribute: false }) recent: readonly string[] = [];

  @state() private query = '';
  @state() private category: EmojiCategory | undefined;
  /** The grid cell that takes focus (roving tabindex). */
  @state() private active = 0;

  @query('input') private search?: HTMLInputElement;

  /** Focuses the search field. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.search?.focus(options));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.active = 0;
  }

  protected override render() {
    const data = this.data;
    if (!data) return nothing;
    const messages = this.messages;
    const categories = this.#categories(data);
    const category = this.#current(categories);
    const query = this.query.trim();
    const searching = query !== '';
    const shown = this.#shown(data, searching ? query : undefined, category);
    const active = Math.min(this.active, Math.max(shown.length - 1, 0));
    return html`
      <input
        type="search"
        class="search"
        aria-label=${messages.emojiSearchLabel}
        placeholder=${messages.emojiSearchPlaceholder}
        autocomplete="off"
        spellcheck="false"
        .value=${live(this.query)}
        @input=${this.#onSearchInput}
        @keydown=${(event: KeyboardEvent) => this.#onSearchKeydown(event, shown)}
      />
      <div role="tablist" class="tabs" aria-label=${messages.emojiCategoriesLabel}>
        ${categories.map((c) => {
          const name = categoryName(c, messages);
          return html`<button
            type="button"
            role="tab"
            id="tab-${c}"
            class="tab"
            aria-selected=${!searching && c === category ? 'true' : 'false'}
            aria-controls="panel"
            aria-label=${name}
            title=${name}
            tabindex=${c === category ? 0 : -1}
            @click=${() => this.#select(c)}
            @keydown=${(event: KeyboardEvent) => this.#onTabKeydown(event, categories, c)}
          >
            <span aria-hidden="true">${categoryIcon(c)}</span>
          </button>`;
        })}
      </div>
      <div class="bar">
        <span id="grid-label" class="grid-label">
          ${searching ? messages.emojiSearchResults : categoryName(category, messages)}
        </span>
        <label class="tone">
          <span class="swatch" aria-hidden="true">${withToneOf(SWATCH, this.tone)}</span>
          <select aria-label=${messages.emojiSkinTone} @change=${this.#onToneChange}>
            ${skinTones.map(
              (tone) =>
                html`<option value=${tone} ?selected=${tone === this.tone}>
                  ${messages.emojiSkinTones[tone]}
                </option>`,
            )}
          </select>
        </label>
      </div>
      <div
        id="panel"
        class="panel"
        role=${searching ? nothing : 'tabpanel'}
        aria-labelledby=${searching ? nothing : `tab-${category}`}
      >
        ${shown.length ? this.#grid(shown, active) : html`<p class="empty">${messages.emojiNoResults(query)}</p>`}
      </div>
      <div class="visually-hidden" role="status">
        ${searching ? (shown.length ? messages.emojiResultCount(shown.length) : messages.emojiNoResults(query)) : ''}
      </div>
    `;
  }

  #grid(shown: readonly EmojiRecord[], active: number) {
    const rows: EmojiRecord[][] = [];
    for (let i = 0; i < shown.length; i += COLUMNS) rows.push(shown.slice(i, i + COLUMNS));
    return html`<div
      role="grid"
      class="grid"
      aria-labelledby="grid-label"
      @keydown=${(event: KeyboardEvent) => this.#onGridKeydown(event, shown.length)}
    >
      ${rows.map(
        (row, r) =>
          html`<div role="row" class="row">
            ${row.map((emoji, c) => {
              const index = r * COLUMNS + c;
              return html`<div role="gridcell">
                <button
                  type="button"
                  class="emoji"
                  data-index=${index}
                  tabindex=${index === active ? 0 : -1}
                  aria-label=${emoji.annotation}
                  title=${emoji.annotation}
                  @click=${() => this.#pick(emoji, index)}
                >
                  ${withTone(emoji, this.tone)}
                </button>
              </div>`;
            })}
          </div>`,
      )}
    </div>`;
  }

  /** "Recently used" first when there are any, then every group the data has. */
  #categories(data: EmojiData): EmojiCategory[] {
    const groups = data.groups.filter(isShownGroup);
    return this.#recent(data).length ? ['recent', ...groups] : groups;
  }

  #current(categories: EmojiCategory[]): EmojiCategory {
    return this.category !== undefined && categories.includes(this.category)
      ? this.category
      : (categories[0] ?? 0);
  }

  #recent(data: EmojiData): EmojiRecord[] {
    return this.recent.flatMap((unicode) => data.byUnicode.get(unicode) ?? []);
  }

  #shown(data: EmojiData, query: string | undefined, category: EmojiCategory): readonly EmojiRecord[] {
    if (query !== undefined) return searchEmoji(data, query);
    if (category === 'recent') return this.#recent(data);
    return data.emoji.filter((emoji) => emoji.group === category);
  }

  #select(category: EmojiCategory): void {
    this.category = category;
    this.query = '';
    this.active = 0;
  }

  #pick(emoji: EmojiRecord, index: number): void {
    this.active = index;
    this.dispatchEvent(new EmojiPickEvent(withTone(emoji, this.tone), emoji));
  }

  #onSearchInput = (event: InputEvent): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.active = 0;
  };

  /** Enter picks the first result; Arrow Down moves into the grid. */
  #onSearchKeydown(event: KeyboardEvent, shown: readonly EmojiRecord[]): void {
    const first = shown[0];
    if (event.key === 'Enter' && first && this.query.trim()) {
      event.preventDefault();
      this.#pick(first, 0);
    } else if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      void this.#focusCell(this.active);
    }
  }

  #onTabKeydown(event: KeyboardEvent, categories: EmojiCategory[], current: EmojiCategory): void {
    const to = nextTabIndex(event.key, categories.indexOf(current), categories.length, this.#dir());
    const category = to === undefined ? undefined : categories[to];
    if (category === undefined) return;
    event.preventDefault();
    this.#select(category);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[id="tab-${category}"]`)?.focus(),
    );
  }

  #onGridKeydown(event: KeyboardEvent, length: number): void {
    const from = Number((event.target as HTMLElement).dataset['index'] ?? this.active);
    const to = nextGridIndex(event.key, from, length, {
      columns: COLUMNS,
      dir: this.#dir(),
      ctrlKey: event.ctrlKey || event.metaKey,
    });
    if (to === undefined) return;
    event.preventDefault();
    void this.#focusCell(to);
  }

  async #focusCell(index: number): Promise<void> {
    this.active = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  }

  #onToneChange = (event: Event): void => {
    const tone = Number((event.target as HTMLSelectElement).value) as EmojiSkinTone;
    this.tone = tone;
    this.dispatchEvent(new EmojiToneChangeEvent(tone));
  };

  #dir(): 'ltr' | 'rtl' {
    return getComputedStyle(this).direction === 'rtl' ? 'rtl' : 'ltr';
  }
}

/** The swatch with a tone modifier (0 leaves it yellow). */
function withToneOf(emoji: string, tone: EmojiSkinTone): string {
  return tone ? emoji + String.fromCodePoint(0x1f3fa + tone) : emoji;
}
