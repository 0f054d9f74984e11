// What the outbox's actions answer with, for the composer and timeline elements.
import type { InboxApiError } from '../api/errors.js';
import type { MessageItem, NoteItem } from '../api/types.js';

export interface SendInput {
  text: string;
  /** Ids from `upload()`. */
  attachmentIds?: string[];
}

/** The server has the message: it is `scheduled` until `undoUntil`, then dispatched. */
export interface SendReceipt {
  clientMessageId: string;
  item: MessageItem;
  /** When the undo window ends (ms), or null when there is none. */
  undoUntil: number | null;
}

/** What an undo gives back for the composer (it is also back in the draft). */
export interface UndoneSend {
  conversationId: string;
  text: string;
  attachmentIds: string[];
}

/** How each send ended, for elements to fire their public events (also for sends resumed after a reload). */
export type SendOutcome =
  | { type: 'sent'; clientMessageId: string; conversationId: string; item: MessageItem | NoteItem }
  | {
      type: 'failed';
      clientMessageId: string;
      conversationId: string;
      kind: 'message' | 'note';
      text: string;
      attachmentIds: string[];
      error: InboxApiError;
    }
  | {
      type: 'undone';
      clientMessageId: string;
      conversationId: string;
      text: string;
      attachmentIds: string[];
    };
