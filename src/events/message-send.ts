import type { MessageItem, NoteItem } from '../api/types.js';

export interface InboxMessageSendDetail {
  conversationId: string;
  /** The send's id, also its Idempotency-Key. */
  clientMessageId: string;
  /** The server's item: a message (`scheduled` while it can be undone) or a note. */
  item: MessageItem | NoteItem;
}

/**
 * The server accepted a message or note written in this composer (also one re-sent after a reload
 * for the conversation the composer shows). A message may still be undone inside its window.
 */
export class InboxMessageSendEvent extends CustomEvent<InboxMessageSendDetail> {
  static readonly eventName = 'inbox-message-send';

  constructor(detail: InboxMessageSendDetail) {
    super(InboxMessageSendEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
