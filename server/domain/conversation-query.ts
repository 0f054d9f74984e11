import type { components, operations } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import type { Viewer } from './users.js';
import {
  Params,
  foldedContains,
  itemTextContains,
  itemTextHasEach,
  itemTextWords,
  likeEscape,
} from './sql.js';
import type { Cursors } from './cursor.js';
import { CONVERSATION_DETAILS, toConversation, type ConversationRow } from './conversation-render.js';

type Conversation = components['schemas']['Conversation'];
type ListQuery = operations['listConversations']['parameters']['query'];
type Sort = components['schemas']['ConversationSort'];

export type ConversationFilter = Omit<ListQuery, 'cursor' | 'limit' | 'sort'>;

const SORTS: Record<Sort, { key: string; dir: 'asc' | 'desc' }> = {
  latest: { key: 'c.last_activity_at', dir: 'desc' },
  newest: { key: 'c.created_at', dir: 'desc' },
  // Longest waiting first; conversations nobody waits on come last.
  waiting: { key: "coalesce(c.waiting_since, 'infinity'::timestamptz)", dir: 'asc' },
};

/** Item kinds this viewer may read; notes only with readNotes (also for search and previews). */
export const readableKinds = (v: Viewer) =>
  v.capabilities.readNotes ? `('message', 'note')` : `('message')`;

/** What a viewer's sight is made of, for the placeholder of their id. */
function sightOf(me: string) {
  return {
    member: `exists (select 1 from user_spaces us where us.user_id = ${me} and us.space_id = c.space_id)`,
    teams: `select vt.conversation_id from conversation_teams vt
      join team_members tm on tm.team_id = vt.team_id where tm.user_id = ${me}`,
    assigned: `select va.conversation_id from conversation_assignees va where va.user_id = ${me}`,
  };
}

/**
 * Scoping: the viewer's spaces, and within them everything or only their teams' and their own.
 * `each` checks a row at a time, which a page that stops after 50 rows wants, unless the planner
 * expects to check so many that hashing the viewer's set is cheaper; `row` always checks a row at
 * a time, for a walk that stops after a few hundred (hashing an agent's 33,000 conversations costs
 * 9 ms at 100,000); `set` joins with the viewer's whole set, made distinct once, for the counts of
 * a search's matches; `hashes` tests each row against one hash of each of the viewer's two sets,
 * for a page of a search's matches, where making the set distinct and then hashing it again cost
 * more than the page's other work (an agent's "damaged box" at 100,000: 99 → 92 ms, a name's
 * 55 → 49 ms). A search's counts were slower in this form (a name's 40 → 45 ms).
 */
export function visibleTo(v: Viewer, p: Params, form: 'each' | 'row' | 'set' | 'hashes' = 'each'): string {
  const { member, teams, assigned } = sightOf(p.add(v.id));
  if (v.capabilities.seeAllConversations) return member;
  if (form === 'set') return `${member} and c.id in (${teams} union ${assigned})`;
  // Under an `or`, neither `in` can become a join: each is a filter against its own hash.
  if (form === 'hashes') return `${member} and (c.id in (${teams}) or c.id in (${assigned}))`;
  // `offset 0` keeps the planner from turning an exists into a hashed set.
  const fence = form === 'row' ? ' offset 0' : '';
  return `${member} and (
    exists (${teams} and vt.conversation_id = c.id${fence})
    or exists (${assigned} and va.conversation_id = c.id${fence}))`;
}

/**
 * The viewer's sight as disjoint parts, each a semi-join that a count over all their conversations
 * hashes on its own: their teams' conversations, then those assigned to them in none of their teams.
 */
function visibleApart(v: Viewer, p: Params): string[] {
  const { member, teams, assigned } = sightOf(p.add(v.id));
  if (v.capabilities.seeAllConversations) return [member];
  return [
    `${member} and c.id in (${teams})`,
    `${member} and c.id in (${assigned}) and not exists (${teams} and vt.conversation_id = c.id)`,
  ];
}

interface SearchSql {
  where: string;
  /** The ids of the conversations that match, found through the name and text indexes. */
  matches: string;
  nameMatch: string;
  itemMatch: string;
}

/** `space` is the placeholder of the space id, which the list's own filter already holds. */
function searchSql(v: Viewer, q: string, space: string, p: Params): SearchSql {
  const text = q.trim().replace(/\s+/g, ' ');
  const pattern = p.add(`%${likeEscape(text)}%`);
  const digits = text.replace(/[\s()+.-]/g, '');
  // A query that looks like a (partial) number also matches numbers written without spacing.
  // Each value is a parameter once, however many times the SQL names it: a parameter the query
  // never uses (the counts show no match) would leave its type undetermined.
  const phonePattern = /^\d{3,}$/.test(digits) ? p.add(`%${digits}%`) : null;
  const phone = (alias: string) => (phonePattern ? ` or ${alias}.phone like ${phonePattern}` : '');
  const nameMatch = (alias: string) => `(${foldedContains(`${alias}.name`, pattern)}${phone(alias)})`;
  const readable = (alias: string) => `${alias}.kind in ${readableKinds(v)}`;
  // One word of letters, or of digits, is one text-search word: an item that holds it as a word
  // holds it as text too, so the phrase alone finds every match. For a word in most conversations
  // the words' branch doubled what the counts read and made distinct (at 100,000: 186,766 items).
  const words = /^(\p{L}+|\d+)$/u.test(text) ? null : p.add(text);
  // An item at a time (the walk, a row's matched text), its words are built only when each query
  // word is in its text: building them for every item walked cost most of a walk (at 100,000, a
  // walk of two words 9–12 → 4–10 ms; the agent's "damaged box" page 84 → 79 ms).
  const wordsOf = (alias: string) =>
    words ? ` or (${itemTextHasEach(alias, words)} and ${itemTextWords(alias, words)})` : '';
  const textMatch = (alias: string) =>
    `${readable(alias)} and (${itemTextContains(alias, pattern)}${wordsOf(alias)})`;
  // The matching conversations are found through the name and text indexes first, then
  // filtered: an OR across the two tables row by row would scan every conversation. The phrase
  // and the words are two branches, so each index's rows are rechecked for its own test only
  // (the words index needs none; under one OR, a candidate the phrase missed was folded again).
  const itemsWith = (match: string) =>
    `select t.conversation_id from timeline_items t where ${readable('t')} and ${match}`;
  const matches = [
    `select nc.id from contacts nct join conversations nc on nc.contact_id = nct.id
      where nct.space_id = ${space} and ${nameMatch('nct')}`,
    itemsWith(itemTextContains('t', pattern)),
    ...(words ? [itemsWith(itemTextWords('t', words))] : []),
  ].join('\n      union\n      ');
  return {
    where: `c.id in (${matches})`,
    matches,
    nameMatch: nameMatch('ct'),
    itemMatch: `x.conversation_id = c.id and ${textMatch('x')}`,
  };
}

/**
 * The list's filters but sight: status (for a page; the counts group by it), view, team, unread,
 * contact, and a search's match. The caller adds sight in the form its query wants (see visibleTo).
 */
function filters(
  v: Viewer,
  f: ConversationFilter,
  p: Params,
  { page }: { page: boolean },
): { unsighted: string; search?: SearchSql } {
  const space = p.add(f.spaceId);
  const parts = [`c.space_id = ${space}`];
  if (f.view === 'mine') {
    const me = p.add(v.id);
    parts.push(
      `exists (select 1 from conversation_assignees m where m.conversation_id = c.id and m.user_id = ${me})`,
    );
    // The same test again, for a page, so the planner has a form for each kind of user. The
    // `exists` lets a user with few assignments start from them. The `in`, which `is true` keeps
    // from being made a join, is a filter against one hash of the user's assignments: it serves a
    // user with many, whose page walks the list, instead of an index lookup for each row walked.
    // At 100,000 conversations, the admin's Mine pages that walk 10,500 rows for their 50 went
    // 18–30 → 7–13 ms; those that find them at once, 5–9 → 8–14 ms. The counts visit every row
    // anyway, and the hash only added to them.
    if (page)
      parts.push(
        `(c.id in (select mh.conversation_id from conversation_assignees mh where mh.user_id = ${me})) is true`,
      );
  } else if (f.view === 'closed_by_me') {
    parts.push(`c.status = 'closed' and c.closed_by = ${p.add(v.id)}`);
  }
  if (page && f.status && f.status !== 'all') parts.push(`c.status = ${p.add(f.status)}`);
  if (f.teamId) {
    parts.push(
      `exists (select 1 from conversation_teams ft where ft.conversation_id = c.id and ft.team_id = ${p.add(f.teamId)})`,
    );
  }
  // Unread: an inbound message past the user's read marker. Written as "no marker at or past it",
  // the planner makes it an anti-join it places after the row's cheaper tests (status, closer,
  // sight), and the counts hash the user's markers once. As a subquery per row it was tested
  // first, a marker looked up for every conversation of the walk. At 100,000 conversations:
  // the slowest unread pages about 44 → 30 ms, the unread counts 177 → 38 ms (medians).
  if (f.unread)
    parts.push(`c.last_inbound_seq > 0 and not exists (select 1 from read_markers rm
      where rm.user_id = ${p.add(v.id)} and rm.conversation_id = c.id and rm.seq >= c.last_inbound_seq)`);
  if (f.contactId) parts.push(`c.contact_id = ${p.add(f.contactId)}`);
  const unsighted = parts.join('\n  and ');
  if (!f.q || f.q.trim() === '') return { unsighted };
  return { unsighted, search: searchSql(v, f.q, space, p) };
}

/**
 * How many conversations a search first walks in list order, testing each: a word in most of them
 * fills a page there, where finding every match first (the indexes' way) reads a large share of
 * all items (at 100,000 conversations on Postgres, 650 → 7–8 ms). A rarer word does not fill a
 * page, and the indexes find it, after the walk's 8–10 ms.
 */
const SEARCH_WALK = 100;
/**
 * Below this many conversations (the planner's estimate) the indexes find any word quickly, and the
 * walk would only add its cost.
 */
const WALK_FROM_CONVERSATIONS = 5_000;

async function conversationsEstimate(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select reltuples::float8 as n from pg_class where relname = 'conversations' and relkind = 'r'`,
  );
  return Number(row?.n ?? 0);
}

export async function listConversations(
  db: Queryable,
  v: Viewer,
  query: ListQuery,
  cursors: Cursors,
  { walkFrom = WALK_FROM_CONVERSATIONS }: { walkFrom?: number } = {},
): Promise<components['schemas']['ConversationPage']> {
  const sort: Sort = query.sort ?? 'latest';
  const limit = query.limit ?? 50;
  const pageOf = async (walk: boolean) => {
    const { sql, values } = pageSql(v, query, cursors, sort, limit, walk);
    return db.query<ConversationRow>(sql, values);
  };
  let rows: ConversationRow[] | undefined;
  // A page of SEARCH_WALK or more never fills up within the walk.
  const searching = Boolean(query.q && query.q.trim() !== '') && limit < SEARCH_WALK;
  if (searching && (walkFrom <= 0 || (await conversationsEstimate(db)) >= walkFrom)) {
    const walked = await pageOf(true);
    if (walked.length > limit) rows = walked;
  }
  rows ??= await pageOf(false);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toConversation(r, v)),
    nextCursor: more && last ? cursors.encode({ sort, key: String(last.sort_key), id: last.id }) : null,
  };
}

/**
 * One page, and one more row to tell whether there is a next. `walk` tests a search on the first
 * SEARCH_WALK conversations in list order only (a page is complete when it fills up there).
 */
function pageSql(
  v: Viewer,
  query: ListQuery,
  cursors: Cursors,
  sort: Sort,
  limit: number,
  walk: boolean,
): { sql: string; values: unknown[] } {
  const { key, dir } = SORTS[sort];
  const p = new Params();
  const me = p.add(v.id);
  const { unsighted, search } = filters(v, query, p, { page: true });
  // A page checks sight row by row, a search's walk always so; a page of search matches checks the
  // matches against a hash of each set the viewer sees.
  const sight = visibleTo(v, p, !search ? 'each' : walk ? 'row' : 'hashes');
  const base = `${unsighted}\n  and ${sight}`;
  let keyset = '';
  if (query.cursor) {
    const cur = cursors.decode(query.cursor, sort);
    keyset = `and (${key}, c.id) ${dir === 'desc' ? '<' : '>'} (${p.add(cur.key)}::text::timestamptz, ${p.add(cur.id)})`;
  }
  const order = `order by ${key} ${dir}, c.id ${dir}`;
  const rows = `limit ${p.add(limit + 1)}::int`;
  // The contact only when a search shows whether its name matched; a page needs nothing else.
  const page =
    search && walk
      ? // Each walked row's contact by its key: `offset 0` keeps the planner from hashing every
        // contact for 100 rows (17 ms at 100,000).
        `select c.id, ${key} as sort_key, named.name_match
         from (select c.* from conversations c where ${base} ${keyset} ${order} limit ${SEARCH_WALK}) c
         cross join lateral (select ${search.nameMatch} as name_match from contacts ct where ct.id = c.contact_id offset 0) named
         where named.name_match or exists (select 1 from timeline_items x where ${search.itemMatch})
         ${order} ${rows}`
      : search
        ? // Every match is found first, then ordered: walking the list in order and comparing each
          // row with the matches costs a comparison per match per row (3.4M for 6,667 matches).
          // Sight is checked on the matches once found: checked with them, the planner joined an
          // agent's 33,000 visible conversations with all 100,000 first (42 ms). The contact's
          // name is tested on the page's rows only.
          `with matched as materialized (
             select c.id, c.space_id, ${key} as sort_key, c.contact_id
             from (${search.matches}) m join conversations c on c.id = m.id
             where ${unsighted} ${keyset}),
           found as (select c.* from matched c where ${sight})
           select f.id, f.sort_key, ${search.nameMatch} as name_match
           from (select * from found order by sort_key ${dir}, id ${dir} ${rows}) f
           join contacts ct on ct.id = f.contact_id`
        : `select c.id, ${key} as sort_key, true as name_match
           from conversations c where ${base} ${keyset} ${order} ${rows}`;
  const sql = `with page as (${page})
     ${CONVERSATION_DETAILS(v, me, search ? `(not page.name_match) and ${search.itemMatch}` : null)}
     order by page.sort_key ${dir}, c.id ${dir}`;
  return { sql, values: p.values };
}

export async function countConversations(
  db: Queryable,
  v: Viewer,
  query: ConversationFilter,
): Promise<components['schemas']['ConversationCounts']> {
  const p = new Params();
  const { unsighted, search } = filters(v, query, p, { page: false });
  // A search's matches are checked against the viewer's whole set, as its pages do. Without one,
  // each part of an agent's sight counts apart, a semi-join each: their union, made distinct
  // first, cost a third more (59 → 40 ms for an agent who sees 33,000 of 100,000 conversations).
  const sights = search ? [`${visibleTo(v, p, 'set')} and ${search.where}`] : visibleApart(v, p);
  // Counted by status in one pass, each count a filter: grouping hashed every row by its status
  // (at 100,000, the largest counts 3–5 ms faster so).
  const counted = sights.map(
    (sight) => `select c.status from conversations c where ${unsighted} and ${sight}`,
  );
  const [row] = await db.query<{ active: number; unanswered: number; closed: number }>(
    `select count(*) filter (where status = 'active')::int as active,
       count(*) filter (where status = 'unanswered')::int as unanswered,
       count(*) filter (where status = 'closed')::int as closed
     from (${counted.join('\n union all\n')}) c`,
    p.values,
  );
  const active = Number(row?.active ?? 0);
  const unanswered = Number(row?.unanswered ?? 0);
  const closed = Number(row?.closed ?? 0);
  return { all: active + unanswered + closed, active, unanswered, closed };
}

/**
 * One conversation as this viewer sees it, or null when it does not exist or is not visible.
 * `scoped: false` only for the answer to a change the viewer just made that took it out of
 * their sight (a hand-over to another team): they are told how it ended, nothing after.
 */
export async function getConversation(
  db: Queryable,
  v: Viewer,
  id: string,
  scoped = true,
): Promise<Conversation | null> {
  const p = new Params();
  const me = p.add(v.id);
  const page = `select c.id, c.last_activity_at as sort_key, true as name_match from conversations c
    where c.id = ${p.add(id)} and ${scoped ? visibleTo(v, p) : 'true'}`;
  const rows = await db.query<ConversationRow>(
    `with page as (${page}) ${CONVERSATION_DETAILS(v, me, null)}`,
    p.values,
  );
  return rows[0] ? toConversation(rows[0], v) : null;
}
