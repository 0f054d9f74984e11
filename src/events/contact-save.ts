import type { Contact, ContactPatch } from '../api/types.js';

export interface InboxBeforeContactSaveDetail {
  /** The contact as the user started editing it. */
  contact: Contact;
  /** Only the fields the user changed. */
  changes: ContactPatch;
}

/**
 * The user pressed *Save Contact* / *Save Changes* and nothing has been sent. Cancelable: a host that
 * calls `preventDefault()` keeps the dialog open with the user's input, and nothing is saved.
 */
export class InboxBeforeContactSaveEvent extends CustomEvent<InboxBeforeContactSaveDetail> {
  static readonly eventName = 'inbox-before-contact-save';

  constructor(detail: InboxBeforeContactSaveDetail) {
    super(InboxBeforeContactSaveEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface InboxContactSaveDetail {
  /** The contact as the server has it now. */
  contact: Contact;
  /** True when the user gave a number-only contact its details (*Create Contact*). */
  created: boolean;
}

/** The server saved a contact edited in the Details. */
export class InboxContactSaveEvent extends CustomEvent<InboxContactSaveDetail> {
  static readonly eventName = 'inbox-contact-save';

  constructor(detail: InboxContactSaveDetail) {
    super(InboxContactSaveEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
