import type { AccessRequestOutcome } from '../stores/access.js';

export interface InboxAccessRequestDetail {
  /** `received` ("Request Received!"), `already-sent` ("Request Already Sent") or `granted`. */
  outcome: AccessRequestOutcome;
}

/** The user pressed Request Access and the server answered. */
export class InboxAccessRequestEvent extends CustomEvent<InboxAccessRequestDetail> {
  static readonly eventName = 'inbox-access-request';

  constructor(detail: InboxAccessRequestDetail) {
    super(InboxAccessRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
