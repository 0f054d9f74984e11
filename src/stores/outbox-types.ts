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

/**
 * How a send ended, for elements to fire their public events. `resumed` marks sends re-sent after a
 * reload, which no element of this page started.
 */
export type SendOutcome =
  | {
      type: 'sent';
      clientMessageId: string;
      conversationId: string;
      item: MessageItem | NoteItem;
      /** When the server's undo window ends (ms), or null. */
      undoUntil: number | null;
      resumed: boolean;
    }
  | {
      type: 'failed';
      /** Null when it was refused before it was ever queued (nothing to send, not signed in). */
      clientMessageId: string | null;
      conversationId: string;
      kind: 'message' | 'note';
      text: string;
      attachmentIds: string[];
      error: InboxApiError;
      resumed: boolean;
    }
  | {
      type: 'undone';
      clientMessageId: string;
      conversationId: string;
      text: string;
      attachmentIds: string[];
      resumed: boolean;
    };

/**
 * A send just made: awaited, the server's answer (rejecting when refused); and at once its id
 * (null when refused before it was queued), the estimated end of its undo window, and its outcome,
 * which never rejects.
 */
export type SendHandle<T> = Promise<T> & {
  clientMessageId: string | null;
  undoUntil: number | null;
  outcome: Promise<SendOutcome>;
};
