import type { InboxApiError } from '../api/errors.js';

export interface InboxErrorDetail {
  /** What the element was doing, e.g. `connect` or `load-conversations`. */
  operation: string;
  error: InboxApiError;
}

/** Something the host may want to log or surface: the element also shows it where the user is looking. */
export class InboxErrorEvent extends CustomEvent<InboxErrorDetail> {
  static readonly eventName = 'inbox-error';

  constructor(detail: InboxErrorDetail) {
    super(InboxErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
