import type { components } from '../../src/api/schema.js';
import type { Db, Queryable } from '../db/db.js';
import { getConversation, visibleTo } from './conversation-query.js';
import { conversationNotFound, stale } from './errors.js';
import { logEvents, type LogEvent } from './events-log.js';
import { Params } from './sql.js';
import type { Viewer } from './users.js';
import { describeIfMatch, ifMatchAccepts, type IfMatch } from './versions.js';

type Conversation = components['schemas']['Conversation'];

export interface LockedForChange {
  id: string;
  space_id: string;
  version: number;
  last_seq: number;
  team_ids: string[];
  assignee_ids: string[];
  tag_ids: string[];
}

/**
 * The shared shape of every versioned change of a conversation (status aside): lock it if the
 * viewer can see it (404), check If-Match (412 with the conversation as they see it now), let
 * `apply` validate and write, then append its timeline event, bump the version and log the
 * events. `apply` returns null for a change that changes nothing: answered as is, no event.
 */
export async function changeConversation(
  db: Db,
  v: Viewer,
  conversationId: string,
  ifMatch: IfMatch,
  what: string,
  apply: (tx: Queryable, c: LockedForChange) => Promise<{ event: object; payload?: object } | null>,
): Promise<Conversation> {
  return db.transaction(async (tx) => {
    const p = new Params();
    const id = p.add(conversationId);
    const [row] = await tx.query<LockedForChange & Record<string, unknown>>(
      `select c.id, c.space_id, c.version, c.last_seq,
         array(select x.team_id from conversation_teams x where x.conversation_id = c.id order by x.team_id) as team_ids,
         array(select x.user_id from conversation_assignees x where x.conversation_id = c.id order by x.user_id) as assignee_ids,
         array(select x.tag_id from conversation_tags x where x.conversation_id = c.id order by x.tag_id) as tag_ids
       from conversations c where c.id = ${id} and ${visibleTo(v, p)} for update`,
      p.values,
    );
    if (!row) throw conversationNotFound(conversationId);
    const locked = { ...row, version: Number(row.version), last_seq: Number(row.last_seq) };
    if (!ifMatchAccepts(ifMatch, locked.version)) {
      throw stale(
        `Someone changed this conversation after you loaded it (you have version ${describeIfMatch(ifMatch)}, it is now ${locked.version}). Check the ${what} and try again.`,
        await getConversation(tx, v, conversationId),
        locked.version,
      );
    }
    const change = await apply(tx, locked);
    if (change) {
      const seq = locked.last_seq + 1;
      const [item] = await tx.query<{ id: string }>(
        `insert into timeline_items (conversation_id, seq, kind, event)
         values ($1, $2::int, 'event', $3::text::jsonb) returning id`,
        [conversationId, seq, JSON.stringify(change.event)],
      );
      await tx.query('update conversations set last_seq = $2::int, version = version + 1 where id = $1', [
        conversationId,
        seq,
      ]);
      const events: LogEvent[] = [
        { spaceId: locked.space_id, type: 'timeline.item', conversationId, itemId: item!.id },
        {
          spaceId: locked.space_id,
          type: 'conversation.updated',
          conversationId,
          ...(change.payload ? { payload: { ...change.payload } } : {}),
        },
      ];
      await logEvents(tx, events);
    }
    // A hand-over may take it out of the viewer's own sight: they still get the answer.
    return (await getConversation(tx, v, conversationId, false))!;
  });
}

/** What was added to and removed from a list. */
export function diff(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}
