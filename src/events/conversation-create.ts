import type { Conversation } from '../api/types.js';

export interface InboxConversationCreateDetail {
  conversationId: string;
  /** The new conversation as the server answered it: Unanswered, assigned to the team and its creator. */
  conversation: Conversation;
}

/**
 * A conversation started from the *New conversation* dialog was created with its first message.
 * It is already in the store's lists and is the active conversation.
 */
export class InboxConversationCreateEvent extends CustomEvent<InboxConversationCreateDetail> {
  static readonly eventName = 'inbox-conversation-create';

  constructor(detail: InboxConversationCreateDetail) {
    super(InboxConversationCreateEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
