import type { Contact } from '../api/types.js';

export interface InboxContactChangeDetail {
  /** The contact the Details now show, or null when they show none. */
  contact: Contact | null;
}

/**
 * The contact shown in the Details changed: another conversation, the contact loaded, or its data
 * edited (here or by a colleague). A CRM host listens to show its own record in the `crm` slot.
 */
export class InboxContactChangeEvent extends CustomEvent<InboxContactChangeDetail> {
  static readonly eventName = 'inbox-contact-change';

  constructor(detail: InboxContactChangeDetail) {
    super(InboxContactChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
