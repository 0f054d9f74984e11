import type { Conversation } from '../api/types.js';

export interface InboxBeforeAssignmentChangeDetail {
  conversationId: string;
  /** The teams and agents the user chose. */
  teamIds: string[];
  assigneeIds: string[];
  /** The conversation as the user started editing it. */
  conversation: Conversation;
}

/**
 * The user pressed *Save Changes* on the assignment and nothing has been sent. Cancelable: a host
 * that calls `preventDefault()` keeps the editor open with the user's choice.
 */
export class InboxBeforeAssignmentChangeEvent extends CustomEvent<InboxBeforeAssignmentChangeDetail> {
  static readonly eventName = 'inbox-before-assignment-change';

  constructor(detail: InboxBeforeAssignmentChangeDetail) {
    super(InboxBeforeAssignmentChangeEvent.eventName, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

export interface InboxAssignmentChangeDetail {
  conversationId: string;
  /** The conversation as the server has it after the change. */
  conversation: Conversation;
}

/** The server saved a new assignment made in the Details. */
export class InboxAssignmentChangeEvent extends CustomEvent<InboxAssignmentChangeDetail> {
  static readonly eventName = 'inbox-assignment-change';

  constructor(detail: InboxAssignmentChangeDetail) {
    super(InboxAssignmentChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
