import type { components } from '../../src/api/schema.js';
import type { Db, Queryable } from '../db/db.js';
import { conflict, forbidden, notFound } from './errors.js';
import { takeSenderSlot } from './outbound.js';
import { lockVisibleConversation } from './conversation-lock.js';
import { releaseSender } from './senders.js';
import { canSeeConversation } from './conversation-lock.js';
import { logEvents } from './events-log.js';
import { loadItem } from './timeline.js';
import type { Viewer } from './users.js';

type MessageItem = components['schemas']['MessageItem'];
type Status = MessageItem['status'];

interface MessageRow {
  id: string;
  conversation_id: string;
  space_id: string;
  direction: 'in' | 'out';
  author_id: string | null;
  status: Status;
  sender_id: string | null;
  [k: string]: unknown;
}

/** A message this viewer can see, locked (404 for anything else: a note, an event, another team's). */
async function lockMessage(tx: Queryable, v: Viewer, messageId: string): Promise<MessageRow> {
  const [row] = await tx.query<MessageRow>(
    `select ti.id, ti.conversation_id, c.space_id, ti.direction, ti.author_id, ti.status, ti.sender_id
     from timeline_items ti join conversations c on c.id = ti.conversation_id
     where ti.id = $1 and ti.kind = 'message' for update of ti`,
    [messageId],
  );
  if (!row || !(await canSeeConversation(tx, v, row.conversation_id)))
    throw notFound(`Message ${messageId} does not exist or is not visible to you.`);
  return row;
}

/**
 * POST /messages/{id}/cancel — undo. Only the author may undo (403). The row lock and the
 * `status = 'scheduled'` condition make it exact against the dispatcher: whichever commits
 * first wins, so a cancelled message is never dispatched and a dispatched one never says
 * cancelled. Cancelling twice answers the cancelled message again. The message's slot of its
 * sender's daily limit is given back.
 */
export async function cancelMessage(db: Db, v: Viewer, messageId: string): Promise<MessageItem> {
  return db.transaction(async (tx) => {
    const row = await lockMessage(tx, v, messageId);
    if (row.direction !== 'out' || row.author_id !== v.id)
      throw forbidden('Only the person who sent a message can undo it.');
    if (row.status === 'cancelled') return (await loadItem(tx, messageId)) as MessageItem;
    const done = await tx.query(
      `update timeline_items set status = 'cancelled' where id = $1 and status = 'scheduled' returning id`,
      [messageId],
    );
    if (done.length === 0) {
      throw conflict('already-dispatched', "This message was already sent, so it can't be undone.");
    }
    if (row.sender_id) await releaseSender(tx, v.tenantId, row.sender_id);
    // The preview falls back to the message before it.
    await tx.query('update conversations set version = version + 1 where id = $1', [row.conversation_id]);
    await logEvents(tx, [
      {
        spaceId: row.space_id,
        type: 'timeline.item',
        conversationId: row.conversation_id,
        itemId: messageId,
      },
      { spaceId: row.space_id, type: 'conversation.updated', conversationId: row.conversation_id },
    ]);
    return (await loadItem(tx, messageId)) as MessageItem;
  });
}

/**
 * POST /messages/{id}/retry — a failed outbound message goes back to `queued` (unclaimed) and
 * the dispatcher sends it again; anyone who can see the conversation may retry. 409 otherwise.
 * A retry is one more message of the day for the conversation's sender (409 when none is left).
 */
export async function retryMessage(db: Db, v: Viewer, messageId: string): Promise<MessageItem> {
  return db.transaction(async (tx) => {
    const row = await lockMessage(tx, v, messageId);
    const done =
      row.direction === 'out'
        ? await tx.query(
            `update timeline_items set status = 'queued', failure_reason = null, dispatch_claimed_at = null
             where id = $1 and status = 'failed' returning id`,
            [messageId],
          )
        : [];
    if (done.length > 0) {
      // The conversation's lock comes before its sender's, as in every send.
      const conv = await lockVisibleConversation(tx, v, row.conversation_id);
      const senderId = await takeSenderSlot(tx, v, { ...conv, sender_id: row.sender_id ?? conv.sender_id });
      await tx.query('update timeline_items set sender_id = $2 where id = $1', [messageId, senderId]);
    }
    if (done.length === 0) {
      throw conflict(
        'not-failed',
        row.direction === 'out'
          ? `Only a failed message can be sent again; this one is ${row.status}.`
          : "A message from the contact can't be sent again.",
      );
    }
    await logEvents(tx, [
      {
        spaceId: row.space_id,
        type: 'timeline.item',
        conversationId: row.conversation_id,
        itemId: messageId,
      },
    ]);
    return (await loadItem(tx, messageId)) as MessageItem;
  });
}
