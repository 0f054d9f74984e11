import type { components } from '../../src/api/schema.js';
import type { Db } from '../db/db.js';
import { logEvents, type LogEvent } from './events-log.js';
import { loadItem } from './timeline.js';

type MessageItem = components['schemas']['MessageItem'];

/**
 * A contact's reply arrives (from a provider webhook, the simulator, or the demo endpoint).
 * It appends the message, makes an Unanswered or Closed conversation Active again with a
 * status_changed item (reason contact_replied), starts the waiting clock, and logs events.
 * Unread counts follow from the new inbound seq being after everyone's read marker.
 */
export async function receiveInbound(
  db: Db,
  conversationId: string,
  text: string,
): Promise<MessageItem | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ space_id: string; status: string; last_seq: number }>(
      'select space_id, status, last_seq from conversations where id = $1 for update',
      [conversationId],
    );
    const conv = rows[0];
    if (!conv) return null;
    let seq = Number(conv.last_seq) + 1;
    const [message] = await tx.query<{ id: string }>(
      `insert into timeline_items (conversation_id, seq, kind, text, direction, status)
       values ($1, $2::int, 'message', $3, 'in', 'delivered') returning id`,
      [conversationId, seq, text],
    );
    const events: LogEvent[] = [
      { spaceId: conv.space_id, type: 'timeline.item', conversationId, itemId: message!.id },
    ];
    if (conv.status !== 'active') {
      seq += 1;
      const event = {
        type: 'status_changed',
        from: conv.status,
        to: 'active',
        reason: 'contact_replied',
        actorId: null,
      };
      const [item] = await tx.query<{ id: string }>(
        `insert into timeline_items (conversation_id, seq, kind, event) values ($1, $2::int, 'event', $3::text::jsonb) returning id`,
        [conversationId, seq, JSON.stringify(event)],
      );
      events.push({ spaceId: conv.space_id, type: 'timeline.item', conversationId, itemId: item!.id });
    }
    await tx.query(
      `update conversations set status = 'active', closed_at = null, closed_by = null,
         last_activity_at = now(), waiting_since = coalesce(waiting_since, now()),
         last_seq = $2::int, last_inbound_seq = $3::int, version = version + 1
       where id = $1`,
      [conversationId, seq, Number(conv.last_seq) + 1],
    );
    events.push({ spaceId: conv.space_id, type: 'conversation.updated', conversationId });
    await logEvents(tx, events);
    return (await loadItem(tx, message!.id)) as MessageItem;
  });
}
