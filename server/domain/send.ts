import type { components } from '../../src/api/schema.js';
import { CHANNELS, type Channel } from '../channels/capabilities.js';
import type { Db, Queryable } from '../db/db.js';
import { invalid, invalidField } from './errors.js';
import { lockVisibleConversation } from './conversation-lock.js';
import { insertOutbound, takeSenderSlot } from './outbound.js';
import { logEvents } from './events-log.js';
import { assertKeyFree, completeKey, fingerprint, reserveKey } from './idempotency.js';
import { loadItem } from './timeline.js';
import type { Viewer } from './users.js';

type MessageItem = components['schemas']['MessageItem'];
export type OutboundMessageInput = components['schemas']['OutboundMessageInput'];

export interface SendResult {
  item: MessageItem;
  /** true: an earlier request with this key made the item; it is answered as it is now. */
  replay: boolean;
  /** When the dispatcher should look at it (null: not waiting for dispatch, e.g. a replay). */
  dueAt: Date | null;
}

const channelOf = (channel: Channel) => CHANNELS.find((c) => c.channel === channel)!;

/** Text rules of the channel: something to send, and no longer than the channel takes. */
export function checkText(channel: Channel, text: string, attachmentCount: number): void {
  const caps = channelOf(channel);
  if (text.trim() === '' && attachmentCount === 0)
    throw invalidField('Write a message or attach a file.', 'body.text', 'must not be empty');
  const length = [...text].length;
  if (length > caps.maxTextLength) {
    throw invalidField(
      `${caps.label} messages can be at most ${caps.maxTextLength} characters; this one has ${length}.`,
      'body.text',
      `must be at most ${caps.maxTextLength} characters on ${caps.label}`,
    );
  }
}

/**
 * Attachments must be this user's own uploads, made for this channel, not yet sent; they are
 * locked so two sends can never carry the same upload.
 */
async function checkAttachments(tx: Queryable, v: Viewer, channel: Channel, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const caps = channelOf(channel);
  if (!caps.attachments.allowed) {
    throw invalidField(
      `${caps.label} messages can't carry attachments.`,
      'body.attachmentIds',
      `must be empty on ${caps.label}`,
    );
  }
  const rows = await tx.query<{ id: string; channel: Channel | null; item_id: string | null }>(
    `select id, channel, item_id from attachments
     where id in (select jsonb_array_elements_text($1::text::jsonb)) and uploaded_by = $2 for update`,
    [JSON.stringify(ids), v.id],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: { path: string; message: string }[] = [];
  ids.forEach((id, i) => {
    const row = byId.get(id);
    const path = `body.attachmentIds[${i}]`;
    if (ids.indexOf(id) !== i) errors.push({ path, message: 'is listed twice' });
    else if (!row) errors.push({ path, message: 'is not one of your uploads' });
    else if (row.channel !== channel) {
      const other = row.channel ? channelOf(row.channel).label : 'another channel';
      errors.push({ path, message: `was uploaded for ${other}, not ${caps.label}` });
    } else if (row.item_id) errors.push({ path, message: 'was already sent with another message' });
  });
  if (errors.length > 0) {
    throw invalid(
      errors.length === 1
        ? `An attachment ${errors[0]!.message}. Upload the file again for this conversation.`
        : `${errors.length} attachments can't be sent with this message. Upload the files again for this conversation.`,
      errors,
    );
  }
}

/**
 * POST /conversations/{id}/messages. The message is held as `scheduled` until the tenant's undo
 * window ends (0: `queued` at once, nothing to undo); the dispatcher sends it from there. A
 * replay with the same Idempotency-Key answers the original message as it is now. Sending to a
 * Closed conversation is allowed and leaves it Closed (only the contact's reply reopens it).
 * Each send takes one of the day's messages of the conversation's sender (senders.ts).
 */
export async function sendMessage(
  db: Db,
  v: Viewer,
  conversationId: string,
  key: string,
  input: OutboundMessageInput,
): Promise<SendResult> {
  const attachmentIds = input.attachmentIds ?? [];
  return db.transaction(async (tx) => {
    const conv = await lockVisibleConversation(tx, v, conversationId);
    const print = fingerprint('sendMessage', { conversationId, text: input.text, attachmentIds });
    const original = await reserveKey(tx, v.id, key, 'sendMessage', print);
    if (original) return { item: (await loadItem(tx, original)) as MessageItem, replay: true, dueAt: null };
    await assertKeyFree(tx, conversationId, key);
    checkText(conv.channel, input.text, attachmentIds.length);
    await checkAttachments(tx, v, conv.channel, attachmentIds);

    const senderId = await takeSenderSlot(tx, v, conv);
    const seq = conv.last_seq + 1;
    const { id: itemId, dueAt } = await insertOutbound(tx, v, {
      conversationId,
      seq,
      text: input.text,
      key,
      senderId,
    });
    if (attachmentIds.length > 0) {
      await tx.query(
        `update attachments set item_id = $1 where id in (select jsonb_array_elements_text($2::text::jsonb))`,
        [itemId, JSON.stringify(attachmentIds)],
      );
    }
    await completeKey(tx, v.id, key, itemId);
    // The list shows the conversation at the top with this message as its preview right away;
    // the waiting clock stops only when it is really dispatched (an undo must not stop it).
    await tx.query(
      `update conversations set last_seq = $2::int, last_activity_at = now(), version = version + 1 where id = $1`,
      [conversationId, seq],
    );
    await logEvents(tx, [
      { spaceId: conv.space_id, type: 'timeline.item', conversationId, itemId },
      { spaceId: conv.space_id, type: 'conversation.updated', conversationId },
    ]);
    return { item: (await loadItem(tx, itemId)) as MessageItem, replay: false, dueAt };
  });
}
