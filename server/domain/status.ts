import type { components } from '../../src/api/schema.js';
import type { Db } from '../db/db.js';
import { conflict, conversationNotFound, forbidden, stale } from './errors.js';
import { describeIfMatch, ifMatchAccepts, type IfMatch } from './versions.js';
import { getConversation, visibleTo } from './conversation-query.js';
import { logEvents } from './events-log.js';
import { Params } from './sql.js';
import type { Viewer } from './users.js';

type Conversation = components['schemas']['Conversation'];
type Status = Conversation['status'];

const LABEL: Record<Status, string> = { unanswered: 'Unanswered', active: 'Active', closed: 'Closed' };

/** The agent-made moves; only a contact's reply (inbound.ts) makes an Unanswered one Active too. */
const LEGAL: Record<Status, readonly Status[]> = {
  unanswered: ['active', 'closed'],
  active: ['closed'],
  closed: ['active'],
};

/**
 * An agent changes a conversation's status. Order of checks: capability (403), visibility (404),
 * version (412, with the conversation as it is now), then the move itself: the same status is a
 * no-op answered with the unchanged conversation, nothing ever goes back to Unanswered (409).
 */
export async function changeStatus(
  db: Db,
  v: Viewer,
  conversationId: string,
  to: Status,
  ifMatch: IfMatch,
): Promise<Conversation> {
  if (!v.capabilities.changeStatus)
    throw forbidden('You may not change the status of conversations. Ask an admin for this permission.');
  return db.transaction(async (tx) => {
    const p = new Params();
    const id = p.add(conversationId);
    // Row lock: two agents closing at once get one success and one 412, never a lost update.
    const [row] = await tx.query<{ space_id: string; status: Status; version: number; last_seq: number }>(
      `select c.space_id, c.status, c.version, c.last_seq from conversations c
       where c.id = ${id} and ${visibleTo(v, p)} for update`,
      p.values,
    );
    if (!row) throw conversationNotFound(conversationId);
    const version = Number(row.version);
    if (!ifMatchAccepts(ifMatch, version)) {
      const current = await getConversation(tx, v, conversationId);
      throw stale(
        `Someone changed this conversation after you loaded it (you have version ${describeIfMatch(ifMatch)}, it is now ${version}); it is ${LABEL[row.status]} now. Check it and try again.`,
        current,
        version,
      );
    }
    const current = async () => (await getConversation(tx, v, conversationId))!;
    if (row.status === to) return current();
    if (!LEGAL[row.status].includes(to)) {
      const choices = Object.values(LABEL).filter((l) => l !== LABEL.unanswered);
      throw conflict(
        'illegal-status-change',
        `A conversation can't go back to ${LABEL[to]}. Choose ${choices.join(' or ')}.`,
      );
    }

    const seq = Number(row.last_seq) + 1;
    const event = { type: 'status_changed', from: row.status, to, reason: 'agent', actorId: v.id };
    const [item] = await tx.query<{ id: string }>(
      `insert into timeline_items (conversation_id, seq, kind, event)
       values ($1, $2::int, 'event', $3::text::jsonb) returning id`,
      [conversationId, seq, JSON.stringify(event)],
    );
    // Closing stops the waiting clock and records who; reopening clears both. last_activity_at
    // stays: a status change is not conversation activity, and rows should not jump in the list.
    await tx.query(
      `update conversations set status = $2,
         closed_at = case when $2 = 'closed' then now() end,
         closed_by = case when $2 = 'closed' then $3 end,
         waiting_since = case when $2 = 'closed' then null else waiting_since end,
         last_seq = $4::int, version = version + 1
       where id = $1`,
      [conversationId, to, v.id, seq],
    );
    await logEvents(tx, [
      { spaceId: row.space_id, type: 'timeline.item', conversationId, itemId: item!.id },
      { spaceId: row.space_id, type: 'conversation.updated', conversationId },
    ]);
    return current();
  });
}
