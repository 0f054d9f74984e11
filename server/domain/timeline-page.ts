import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import { conversationNotFound } from './errors.js';
import { canSeeConversation } from './conversation-lock.js';
import { ITEM_COLUMNS, toTimelineItem, type ItemRow } from './timeline.js';
import type { Viewer } from './users.js';

type TimelinePage = components['schemas']['TimelinePage'];

export interface TimelineQuery {
  beforeSeq?: number;
  afterSeq?: number;
  limit?: number;
}

/**
 * GET /conversations/{id}/timeline, ascending by seq. No bounds: the newest page; `beforeSeq`:
 * the page just older than it; `afterSeq` (a gap, optionally up to `beforeSeq`): the oldest
 * items after it. Notes are left out without readNotes — the only holes in seq a reader sees.
 * Cancelled messages stay in (status `cancelled`): the UI hides them, and a client that looks
 * for gaps in seq never chases one that can't be filled.
 */
export async function getTimeline(
  db: Queryable,
  v: Viewer,
  conversationId: string,
  q: TimelineQuery,
): Promise<TimelinePage> {
  if (!(await canSeeConversation(db, v, conversationId))) throw conversationNotFound(conversationId);
  const limit = q.limit ?? 50;
  const kinds = v.capabilities.readNotes ? '' : `and ti.kind <> 'note'`;
  const params: unknown[] = [conversationId, limit];
  const bound = (op: '<' | '>', value: number) => {
    params.push(value);
    return `and ti.seq ${op} $${params.length}::int`;
  };
  const ascending = q.afterSeq !== undefined;
  const where = [
    q.afterSeq !== undefined ? bound('>', q.afterSeq) : '',
    q.beforeSeq !== undefined ? bound('<', q.beforeSeq) : '',
  ].join(' ');
  const rows = await db.query<ItemRow>(
    `select ${ITEM_COLUMNS} from timeline_items ti
     where ti.conversation_id = $1 ${kinds} ${where}
     order by ti.seq ${ascending ? 'asc' : 'desc'} limit $2::int`,
    params,
  );
  if (!ascending) rows.reverse();
  const lowest = rows[0]
    ? Number(rows[0].seq)
    : (q.beforeSeq ?? (q.afterSeq !== undefined ? q.afterSeq + 1 : 0));
  const older = await db.query(
    `select 1 from timeline_items ti where ti.conversation_id = $1 ${kinds} and ti.seq < $2::int limit 1`,
    [conversationId, lowest],
  );
  return { items: rows.map(toTimelineItem), hasOlder: older.length > 0 };
}
