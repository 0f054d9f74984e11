import type { Queryable } from '../db/db.js';
import type { Channel } from '../channels/capabilities.js';
import { conversationNotFound } from './errors.js';
import { visibleTo } from './conversation-query.js';
import { Params } from './sql.js';
import type { Viewer } from './users.js';

export interface LockedConversation {
  id: string;
  space_id: string;
  channel: Channel;
  status: 'unanswered' | 'active' | 'closed';
  last_seq: number;
  contact_id: string;
  sender_profile_id: string;
  sender_id: string | null;
  [k: string]: unknown;
}

/**
 * The conversation, locked for the rest of the caller's transaction, when this viewer can see it
 * (404 otherwise, the same answer as for one that does not exist). Every write that appends to a
 * timeline takes this lock first, so `seq` values are handed out one at a time.
 */
export async function lockVisibleConversation(
  tx: Queryable,
  v: Viewer,
  conversationId: string,
): Promise<LockedConversation> {
  const p = new Params();
  const id = p.add(conversationId);
  const [row] = await tx.query<LockedConversation>(
    `select c.id, c.space_id, c.channel, c.status, c.last_seq, c.contact_id, c.sender_profile_id, c.sender_id
     from conversations c
     where c.id = ${id} and ${visibleTo(v, p)} for update`,
    p.values,
  );
  if (!row) throw conversationNotFound(conversationId);
  return { ...row, last_seq: Number(row.last_seq) };
}

/** Whether this viewer can see the conversation (no lock). */
export async function canSeeConversation(db: Queryable, v: Viewer, conversationId: string): Promise<boolean> {
  const p = new Params();
  const id = p.add(conversationId);
  const rows = await db.query(
    `select 1 from conversations c where c.id = ${id} and ${visibleTo(v, p)}`,
    p.values,
  );
  return rows.length > 0;
}

/** What the scoping rule needs of a conversation already loaded (realtime's batch snapshot). */
export interface LoadedScope {
  space_id: string;
  team_ids: readonly string[];
  assignee_ids: readonly string[];
}

/**
 * visibleTo (conversation-query.ts) for a conversation already in memory: the viewer's space and,
 * without seeAllConversations, one of their teams or an assignment. Kept next to its SQL twin.
 */
export function canSeeLoaded(v: Viewer, c: LoadedScope): boolean {
  if (!v.spaceIds.includes(c.space_id)) return false;
  if (v.capabilities.seeAllConversations) return true;
  return c.assignee_ids.includes(v.id) || c.team_ids.some((t) => v.teamIds.includes(t));
}
