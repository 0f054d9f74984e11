import type { components } from '../../src/api/schema.js';
import type { Viewer } from './users.js';

type Conversation = components['schemas']['Conversation'];

export interface ConversationRow {
  id: string;
  space_id: string;
  channel: Conversation['channel'];
  status: Conversation['status'];
  origin: Conversation['origin'];
  version: number;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  waiting_since: Date | null;
  last_activity_at: Date;
  last_seq: number;
  contact_id: string;
  contact_name: string;
  contact_phone: string;
  sp_id: string;
  sp_name: string;
  sender_id: string | null;
  sender_address: string | null;
  sender_country: string | null;
  team_ids: string[];
  assignee_ids: string[];
  tag_ids: string[];
  lm_kind: 'message' | 'note' | null;
  lm_direction: 'in' | 'out' | null;
  lm_text: string | null;
  lm_author_id: string | null;
  lm_at: Date | null;
  unread_count: number;
  sort_key: string;
  match_text: string | null;
  match_seq: number | null;
  [k: string]: unknown;
}

/**
 * The select that turns rows of a `page` CTE (id, sort_key, name_match) into full conversations
 * for one viewer: the preview skips notes without readNotes, unread counts use their marker.
 */
/**
 * A conversation's own columns, its contact, sender profile and sender, and its teams, assignees and
 * tags, from `c`, `ct`, `sp` and `s`: what every rendering of a conversation selects.
 */
export const CONVERSATION_COLUMNS = `c.id, c.space_id, c.channel, c.status, c.origin, c.version, c.created_at, c.closed_at, c.closed_by,
      c.waiting_since, c.last_activity_at, c.last_seq,
      ct.id as contact_id, ct.name as contact_name, ct.phone as contact_phone,
      sp.id as sp_id, sp.name as sp_name, s.id as sender_id, s.address as sender_address, s.country as sender_country,
      array(select x.team_id from conversation_teams x where x.conversation_id = c.id order by x.team_id) as team_ids,
      array(select x.user_id from conversation_assignees x where x.conversation_id = c.id order by x.user_id) as assignee_ids,
      array(select x.tag_id from conversation_tags x where x.conversation_id = c.id order by x.tag_id) as tag_ids`;

export function CONVERSATION_DETAILS(v: Viewer, me: string, searchMatch: string | null): string {
  const kinds = v.capabilities.readNotes ? `('message', 'note')` : `('message')`;
  return `select ${CONVERSATION_COLUMNS},
      lm.kind as lm_kind, lm.direction as lm_direction, lm.text as lm_text, lm.author_id as lm_author_id,
      lm.created_at as lm_at,
      (select count(*)::int from timeline_items u where u.conversation_id = c.id and u.kind = 'message'
         and u.direction = 'in' and u.seq > coalesce(rm.seq, 0)) as unread_count,
      page.sort_key::text as sort_key,
      sm.text as match_text, sm.seq as match_seq
    from page
    join conversations c on c.id = page.id
    join contacts ct on ct.id = c.contact_id
    join sender_profiles sp on sp.id = c.sender_profile_id
    left join senders s on s.id = c.sender_id
    left join read_markers rm on rm.conversation_id = c.id and rm.user_id = ${me}
    left join lateral (
      select x.kind, x.direction, x.text, x.author_id, x.created_at from timeline_items x
      where x.conversation_id = c.id and x.kind in ${kinds} and (x.status is null or x.status <> 'cancelled')
      order by x.seq desc limit 1) lm on true
    left join lateral (
      select x.text, x.seq from timeline_items x
      where ${searchMatch ?? 'false'}
      order by x.seq desc limit 1) sm on true`;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

export function toConversation(r: ConversationRow, v: Viewer): Conversation {
  const c: Conversation = {
    id: r.id,
    spaceId: r.space_id,
    channel: r.channel,
    contact: { id: r.contact_id, name: r.contact_name, phone: r.contact_phone },
    senderProfile: { id: r.sp_id, name: r.sp_name },
    status: r.status,
    origin: r.origin,
    teamIds: r.team_ids,
    assigneeIds: r.assignee_ids,
    tagIds: r.tag_ids,
    lastMessage:
      r.lm_kind && r.lm_at
        ? {
            kind: r.lm_kind,
            ...(r.lm_kind === 'message' && r.lm_direction ? { direction: r.lm_direction } : {}),
            text: r.lm_text ?? '',
            authorId: r.lm_author_id,
            at: iso(r.lm_at),
          }
        : null,
    lastActivityAt: iso(r.last_activity_at),
    waitingSince: r.waiting_since ? iso(r.waiting_since) : null,
    createdAt: iso(r.created_at),
    closedAt: r.closed_at ? iso(r.closed_at) : null,
    closedBy: r.closed_by,
    unreadCount: Number(r.unread_count),
    lastSeq: Number(r.last_seq),
    version: Number(r.version),
  };
  if (v.capabilities.seeSenders && r.sender_id && r.sender_address && r.sender_country) {
    c.sender = { id: r.sender_id, address: r.sender_address, country: r.sender_country };
  }
  if (r.match_text !== null && r.match_seq !== null)
    c.searchMatch = { text: r.match_text, seq: Number(r.match_seq) };
  return c;
}
