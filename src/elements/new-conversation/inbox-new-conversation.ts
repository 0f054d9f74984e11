import { html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import type { Capabilities } from '../../api/types.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { InboxStore } from '../../stores/index.js';
import { InboxElement } from '../inbox-element.js';
import { styles } from './inbox-new-conversation.styles.js';
import type { NewConversationDialog } from './new-conversation-dialog.js';

const plus = svg`<path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`;

/**
 * @summary Starts a conversation by phone number: a plus button opens the *New conversation*
 * dialog — sender profile, assigned team and phone number (the contact that has it is named, and
 * its open conversation offered), what the senders have left today, **Next**, the first message,
 * **Send Message**. The conversation starts Unanswered, assigned to the team and to its creator,
 * and is selected. Agents see sender profile names only, never the senders inside them.
 * @tag inbox-new-conversation
 *
 * @slot trigger - Your own button to open the dialog, instead of the plus button.
 *
 * @fires {InboxBeforeConversationCreateEvent} inbox-before-conversation-create - Cancelable, before anything is sent; `detail` is what would be posted (`spaceId`, `senderProfileId`, `teamId`, `phone`, `text`). `preventDefault()` sends nothing and keeps the dialog as it is.
 * @fires {InboxConversationCreateEvent} inbox-conversation-create - The conversation was created with its first message; `detail.conversation` is it, already listed and selected.
 * @fires {InboxConversationSelectEvent} inbox-conversation-select - The user chose *Open conversation*: the number's contact already had an open conversation on the profile, and it is now selected.
 *
 * @csspart trigger-button - The plus button ("Create new conversation").
 * @csspart dialog - The modal dialog.
 * @csspart heading - The dialog's heading, "New conversation".
 * @csspart close-button - The dialog's close button.
 * @csspart step - "Step 1 of 2".
 * @csspart state - Loading, failed, or nothing to choose (no profile can start by phone).
 * @csspart profile-select - The sender profile field.
 * @csspart team-select - The assigned team field.
 * @csspart country-select - The country a national number is read in (follows a number typed with +).
 * @csspart phone-input - The phone number field.
 * @csspart field-error - What is wrong with the field above it.
 * @csspart contact - Who the number belongs to, or that a new contact will be created.
 * @csspart existing - The offer to open the contact's open conversation instead.
 * @csspart open-existing-button - "Open conversation".
 * @csspart availability - What the senders of the profile have left today for the number's country.
 * @csspart next-button - **Next**.
 * @csspart summary - Step two's recipient and sender profile.
 * @csspart textarea - The message field.
 * @csspart counter - SMS length and parts, or the length near the channel's limit.
 * @csspart limit - Why the message is too long to send.
 * @csspart error - A refusal of the whole send (no sender left, the server unreachable).
 * @csspart back-button - **Back**.
 * @csspart send-button - **Send Message**.
 *
 * @cssprop --inbox-color-surface - Dialog, fields and trigger background.
 * @cssprop --inbox-color-surface-raised - Background of the open conversation offer.
 * @cssprop --inbox-color-surface-hover - Background of a button under the pointer.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Hints, the step and lookup lines.
 * @cssprop --inbox-color-border - Borders.
 * @cssprop --inbox-color-accent - The plus sign, Next and Send Message.
 * @cssprop --inbox-color-on-accent - Text on Next and Send Message.
 * @cssprop --inbox-color-danger - Field errors and refusals.
 * @cssprop --inbox-color-danger-surface - Background of a refusal.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-font-size - Base font size.
 * @cssprop --inbox-space - Base spacing unit.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxNewConversation extends InboxElement {
  static override styles = [...InboxElement.styles, styles];

  /** The dialog's code could not be loaded (offline); the next open tries again. */
  @state() private unavailable = false;

  readonly #capabilities = new StoreController<Capabilities | undefined>(this);
  /** The dialog, from a lazy chunk: made on first open and kept, with its draft, while closed. */
  #dialog: NewConversationDialog | undefined;

  constructor() {
    super();
    this.addEventListener('click', this.#onClick);
  }

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#capabilities.store = store?.session.$capabilities;
    this.#dialog?.storeChanged();
  }

  /** Opens the dialog (when the user may start conversations), where the draft was left. */
  async open(): Promise<void> {
    if (!this.#capabilities.value?.startConversations || this.#dialog?.isOpen) return;
    try {
      const { NewConversationDialog } = await import('./new-conversation-dialog.js');
      this.#dialog ??= new NewConversationDialog(this, {
        store: () => this.inbox.store,
        resolved: () => this.i18n.resolved,
      });
      this.unavailable = false;
    } catch {
      this.unavailable = true;
      return;
    }
    await this.#dialog.show();
  }

  /** Closes the dialog; the draft stays for the next time it opens. Focus returns to the opener. */
  close(): void {
    this.#dialog?.close();
  }

  protected override render() {
    // Without the permission there is nothing to offer: no trigger at all, not even the host's.
    if (!this.#capabilities.value?.startConversations) return nothing;
    const m = this.i18n.messages;
    return html`<slot name="trigger">
        <button
          type="button"
          part="trigger-button"
          class="trigger"
          aria-label=${m.newConversationOpen}
          title=${m.newConversationOpen}
          aria-haspopup="dialog"
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">${plus}</svg>
        </button>
      </slot>
      ${this.unavailable ? html`<span class="visually-hidden" role="alert">${m.newConversationUnavailable}</span>` : nothing}
      ${this.#dialog?.render() ?? nothing}`;
  }

  /** A click on the plus button or on the host's own trigger (keyboard activation clicks too). */
  #onClick = (event: MouseEvent): void => {
    const slot = this.renderRoot.querySelector('slot[name="trigger"]');
    // Inside the slot, and on something in it rather than the slot itself.
    if (slot && event.composedPath().indexOf(slot) > 0) void this.open();
  };
}
