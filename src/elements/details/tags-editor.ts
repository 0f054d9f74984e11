import { html, nothing, type ReactiveElement } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Conversation, Tag } from '../../api/types.js';
import { styleProps } from '../../directives/style-props.js';
import type { DetailsLocale } from '../../i18n/details.en.js';
import type { InboxStore } from '../../stores/index.js';
import { conflictView } from './conflict-view.js';
import { namesOf } from './assignment-editor.js';
import { ConversationFieldEditor } from './conversation-field-editor.js';

export interface TagsView {
  resolved: DetailsLocale;
  tags: Tag[];
  /** The user may create tags (`manageTags`). */
  mayCreate: boolean;
}

export interface TagsEditorOptions {
  store(): InboxStore | undefined;
  /** Fires the cancelable `inbox-before-tags-change`; false when the host vetoed. */
  beforeSave(conversation: Conversation, tagIds: string[]): boolean;
  saved(conversation: Conversation): void;
}

/** Colours a new tag starts with, in turn: distinct, and readable with dark or light text. */
const PALETTE = ['#1f6fb2', '#1a7f4b', '#b45309', '#9333ea', '#be123c', '#0f766e', '#4d7c0f', '#475569'];

/** *Conversation tags* → Edit: pick tags, create one with its colour where allowed, remove, save. */
export class TagsEditor extends ConversationFieldEditor<'tagIds'> {
  protected readonly section = 'tags';
  tagIds: string[] = [];
  newName = '';
  newColor = PALETTE[0]!;
  /** A tag asked for by a name the space already had: that one was selected instead. */
  existingName = '';

  constructor(
    host: ReactiveElement,
    private readonly options: TagsEditorOptions,
  ) {
    super(host, options.store);
  }

  /** Starts editing; a new tag's colour takes the next one of the palette. */
  override start(conversation: Conversation, tagCount = 0): void {
    this.newName = '';
    this.newColor = PALETTE[tagCount % PALETTE.length]!;
    this.existingName = '';
    super.start(conversation);
  }

  protected take(conversation: Conversation): void {
    this.tagIds = [...conversation.tagIds];
  }

  protected allowed(base: Conversation): boolean {
    return this.options.beforeSave(base, this.tagIds);
  }

  protected send(store: InboxStore, base: Conversation) {
    return store.conversations.setTags(base, this.tagIds);
  }

  protected saved(conversation: Conversation): void {
    this.options.saved(conversation);
  }

  render(view: TagsView) {
    const m = view.resolved.messages;
    return html`<form class="editor" part="tags-editor" @submit=${this.onSubmit}>
      ${
        this.conflict
          ? conflictView({
              messages: m,
              changed: this.conflict.changed,
              describe: (_field, value) => ({
                label: m.sectionTags,
                value: namesOf(value, view.tags) || m.noTags,
              }),
              onKeepMine: () => void this.save(),
              onUseTheirs: () => this.useTheirs(),
            })
          : nothing
      }
      <fieldset>
        <legend>${m.sectionTags}</legend>
        ${view.tags.length === 0 ? html`<p class="muted">${m.noTags}</p>` : nothing}
        ${view.tags.map(
          (tag) =>
            html`<label class="choice">
              <input
                type="checkbox"
                .checked=${this.tagIds.includes(tag.id)}
                @change=${() => this.#toggle(tag.id)}
              />
              <span class="swatch" aria-hidden="true" ${styleProps({ 'background-color': tag.color })}></span>
              <bdi>${tag.name}</bdi>
            </label>`,
        )}
      </fieldset>
      ${
        view.mayCreate
          ? html`<fieldset class="new-tag">
              <legend>${m.newTag}</legend>
              <label class="inline">
                <span>${m.newTagName}</span>
                <input
                  part="new-tag-name"
                  dir="auto"
                  maxlength="50"
                  .value=${live(this.newName)}
                  @input=${(e: Event) => (this.newName = (e.target as HTMLInputElement).value)}
                  @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), void this.#create())}
                />
              </label>
              <label class="inline">
                <span>${m.newTagColor}</span>
                <input
                  type="color"
                  part="new-tag-color"
                  .value=${live(this.newColor)}
                  @input=${(e: Event) => (this.newColor = (e.target as HTMLInputElement).value)}
                />
              </label>
              <button type="button" part="add-tag" @click=${() => void this.#create()}>${m.addTag}</button>
            </fieldset>`
          : nothing
      }
      <p class="muted" role="status">${this.existingName ? m.tagExists(this.existingName) : ''}</p>
      ${this.footer(view.resolved)}
    </form>`;
  }

  #toggle(tagId: string): void {
    this.tagIds = this.tagIds.includes(tagId)
      ? this.tagIds.filter((id) => id !== tagId)
      : [...this.tagIds, tagId];
    this.host.requestUpdate();
  }

  /** Creates the tag and selects it; a name the space has already selects that tag instead. */
  async #create(): Promise<void> {
    const store = this.options.store();
    const name = this.newName.trim();
    if (!store || !name) return;
    this.error = undefined;
    const result = await store.directory.createTag(name, this.newColor);
    const tag = result.ok ? result.value : result.existing;
    if (tag && !this.tagIds.includes(tag.id)) this.tagIds = [...this.tagIds, tag.id];
    if (tag) this.newName = '';
    this.existingName = !result.ok && result.existing ? result.existing.name : '';
    if (!result.ok && !result.existing) this.error = result.error;
    this.host.requestUpdate();
  }
}
