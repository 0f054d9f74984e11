import type { components } from '../../src/api/schema.js';
import type { Db, Queryable } from '../db/db.js';
import { conversationNotFound } from './errors.js';
import { visibleTo } from './conversation-query.js';
import { logEvents } from './events-log.js';
import { Params } from './sql.js';
import type { Viewer } from './users.js';

type PresenceEntry = components['schemas']['PresenceEntry'];
type PresenceState = PresenceEntry['state'];

/** An entry not repeated within this long is gone (the contract's 30 s). */
export const PRESENCE_TTL_SECONDS = 30;

/**
 * Records who is viewing or typing in a table (not process memory), so every server process
 * sees the same list, and logs a `presence` event with the conversation's whole current list.
 * `left` removes the user. Subscribers who cannot see the conversation get nothing (render.ts).
 */
export async function setPresence(
  db: Db,
  v: Viewer,
  conversationId: string,
  state: PresenceState,
): Promise<PresenceEntry[]> {
  return db.transaction(async (tx) => {
    const p = new Params();
    const id = p.add(conversationId);
    const [row] = await tx.query<{ space_id: string }>(
      `select c.space_id from conversations c where c.id = ${id} and ${visibleTo(v, p)}`,
      p.values,
    );
    if (!row) throw conversationNotFound(conversationId);
    if (state === 'left') {
      await tx.query('delete from presence where user_id = $1 and conversation_id = $2', [
        v.id,
        conversationId,
      ]);
    } else {
      await tx.query(
        `insert into presence (user_id, conversation_id, state, at) values ($1, $2, $3, now())
         on conflict (user_id, conversation_id) do update set state = excluded.state, at = excluded.at`,
        [v.id, conversationId, state],
      );
    }
    const presence = await presenceOf(tx, conversationId);
    await logEvents(tx, [{ spaceId: row.space_id, type: 'presence', conversationId, payload: { presence } }]);
    return presence;
  });
}

/** The live entries of one conversation, oldest first; expired rows are dropped on the way. */
export async function presenceOf(db: Queryable, conversationId: string): Promise<PresenceEntry[]> {
  await db.query(
    `delete from presence where conversation_id = $1 and at < now() - make_interval(secs => $2::int)`,
    [conversationId, PRESENCE_TTL_SECONDS],
  );
  const rows = await db.query<{ user_id: string; state: PresenceState; at: Date | string }>(
    'select user_id, state, at from presence where conversation_id = $1 order by at, user_id',
    [conversationId],
  );
  return rows.map((r) => ({ userId: r.user_id, state: r.state, at: new Date(r.at).toISOString() }));
}
