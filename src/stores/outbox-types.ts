// The outbox's contract, and what its actions answer with, for the composer and timeline elements.
import type { ReadableAtom } from 'nanostores';
import type { InboxApiError } from '../api/errors.js';
import type { MessageItem, NoteItem, TimelineItem } from '../api/types.js';
import type { PendingEntry } from './timeline-items.js';

export interface OutboxStore {
  /** Sends the server has not acknowledged, and those it refused, oldest first. Timelines show them. */
  $pending: ReadableAtom<PendingEntry[]>;
  /**
   * Sends a message. It shows at once as pending and is saved (for this user, in this browser)
   * before the request, so a reload or crash re-sends it with the same Idempotency-Key. Network
   * failures and 5xx retry with backoff, never lost nor duplicated. The handle carries the send's
   * id at once and its `outcome`; awaited, it resolves when the server has it and rejects with an
   * InboxApiError when the server refuses it (the text goes back into the draft and stays on the
   * failed entry) or the input is empty.
   */
  send(conversationId: string, input: SendInput): SendHandle<SendReceipt>;
  /** Leaves an internal note, with the same guarantees (no undo). Needs `writeNotes`. */
  addNote(conversationId: string, text: string): SendHandle<NoteItem>;
  /**
   * Undoes a send inside its window: the server cancels it (it is never dispatched), the text goes
   * back into the draft and is returned. After dispatch it rejects with the server's readable
   * InboxApiError (409) and the message stays.
   */
  undo(clientMessageId: string): Promise<UndoneSend>;
  /**
   * Dispatches a failed server message again. Resolves once the server confirms, rejects with an
   * InboxApiError; the message id is in `$retrying` meanwhile.
   */
  retry(messageId: string): Promise<MessageItem>;
  /** Server messages whose retry is under way (they show as sending until the server answers). */
  $retrying: ReadableAtom<readonly string[]>;
  /**
   * Sends a refused send again with the same key, in its conversation's order. Resolves with the
   * server's item once the server confirms; rejects as `send` does.
   */
  resend(clientMessageId: string): Promise<TimelineItem>;
  /** Removes a send the server refused from `$pending`. */
  dismiss(clientMessageId: string): void;
  /** Hears how every queued send ends (also those resumed after a reload); returns the unsubscribe. */
  onSettled(listener: (outcome: SendOutcome) => void): () => void;
  /**
   * Re-sends what storage holds for the signed-in user (start does this), after moving in what an
   * earlier version kept in localStorage. Resolves when all settled.
   */
  resume(): Promise<void>;
  /** Stops retrying; unacknowledged sends stay saved for the next start. Nothing is cancelled. */
  dispose(): void;
}

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
