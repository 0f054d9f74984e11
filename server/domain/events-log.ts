import type { Queryable } from '../db/db.js';

export const EVENTS_CHANNEL = 'inbox_events';

export type LoggedEventType =
  | 'conversation.created'
  | 'conversation.updated'
  | 'timeline.item'
  | 'presence'
  | 'tag.changed'
  | 'contact.updated';

export interface LogEvent {
  spaceId: string;
  type: LoggedEventType;
  conversationId?: string;
  itemId?: string;
  /** e.g. { before: { teamIds, assigneeIds } } so a subscriber can tell it just lost sight of it. */
  payload?: Record<string, unknown>;
}

/**
 * Appends to the event log inside the caller's transaction and notifies every server process.
 * NOTIFY is delivered at commit, so listeners never read a row that is not there yet; the
 * per-space advisory lock makes ids commit in order, so a reader never skips a late commit.
 */
export async function logEvents(tx: Queryable, events: readonly LogEvent[]): Promise<void> {
  if (events.length === 0) return;
  const spaces = [...new Set(events.map((e) => e.spaceId))].sort();
  for (const s of spaces) await tx.query('select pg_advisory_xact_lock(727, hashtext($1))', [s]);
  const rows = await tx.query<{ id: string; space_id: string }>(
    `insert into events (space_id, type, conversation_id, item_id, payload)
     select space_id, type, conversation_id, item_id, coalesce(payload, '{}'::jsonb)
     from jsonb_to_recordset($1::text::jsonb) as x(space_id text, type text, conversation_id text, item_id text, payload jsonb, ord int)
     order by ord
     returning id::text as id, space_id`,
    [
      JSON.stringify(
        events.map((e, ord) => ({
          space_id: e.spaceId,
          type: e.type,
          conversation_id: e.conversationId ?? null,
          item_id: e.itemId ?? null,
          payload: e.payload ?? null,
          ord,
        })),
      ),
    ],
  );
  // One notification per space, "<spaceId>:<newest id>", so only that space's streams wake up.
  const newest = new Map<string, bigint>();
  for (const r of rows) {
    const id = BigInt(r.id);
    if (id > (newest.get(r.space_id) ?? 0n)) newest.set(r.space_id, id);
  }
  for (const [space, id] of newest)
    await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, `${space}:${id}`]);
}

/** Drops events older than the retention window and remembers where each space's log now starts. */
export async function pruneEvents(db: Queryable, retainSeconds: number): Promise<void> {
  await db.query(
    `with gone as (
       delete from events where created_at < now() - make_interval(secs => $1::int) returning space_id, id)
     insert into event_log_horizon (space_id, pruned_through)
     select space_id, max(id) from gone group by space_id
     on conflict (space_id) do update set pruned_through = greatest(event_log_horizon.pruned_through, excluded.pruned_through)`,
    [retainSeconds],
  );
}

/**
 * Presence is only worth its last few seconds, so its events go long before the retention window.
 * The horizon is left alone on purpose: a Last-Event-ID from before a dropped presence event still
 * resumes (the stream reads `id >` it and simply never sees the gone one). Expired rows of the
 * presence table go too.
 */
export async function prunePresence(db: Queryable, retainSeconds: number, ttlSeconds: number): Promise<void> {
  await db.query(
    `delete from events where type = 'presence' and created_at < now() - make_interval(secs => $1::int)`,
    [retainSeconds],
  );
  await db.query(`delete from presence where at < now() - make_interval(secs => $1::int)`, [ttlSeconds]);
}
