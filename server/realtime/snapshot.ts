import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import { CONTACT_COLUMNS, toContact, type ContactRow } from '../domain/contact-query.js';
import type { ConversationRow } from '../domain/conversation-render.js';
import { ITEM_COLUMNS, toTimelineItem, type ItemRow } from '../domain/timeline.js';
import type { EventRow } from './render.js';

type TimelineItem = components['schemas']['TimelineItem'];
type Contact = components['schemas']['Contact'];

/** The last-message preview columns of ConversationRow. */
type Preview = Pick<ConversationRow, 'lm_kind' | 'lm_direction' | 'lm_text' | 'lm_author_id' | 'lm_at'>;

/**
 * A conversation as it is now, for every audience at once: both previews (with notes for those
 * who read them, messages only for the rest) and the unread count of each subscribed user.
 */
export interface ConversationState {
  /** Its preview and unread count are replaced per audience (see render.ts). */
  row: ConversationRow;
  withNotes: Preview;
  messagesOnly: Preview;
  unread: Map<string, number>;
}

/** Everything a batch of events refers to, read once for all of a space's subscribers. */
export interface Snapshot {
  conversations: Map<string, ConversationState>;
  items: Map<string, TimelineItem>;
  contacts: Map<string, Contact>;
}

const PREVIEW = (alias: string, kinds: string) => `left join lateral (
      select x.kind as ${alias}_kind, x.direction as ${alias}_direction, x.text as ${alias}_text,
        x.author_id as ${alias}_author_id, x.created_at as ${alias}_at from timeline_items x
      where x.conversation_id = c.id and x.kind in ${kinds} and (x.status is null or x.status <> 'cancelled')
      order by x.seq desc limit 1) ${alias} on true`;

const preview = (r: Record<string, unknown>, alias: string): Preview => ({
  lm_kind: r[`${alias}_kind`] as Preview['lm_kind'],
  lm_direction: r[`${alias}_direction`] as Preview['lm_direction'],
  lm_text: r[`${alias}_text`] as string | null,
  lm_author_id: r[`${alias}_author_id`] as string | null,
  lm_at: r[`${alias}_at`] as Date | null,
});

const ids = (values: Iterable<string>) => JSON.stringify([...new Set(values)]);
const IN = (column: string, n: number) =>
  `${column} in (select jsonb_array_elements_text($${n}::text::jsonb))`;

/** The same columns as CONVERSATION_DETAILS, without anything that depends on the viewer. */
async function loadConversations(
  db: Queryable,
  conversationIds: string[],
  rendered: Set<string>,
  userIds: readonly string[],
): Promise<Map<string, ConversationState>> {
  const out = new Map<string, ConversationState>();
  if (conversationIds.length === 0) return out;
  const rows = await db.query<Record<string, unknown> & { id: string }>(
    `select c.id, c.space_id, c.channel, c.status, c.origin, c.version, c.created_at, c.closed_at, c.closed_by,
        c.waiting_since, c.last_activity_at, c.last_seq,
        ct.id as contact_id, ct.name as contact_name, ct.phone as contact_phone,
        sp.id as sp_id, sp.name as sp_name, s.id as sender_id, s.address as sender_address, s.country as sender_country,
        array(select x.team_id from conversation_teams x where x.conversation_id = c.id order by x.team_id) as team_ids,
        array(select x.user_id from conversation_assignees x where x.conversation_id = c.id order by x.user_id) as assignee_ids,
        array(select x.tag_id from conversation_tags x where x.conversation_id = c.id order by x.tag_id) as tag_ids,
        ln.*, lm.*
     from conversations c
     join contacts ct on ct.id = c.contact_id
     join sender_profiles sp on sp.id = c.sender_profile_id
     left join senders s on s.id = c.sender_id
     ${PREVIEW('ln', `('message', 'note')`)}
     ${PREVIEW('lm', `('message')`)}
     where ${IN('c.id', 1)}`,
    [ids(conversationIds)],
  );
  for (const r of rows) {
    out.set(r.id, {
      row: {
        ...(r as unknown as ConversationRow),
        ...preview(r, 'lm'),
        unread_count: 0,
        sort_key: '',
        match_text: null,
        match_seq: null,
      },
      withNotes: preview(r, 'ln'),
      messagesOnly: preview(r, 'lm'),
      unread: new Map(),
    });
  }
  // Unread counts only where a conversation is rendered whole, for each subscribed user.
  const needed = [...rendered].filter((id) => out.has(id));
  if (needed.length > 0 && userIds.length > 0) {
    const counts = await db.query<{ user_id: string; conversation_id: string; n: number }>(
      `select u.user_id, c.conversation_id,
         (select count(*)::int from timeline_items x where x.conversation_id = c.conversation_id and x.kind = 'message'
            and x.direction = 'in' and x.seq > coalesce(rm.seq, 0)) as n
       from jsonb_array_elements_text($1::text::jsonb) as u(user_id)
       cross join jsonb_array_elements_text($2::text::jsonb) as c(conversation_id)
       left join read_markers rm on rm.conversation_id = c.conversation_id and rm.user_id = u.user_id`,
      [ids(userIds), ids(needed)],
    );
    for (const r of counts) out.get(r.conversation_id)?.unread.set(r.user_id, Number(r.n));
  }
  return out;
}

async function loadItems(db: Queryable, itemIds: string[]): Promise<Map<string, TimelineItem>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.query<ItemRow>(
    `select ${ITEM_COLUMNS} from timeline_items ti where ${IN('ti.id', 1)}`,
    [ids(itemIds)],
  );
  return new Map(rows.map((r) => [r.id, toTimelineItem(r)]));
}

async function loadContacts(db: Queryable, contactIds: string[]): Promise<Map<string, Contact>> {
  if (contactIds.length === 0) return new Map();
  const rows = await db.query<ContactRow>(
    `select ${CONTACT_COLUMNS} from contacts ct where ${IN('ct.id', 1)}`,
    [ids(contactIds)],
  );
  return new Map(rows.map((r) => [r.id, toContact(r)]));
}

/**
 * Reads, in a handful of queries whatever the number of subscribers, the current state of what
 * a batch of events refers to. `userIds`: the distinct users subscribed (for unread counts).
 */
export async function loadSnapshot(
  db: Queryable,
  rows: readonly EventRow[],
  userIds: readonly string[],
): Promise<Snapshot> {
  const conversations: string[] = [];
  const rendered = new Set<string>();
  const items: string[] = [];
  const contacts: string[] = [];
  for (const r of rows) {
    if (r.conversation_id) conversations.push(r.conversation_id);
    if (r.conversation_id && (r.type === 'conversation.created' || r.type === 'conversation.updated'))
      rendered.add(r.conversation_id);
    if (r.type === 'timeline.item' && r.item_id) items.push(r.item_id);
    const contactId = r.payload?.contactId;
    if (r.type === 'contact.updated' && typeof contactId === 'string') contacts.push(contactId);
  }
  const [c, i, k] = await Promise.all([
    loadConversations(db, [...new Set(conversations)], rendered, userIds),
    loadItems(db, items),
    loadContacts(db, contacts),
  ]);
  return { conversations: c, items: i, contacts: k };
}
