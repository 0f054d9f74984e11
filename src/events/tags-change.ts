import type { Conversation } from '../api/types.js';

export interface InboxBeforeTagsChangeDetail {
  conversationId: string;
  /** The tags the user chose. */
  tagIds: string[];
  /** The conversation as the user started editing it. */
  conversation: Conversation;
}

/**
 * The user pressed *Save Changes* on the tags and nothing has been sent. Cancelable: a host that
 * calls `preventDefault()` keeps the editor open with the user's choice.
 */
export class InboxBeforeTagsChangeEvent extends CustomEvent<InboxBeforeTagsChangeDetail> {
  static readonly eventName = 'inbox-before-tags-change';

  constructor(detail: InboxBeforeTagsChangeDetail) {
    super(InboxBeforeTagsChangeEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface InboxTagsChangeDetail {
  conversationId: string;
  /** The conversation as the server has it after the change. */
  conversation: Conversation;
}

/** The server saved the tags chosen in the Details. */
export class InboxTagsChangeEvent extends CustomEvent<InboxTagsChangeDetail> {
  static readonly eventName = 'inbox-tags-change';

  constructor(detail: InboxTagsChangeDetail) {
    super(InboxTagsChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
