import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { InboxApiError } from '../../api/errors.js';
import type { Conversation } from '../../api/types.js';
import { describeError } from '../../i18n/describe-error.js';
import type { DetailsLocale } from '../../i18n/details.en.js';
import type { Conflict, InboxStore, SaveResult } from '../../stores/index.js';

/**
 * An inline editor of some fields of a conversation (its assignment, its tags): Edit → choose →
 * Save Changes, conditional on the version the edit started from. When a colleague saved first the
 * user's choice stays on screen with what changed, and *Apply my changes* saves it over theirs.
 */
export abstract class ConversationFieldEditor<
  K extends keyof Conversation & string,
> implements ReactiveController {
  editing = false;
  saving = false;
  /** The version the next save is conditional on (the colleague's, after a conflict). */
  base: Conversation | undefined;
  error: InboxApiError | undefined;
  conflict: Conflict<Conversation, K> | undefined;

  constructor(
    protected readonly host: ReactiveElement,
    protected readonly store: () => InboxStore | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Copies the conversation's fields into the choice (starting, or taking theirs). */
  protected abstract take(conversation: Conversation): void;
  /** Fires the cancelable before-event; false when the host vetoed. */
  protected abstract allowed(base: Conversation): boolean;
  protected abstract send(store: InboxStore, base: Conversation): Promise<SaveResult<Conversation, K>>;
  protected abstract saved(conversation: Conversation): void;
  /** The Details section (`data-section`) the editor replaces the facts of. */
  protected abstract readonly section: string;

  start(conversation: Conversation): void {
    this.take(conversation);
    this.base = conversation;
    this.editing = true;
    this.error = undefined;
    this.conflict = undefined;
    this.host.requestUpdate();
    // The Edit button that had focus is about to go: focus moves to the editor's first choice.
    this.#moveFocus('form.editor :is(input, select, textarea, button):not(:disabled)');
  }

  cancel(): void {
    const wasEditing = this.editing;
    this.editing = false;
    this.conflict = undefined;
    this.error = undefined;
    this.host.requestUpdate();
    if (wasEditing) this.#moveFocus('[part="edit-button"]');
  }

  protected onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.save();
  };

  protected async save(): Promise<void> {
    const store = this.store();
    const base = this.base;
    if (!store || !base || this.saving || !this.allowed(base)) return;
    this.saving = true;
    this.error = undefined;
    this.conflict = undefined;
    this.host.requestUpdate();
    const result = await this.send(store, base);
    this.saving = false;
    if (result.ok) {
      this.editing = false;
      this.saved(result.value);
    } else if (result.conflict) {
      // The choice stays on screen; saving again starts from the colleague's version.
      this.base = result.conflict.current;
      this.conflict = result.conflict;
    } else {
      this.error = result.error;
    }
    this.host.requestUpdate();
    if (result.ok) this.#moveFocus('[part="edit-button"]');
  }

  /**
   * The control that had focus is being replaced: when focus is in this section it goes to
   * `selector` once the update just requested has rendered. Focus elsewhere (a conversation switch
   * cancels an edit) stays put.
   */
  #moveFocus(selector: string): void {
    const root = this.host.renderRoot as ShadowRoot;
    const within = `[data-section="${this.section}"]`;
    if (!root.activeElement?.closest(within)) return;
    void this.host.updateComplete.then(() =>
      root.querySelector<HTMLElement>(`${within} ${selector}`)?.focus(),
    );
  }

  protected useTheirs(): void {
    if (!this.conflict) return;
    this.start(this.conflict.current);
  }

  /**
   * Why the last save failed, then Cancel and Save Changes. Save is aria-disabled while saving, not
   * disabled: a disabled button drops the focus it has.
   */
  protected footer(resolved: DetailsLocale) {
    const m = resolved.messages;
    return html`${
        this.error
          ? html`<p part="error" class="error" role="alert">${describeError(this.error, resolved)}</p>`
          : nothing
      }
      <div class="actions">
        <button type="button" @click=${() => this.cancel()}>${m.cancel}</button>
        <button type="submit" class="primary" part="save" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${this.saving ? m.saving : m.saveChanges}
        </button>
      </div>`;
  }
}
