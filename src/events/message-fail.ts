import type { InboxApiError } from '../api/errors.js';

export interface InboxMessageFailDetail {
  conversationId: string;
  clientMessageId: string | null;
  kind: 'message' | 'note';
  /** What was not sent; the composer has put it back into the draft. */
  text: string;
  attachmentIds: string[];
  /** Why: the problem's type, status and (for the client's own refusals) `clientProblem` code. */
  error: InboxApiError;
  /** What the composer showed the user, in their language. */
  message: string;
}

/** The server (or the client, before sending) refused a message or note written in this composer. */
export class InboxMessageFailEvent extends CustomEvent<InboxMessageFailDetail> {
  static readonly eventName = 'inbox-message-fail';

  constructor(detail: InboxMessageFailDetail) {
    super(InboxMessageFailEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
