import type { NewConversation } from '../api/types.js';

/** What is about to be posted: the space, sender profile, team, number (E.164) and first message. */
export type InboxBeforeConversationCreateDetail = NewConversation;

/**
 * The user asked *Send Message* in the *New conversation* dialog and nothing has been sent yet.
 * Cancelable: a host that calls `preventDefault()` stops it, and the dialog keeps what was typed.
 */
export class InboxBeforeConversationCreateEvent extends CustomEvent<InboxBeforeConversationCreateDetail> {
  static readonly eventName = 'inbox-before-conversation-create';

  constructor(detail: InboxBeforeConversationCreateDetail) {
    super(InboxBeforeConversationCreateEvent.eventName, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}
