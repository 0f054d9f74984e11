import type { Conversation, ConversationStatus } from '../api/types.js';

export interface InboxStatusChangeDetail {
  conversationId: string;
  from: ConversationStatus;
  to: ConversationStatus;
  /** The conversation as the server has it after the change. */
  conversation: Conversation;
}

/** A user changed a conversation's status and the server accepted it. */
export class InboxStatusChangeEvent extends CustomEvent<InboxStatusChangeDetail> {
  static readonly eventName = 'inbox-status-change';

  constructor(detail: InboxStatusChangeDetail) {
    super(InboxStatusChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
