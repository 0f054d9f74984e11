import { adoptStyles, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Capabilities, Contact, Conversation, Tag, Team, User } from '../../api/types.js';
import { StoreController } from '../../controllers/store-controller.js';
import {
  InboxAssignmentChangeEvent,
  InboxBeforeAssignmentChangeEvent,
} from '../../events/assignment-change.js';
import { InboxBeforeContactSaveEvent, InboxContactSaveEvent } from '../../events/contact-save.js';
import { InboxBeforeTagsChangeEvent, InboxTagsChangeEvent } from '../../events/tags-change.js';
import { InboxContactChangeEvent } from '../../events/contact-change.js';
import { InboxConversationSelectEvent } from '../../events/conversation-select.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import type { ConversationListQuery, InboxStore } from '../../stores/index.js';
import { channelIconStyles, stateStyles } from '../../styles/shared.js';
import { avatarStyles } from '../shared/avatar.styles.js';
import { InboxElement } from '../inbox-element.js';
import type { DetailsUi } from './details-ui.js';
import { hostStyles } from './inbox-details.styles.js';
import type { DetailsEditorsOptions } from './editors.js';
import { contactsStore } from '../../stores/contacts.js';

/**
 * @summary The Details sidebar of a conversation: *Contact Data* (create or edit the contact),
 * *Conversation Assignment* (teams and agents), *Conversation tags*, the contact's *Previous
 * conversations*, and a slot for the host's own CRM fields. Sections expand and collapse, and stay
 * as each user left them. Every save is conditional: a colleague's change first is shown, not lost.
 * @tag inbox-details
 *
 * @fires {InboxContactChangeEvent} inbox-contact-change - The contact shown changed (another conversation, loaded, or edited); `detail.contact` is it, for the host's CRM slot.
 * @fires {InboxBeforeContactSaveEvent} inbox-before-contact-save - Cancelable, before a contact is saved; `detail.changes` are the fields changed.
 * @fires {InboxContactSaveEvent} inbox-contact-save - The server saved the contact; `detail.contact` is it.
 * @fires {InboxBeforeAssignmentChangeEvent} inbox-before-assignment-change - Cancelable, before a new assignment is saved.
 * @fires {InboxAssignmentChangeEvent} inbox-assignment-change - The server saved the assignment; `detail.conversation` is the conversation after it.
 * @fires {InboxBeforeTagsChangeEvent} inbox-before-tags-change - Cancelable, before the tags are saved.
 * @fires {InboxTagsChangeEvent} inbox-tags-change - The server saved the tags; `detail.conversation` is the conversation after it.
 * @fires {InboxConversationSelectEvent} inbox-conversation-select - The user opened one of the contact's other conversations.
 *
 * @slot crm - The host's own fields for this contact (its CRM record), shown after the sections; read the contact from the `contact` property or the `inbox-contact-change` event.
 * @slot empty - Shown when no conversation is chosen.
 *
 * @csspart section - One section (contact, assignment, tags, previous conversations).
 * @csspart section-toggle - The button that expands or collapses a section.
 * @csspart section-body - What a section holds.
 * @csspart edit-button - *Edit* / *Create Contact* at the end of a section's header.
 * @csspart contact-facts - The contact's name, number, email, company and notes.
 * @csspart assignment-facts - The assigned teams and agents.
 * @csspart tags - The conversation's tags.
 * @csspart tag - One tag, in its colour.
 * @csspart previous-conversations - The list of the contact's other conversations.
 * @csspart previous-conversation - One of them (a button that opens it).
 * @csspart assignment-editor - The teams and agents form.
 * @csspart tags-editor - The tags form.
 * @csspart new-tag-name - The name of a new tag.
 * @csspart new-tag-color - The colour of a new tag.
 * @csspart add-tag - The button that creates the new tag.
 * @csspart dialog - The contact dialog.
 * @csspart country-select - The phone number's country.
 * @csspart phone-input - The phone number.
 * @csspart field-error - Why a field cannot be saved, beside it.
 * @csspart duplicate - "This number belongs to …" with *Open this contact*.
 * @csspart phone-change-note - What changing the number does to the contact's open conversations.
 * @csspart conflict - What a colleague changed first, with *Apply my changes* and *Use theirs*.
 * @csspart conflict-keep-mine - *Apply my changes*.
 * @csspart conflict-use-theirs - *Use theirs*.
 * @csspart save - *Save Contact* / *Save Changes*.
 * @csspart error - Why a save failed.
 * @csspart avatar - An agent's avatar.
 * @csspart channel-icon - The SMS, WhatsApp or Telegram icon of a previous conversation.
 * @csspart state - The loading and empty messages.
 *
 * @cssprop --inbox-color-surface - Background.
 * @cssprop --inbox-color-surface-raised - Section headers and chips.
 * @cssprop --inbox-color-surface-hover - A previous conversation under the pointer.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Labels and empty values.
 * @cssprop --inbox-color-border - Borders.
 * @cssprop --inbox-color-accent - Primary buttons.
 * @cssprop --inbox-color-on-accent - Text on primary buttons.
 * @cssprop --inbox-color-danger - Field errors.
 * @cssprop --inbox-color-danger-surface - The conflict and error notices.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-font-size - Base font size.
 * @cssprop --inbox-space - Base spacing unit.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxDetails extends InboxElement {
  static override styles = [...InboxElement.styles, channelIconStyles, stateStyles, avatarStyles, hostStyles];

  /** Pins the Details to one conversation; unset, they follow the selected conversation. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  readonly #activeId = new StoreController<string | null>(this);
  /** The shown conversation alone: another one's update does not re-render the Details. */
  readonly #shown = new StoreController<Conversation | undefined>(this);
  readonly #contacts = new StoreController<Record<string, Contact>>(this);
  readonly #teams = new StoreController<Team[]>(this);
  readonly #users = new StoreController<Record<string, User>>(this);
  readonly #tags = new StoreController<Record<string, Tag>>(this);
  readonly #capabilities = new StoreController<Capabilities | undefined>(this);
  readonly #meId = new StoreController<string | undefined>(this);
  readonly #sections = new StoreController<Record<string, boolean>>(this);
  readonly #previous = new StoreController<Conversation[]>(this);
  #previousQuery: ConversationListQuery | undefined;
  #previousOf: string | undefined;
  #kept: { id: string; release: () => void } | undefined;
  #shownOf: string | undefined;
  #announced: Contact | null | undefined;

  /** The sections and editors: a lazy chunk, loaded when the Details first show a conversation. */
  @state() private ui?: DetailsUi;
  /** The chunk could not be fetched (offline, a deploy in between): say so and offer to try again. */
  @state() private uiFailed = false;
  #loadingUi: Promise<void> | undefined;

  #loadUi(): Promise<void> {
    this.#loadingUi ??= import('./details-ui.js').then(
      ({ createDetailsUi }) => {
        this.ui = createDetailsUi(this, this.#editorOptions());
        adoptStyles(this.renderRoot as ShadowRoot, [...InboxDetails.elementStyles, ...this.ui.styles]);
      },
      () => {
        this.#loadingUi = undefined;
        this.uiFailed = true;
      },
    );
    return this.#loadingUi;
  }

  readonly #retryUi = (): void => {
    this.uiFailed = false;
    void this.#loadUi();
  };

  /** What the editors ask of the element: the store, the contact's open work, the host's events. */
  #editorOptions(): DetailsEditorsOptions {
    const store = () => this.inbox.store;
    return {
      contact: {
        store,
        openConversations: () => (this.#previous.value ?? []).filter((c) => c.status !== 'closed').length,
        beforeSave: (contact, changes) =>
          this.dispatchEvent(new InboxBeforeContactSaveEvent({ contact, changes })),
        saved: (contact, created) => this.dispatchEvent(new InboxContactSaveEvent({ contact, created })),
        openContact: (contact) => void this.#openContact(contact),
      },
      assignment: {
        store,
        beforeSave: (conversation, teamIds, assigneeIds) =>
          this.dispatchEvent(
            new InboxBeforeAssignmentChangeEvent({
              conversationId: conversation.id,
              teamIds,
              assigneeIds,
              conversation,
            }),
          ),
        saved: (conversation) =>
          this.dispatchEvent(
            new InboxAssignmentChangeEvent({ conversationId: conversation.id, conversation }),
          ),
      },
      tags: {
        store,
        beforeSave: (conversation, tagIds) =>
          this.dispatchEvent(
            new InboxBeforeTagsChangeEvent({ conversationId: conversation.id, tagIds, conversation }),
          ),
        saved: (conversation) =>
          this.dispatchEvent(new InboxTagsChangeEvent({ conversationId: conversation.id, conversation })),
      },
    };
  }

  /** The contact the Details show, once loaded (for the host's CRM fields). */
  get contact(): Contact | undefined {
    const id = this.#conversation()?.contact.id;
    return id ? this.#contacts.value?.[id] : undefined;
  }

  /** @internal The language the editors word themselves in. */
  get resolvedLocale(): ResolvedLocale {
    return this.i18n.resolved;
  }

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#activeId.store = store?.conversations.$activeConversationId;
    this.#shown.store = undefined;
    this.#shownOf = undefined;
    this.#contacts.store = store?.use(contactsStore).$byId;
    this.#teams.store = store?.directory.$teams;
    this.#users.store = store?.directory.$usersById;
    this.#tags.store = store?.directory.$tagsById;
    this.#capabilities.store = store?.session.$capabilities;
    this.#meId.store = store?.session.$meId;
    this.#sections.store = store?.preferences.$sections;
    this.#dropPrevious();
    this.#release();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#dropPrevious();
    this.#release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.inbox.store;
    const id = this.conversationId ?? this.#activeId.value ?? undefined;
    if (this.#kept?.id !== id) {
      this.#release();
      this.ui?.editors.assignment.cancel();
      this.ui?.editors.tags.cancel();
      // A conversation pinned by id may be one no list has loaded.
      if (store && id && this.isConnected) this.#kept = { id, release: store.conversations.keepLoaded(id) };
    }
    const shown = id ? store?.conversations.conversation(id) : undefined;
    if (this.#shownOf !== id || !shown) {
      this.#shownOf = id;
      this.#shown.store = shown;
    }
    const contactId = this.#conversation()?.contact.id;
    if (store && contactId && contactId !== this.#previousOf && this.isConnected) {
      this.#dropPrevious();
      this.#previousOf = contactId;
      void store.use(contactsStore).load(contactId);
      this.#previousQuery = store.conversations.createConversationList({
        contactId,
        status: 'all',
        sort: 'latest',
      });
      this.#previous.store = this.#previousQuery.$items;
      void this.#previousQuery.load();
    }
  }

  protected override updated(): void {
    const contact = this.contact ?? null;
    if (contact !== this.#announced) {
      this.#announced = contact;
      this.dispatchEvent(new InboxContactChangeEvent({ contact }));
    }
  }

  protected override render() {
    const { messages: m } = this.i18n.resolved;
    if (!this.inbox.store)
      return html`<p part="state" class="state error" role="alert">${m.notConfigured}</p>`;
    const conversation = this.#conversation();
    if (!conversation) {
      return html`<slot name="empty"><p part="state" class="state">${m.detailsNoConversation}</p></slot>`;
    }
    const ui = this.ui;
    if (!ui && this.uiFailed) {
      return html`<div part="state" class="state error" role="alert">
        <p>${m.detailsUnavailable}</p>
        <button type="button" @click=${this.#retryUi}>${m.retry}</button>
      </div>`;
    }
    if (!ui) {
      void this.#loadUi();
      return html`<p part="state" class="state" role="status">${m.contactLoading}</p>`;
    }
    return ui.render({
      i18n: this.i18n,
      conversation,
      contact: this.contact,
      capabilities: this.#capabilities.value,
      meId: this.#meId.value,
      teams: this.#teams.value ?? [],
      usersById: this.#users.value ?? {},
      tagsById: this.#tags.value ?? {},
      others: (this.#previous.value ?? []).filter((c) => c.id !== conversation.id),
      sections: this.#sections.value ?? {},
      onToggle: (name, isOpen) => this.inbox.store?.preferences.setSectionOpen(name, isOpen),
      onSelect: (c) => this.#select(c),
    });
  }

  #conversation(): Conversation | undefined {
    const id = this.conversationId ?? this.#activeId.value ?? undefined;
    return id ? this.#shown.value : undefined;
  }

  #select(conversation: Conversation): void {
    this.inbox.store?.conversations.selectConversation(conversation.id);
    this.dispatchEvent(new InboxConversationSelectEvent({ conversationId: conversation.id, conversation }));
  }

  async #openContact(contact: Contact): Promise<void> {
    const opened = await this.inbox.store?.conversations.openLatestWith(contact.id);
    if (opened)
      this.dispatchEvent(
        new InboxConversationSelectEvent({ conversationId: opened.id, conversation: opened }),
      );
  }

  #dropPrevious(): void {
    this.#previousQuery?.dispose();
    this.#previousQuery = undefined;
    this.#previousOf = undefined;
    this.#previous.store = undefined;
  }

  #release(): void {
    this.#kept?.release();
    this.#kept = undefined;
  }
}
