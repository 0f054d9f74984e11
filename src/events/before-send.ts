export interface InboxBeforeSendDetail {
  conversationId: string;
  /** `message` to the contact, or an internal `note` for the team. */
  kind: 'message' | 'note';
  text: string;
  /** Uploaded attachments going with a message (always empty for a note). */
  attachmentIds: string[];
}

/**
 * The user asked to send (button or keyboard) and nothing has left yet. Cancelable: a host that calls
 * `preventDefault()` stops the send, and the text stays in the composer.
 */
export class InboxBeforeSendEvent extends CustomEvent<InboxBeforeSendDetail> {
  static readonly eventName = 'inbox-before-send';

  constructor(detail: InboxBeforeSendDetail) {
    super(InboxBeforeSendEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}
