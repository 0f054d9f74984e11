import type { Db } from '../db/db.js';
import { conversationNotFound } from './errors.js';
import { visibleTo } from './conversation-query.js';
import { logEvents } from './events-log.js';
import { Params } from './sql.js';
import type { Viewer } from './users.js';

/**
 * PUT /conversations/{id}/read: moves this user's marker forward only, and never past the last
 * item (a marker from the future would hide replies that have not arrived yet). A move sends
 * `conversation.updated` to this user only: unread counts are per user. The conversation's
 * version stays — a read is not a change colleagues' If-Match should trip over.
 */
export async function markRead(db: Db, v: Viewer, conversationId: string, seq: number): Promise<number> {
  return db.transaction(async (tx) => {
    const p = new Params();
    const id = p.add(conversationId);
    const [conv] = await tx.query<{ space_id: string; last_seq: number }>(
      `select c.space_id, c.last_seq from conversations c where c.id = ${id} and ${visibleTo(v, p)}`,
      p.values,
    );
    if (!conv) throw conversationNotFound(conversationId);
    const target = Math.min(seq, Number(conv.last_seq));
    const moved = await tx.query<{ seq: number }>(
      `insert into read_markers (user_id, conversation_id, seq, updated_at) values ($1, $2, $3::int, now())
       on conflict (user_id, conversation_id) do update set seq = excluded.seq, updated_at = now()
         where read_markers.seq < excluded.seq
       returning seq`,
      [v.id, conversationId, target],
    );
    if (moved.length === 0) {
      const [current] = await tx.query<{ seq: number }>(
        'select seq from read_markers where user_id = $1 and conversation_id = $2',
        [v.id, conversationId],
      );
      return Number(current?.seq ?? 0);
    }
    await logEvents(tx, [
      {
        spaceId: conv.space_id,
        type: 'conversation.updated',
        conversationId,
        payload: { onlyUserId: v.id },
      },
    ]);
    return Number(moved[0]!.seq);
  });
}
