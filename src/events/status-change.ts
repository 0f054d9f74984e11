import type { StatusChanged } from '../stores/conversations.js';

export type InboxStatusChangeDetail = StatusChanged;

/** A user changed a conversation's status and the server accepted it. */
export class InboxStatusChangeEvent extends CustomEvent<InboxStatusChangeDetail> {
  static readonly eventName = 'inbox-status-change';

  constructor(detail: InboxStatusChangeDetail) {
    super(InboxStatusChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
