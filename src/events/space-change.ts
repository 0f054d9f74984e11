import type { Space } from '../api/types.js';

export interface InboxSpaceChangeDetail {
  space: Space;
}

/** The user switched space; every element of the same provider reloads for it. */
export class InboxSpaceChangeEvent extends CustomEvent<InboxSpaceChangeDetail> {
  static readonly eventName = 'inbox-space-change';

  constructor(detail: InboxSpaceChangeDetail) {
    super(InboxSpaceChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
