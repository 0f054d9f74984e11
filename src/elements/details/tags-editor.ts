import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InboxApiError } from '../../api/errors.js';
import type { Conversation, Tag } from '../../api/types.js';
import { styleProps } from '../../directives/style-props.js';
import { describeError } from '../../i18n/describe-error.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import type { Conflict, InboxStore } from '../../stores/index.js';
import { conflictView } from './conflict-view.js';
import { namesOf } from './assignment-editor.js';

export interface TagsView {
  resolved: ResolvedLocale;
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
export class TagsEditor implements ReactiveController {
  editing = false;
  saving = false;
  tagIds: string[] = [];
  base: Conversation | undefined;
  newName = '';
  newColor = PALETTE[0]!;
  /** A tag asked for by a name the space already had: that one was selected instead. */
  existingName = '';
  error: InboxApiError | undefined;
  conflict: Conflict<Conversation, 'tagIds'> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: TagsEditorOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  start(conversation: Conversation, tagCount: number): void {
    this.base = conversation;
    this.tagIds = [...conversation.tagIds];
    this.newName = '';
    this.newColor = PALETTE[tagCount % PALETTE.length]!;
    this.editing = true;
    this.existingName = '';
    this.error = undefined;
    this.conflict = undefined;
    this.host.requestUpdate();
  }

  cancel(): void {
    this.editing = false;
    this.conflict = undefined;
    this.error = undefined;
    this.host.requestUpdate();
  }

  render(view: TagsView) {
    const m = view.resolved.messages;
    return html`<form class="editor" part="tags-editor" @submit=${this.#submit}>
      ${
        this.conflict
          ? conflictView({
              messages: m,
              changed: this.conflict.changed,
              describe: (_field, value) => ({
                label: m.sectionTags,
                value: namesOf(value, view.tags) || m.noTags,
              }),
              onKeepMine: () => void this.#save(),
              onUseTheirs: () => this.#useTheirs(),
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
      ${
        this.error
          ? html`<p part="error" class="error" role="alert">${describeError(this.error, view.resolved)}</p>`
          : nothing
      }
      <div class="actions">
        <button type="button" @click=${() => this.cancel()}>${m.cancel}</button>
        <button type="submit" class="primary" part="save" ?disabled=${this.saving}>
          ${this.saving ? m.saving : m.saveChanges}
        </button>
      </div>
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

  #submit = (event: Event): void => {
    event.preventDefault();
    void this.#save();
  };

  async #save(): Promise<void> {
    const store = this.options.store();
    const base = this.base;
    if (!store || !base || this.saving) return;
    if (!this.options.beforeSave(base, this.tagIds)) return;
    this.saving = true;
    this.error = undefined;
    this.conflict = undefined;
    this.host.requestUpdate();
    const result = await store.conversations.setTags(base, this.tagIds);
    this.saving = false;
    if (result.ok) {
      this.editing = false;
      this.options.saved(result.value);
    } else if (result.conflict) {
      this.base = result.conflict.current;
      this.conflict = result.conflict;
    } else {
      this.error = result.error;
    }
    this.host.requestUpdate();
  }

  #useTheirs(): void {
    if (!this.conflict) return;
    this.base = this.conflict.current;
    this.tagIds = [...this.conflict.current.tagIds];
    this.conflict = undefined;
    this.host.requestUpdate();
  }
}
