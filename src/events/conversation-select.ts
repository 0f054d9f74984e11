import type { Conversation } from '../api/types.js';

export interface InboxConversationSelectDetail {
  conversationId: string;
  conversation: Conversation;
}

/** A user chose a conversation in a list (click, Enter or Space). The store's active conversation is already set. */
export class InboxConversationSelectEvent extends CustomEvent<InboxConversationSelectDetail> {
  static readonly eventName = 'inbox-conversation-select';

  constructor(detail: InboxConversationSelectDetail) {
    super(InboxConversationSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
