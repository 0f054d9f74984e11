import type { Db } from '../db/db.js';

export interface ScaleOptions {
  spaceId: string;
  conversations: number;
  /** Timeline items in all, spread evenly over the conversations. */
  items: number;
  /** Rows per statement: big enough to be fast, small enough for PGlite's memory. */
  batch?: number;
  log?(line: string): void;
}

/** Words the generated messages are made of: common ones, and rarer ones a search can single out. */
const WORDS = [
  'order',
  'delivery',
  'refund',
  'thanks',
  'hello',
  'parcel',
  'invoice',
  'payment',
  'address',
  'tomorrow',
  'today',
  'please',
  'help',
  'tracking',
  'number',
  'size',
  'colour',
  'return',
  'exchange',
  'store',
  'opening',
  'hours',
  'discount',
  'voucher',
  'account',
  'password',
  'courier',
  'late',
  'damaged',
  'box',
];
const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Goran',
  'Hana',
  'Ivo',
  'Júlia',
  'Kenji',
  'Lena',
];
const LAST = [
  'Silva',
  'Okafor',
  'Novak',
  'Tanaka',
  'Haddad',
  'Müller',
  'Rossi',
  'Kowalski',
  'Nguyen',
  'Dubois',
];

const sqlList = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Adds generated conversations to one space of a seeded database, with their contacts, teams,
 * assignees, read markers and timeline items, all in set-based SQL (generate_series), so 100,000
 * conversations and 2,000,000 items take minutes rather than hours. The shape follows the demo
 * seed: most conversations closed, an agent's share assigned to them, one in three waiting.
 */
export async function generateScale(db: Db, options: ScaleOptions): Promise<void> {
  const { spaceId, conversations: n } = options;
  const perConversation = Math.max(1, Math.round(options.items / n));
  const batch = options.batch ?? 20_000;
  const log = options.log ?? (() => {});
  // The customer writes the odd items (every 7th is a note): the last of theirs is what unread compares.
  let lastInbound = 0;
  for (let i = 1; i <= perConversation; i++) if (i % 2 === 1 && i % 7 !== 0) lastInbound = i;
  const [teams, users, profiles] = await Promise.all([
    db.query<{ id: string }>('select id from teams where space_id = $1 order by position', [spaceId]),
    db.query<{ id: string }>(
      `select u.id from users u join user_spaces us on us.user_id = u.id
       where us.space_id = $1 and u.inbox_access = 'granted' order by u.id`,
      [spaceId],
    ),
    db.query<{ id: string; channel: string }>(
      'select id, channel from sender_profiles where space_id = $1 order by id',
      [spaceId],
    ),
  ]);
  if (!teams.length || !users.length || !profiles.length) throw new Error(`space ${spaceId} is not seeded`);
  const teamIds = sqlList(teams.map((t) => t.id));
  const userIds = sqlList(users.map((u) => u.id));
  const profileIds = sqlList(profiles.map((p) => p.id));
  const channels = sqlList(profiles.map((p) => p.channel));
  const words = sqlList(WORDS);

  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    const range = `generate_series(${from}, ${to}) as g`;
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into contacts (id, space_id, name, phone, created_at)
         select 'ctg_' || g, $1,
           (${sqlList(FIRST)})[1 + g % ${FIRST.length}] || ' ' || (${sqlList(LAST)})[1 + (g / ${FIRST.length}) % ${LAST.length}] || ' ' || g,
           '+4478' || lpad(g::text, 9, '0'), now() - make_interval(mins => g)
         from ${range}`,
        [spaceId],
      );
      // One conversation per contact; the newest are the most recently active.
      await tx.query(
        `insert into conversations (id, space_id, channel, contact_id, sender_profile_id, status, origin,
           created_at, closed_at, closed_by, waiting_since, last_activity_at, last_seq, last_inbound_seq)
         select 'cvg_' || g, $1, (${channels})[p], 'ctg_' || g, (${profileIds})[p],
           s, 'inbound', now() - make_interval(mins => g * 3),
           case when s = 'closed' then now() - make_interval(mins => g * 2) end,
           case when s = 'closed' then (${userIds})[1 + g % ${users.length}] end,
           case when s = 'unanswered' then now() - make_interval(mins => g * 2) end,
           now() - make_interval(mins => g * 2), ${perConversation}, ${lastInbound}
         from (select g, 1 + g % ${profiles.length} as p,
                 case when g % 10 < 6 then 'closed' when g % 10 < 9 then 'active' else 'unanswered' end as s
               from ${range}) x`,
        [spaceId],
      );
      await tx.query(
        `insert into conversation_teams (conversation_id, team_id)
         select 'cvg_' || g, (${teamIds})[1 + g % ${teams.length}] from ${range}`,
      );
      // Two in three are assigned to someone; the rest wait in their team's queue.
      await tx.query(
        `insert into conversation_assignees (conversation_id, user_id)
         select 'cvg_' || g, (${userIds})[1 + g % ${users.length}] from ${range} where g % 3 <> 0`,
      );
      // Half have a reader's marker, half of those behind the customer's last message: unread.
      await tx.query(
        `insert into read_markers (user_id, conversation_id, seq)
         select (${userIds})[1 + g % ${users.length}], 'cvg_' || g,
           case when g % 4 = 0 then ${Math.max(0, lastInbound - 2)} else ${perConversation} end
         from ${range} where g % 2 = 0`,
      );
      // Items alternate customer and agent, every 7th a note, words drawn so searches find some.
      await tx.query(
        `insert into timeline_items (id, conversation_id, seq, kind, created_at, text, author_id, direction, status)
         select 'itg_' || g || '_' || i, 'cvg_' || g, i,
           case when i % 7 = 0 then 'note' else 'message' end,
           now() - make_interval(mins => g * 3) + make_interval(secs => i * 30),
           (${words})[1 + (g * 7 + i) % ${WORDS.length}] || ' ' || (${words})[1 + (g + i * 3) % ${WORDS.length}]
             || ' ' || (${words})[1 + (g * i) % ${WORDS.length}] || ' #' || g || '-' || i,
           case when i % 7 = 0 or i % 2 = 0 then (${userIds})[1 + g % ${users.length}] end,
           case when i % 7 = 0 then null when i % 2 = 0 then 'out' else 'in' end,
           case when i % 7 = 0 or i % 2 = 1 then null else 'delivered' end
         from ${range}, generate_series(1, ${perConversation}) as i`,
      );
    });
    log(`  generated ${to.toLocaleString('en')} of ${n.toLocaleString('en')} conversations`);
  }
  // As autovacuum would leave it: statistics for the planner, and a visibility map for index-only scans.
  await db.exec('vacuum analyze');
}

/** Every filter combination of a list's first page (view × status × unread × sort), as query strings. */
export function listFilterCombinations(spaceId: string): string[] {
  const queries: string[] = [];
  for (const view of ['all', 'mine', 'closed_by_me'])
    for (const status of ['all', 'unanswered', 'active', 'closed']) {
      // Closed by me is closed: the other statuses would only ever be empty.
      if (view === 'closed_by_me' && status !== 'all' && status !== 'closed') continue;
      for (const unread of [false, true])
        for (const sort of ['latest', 'waiting', 'newest'])
          queries.push(
            `spaceId=${spaceId}&limit=50&view=${view}&status=${status}&sort=${sort}${unread ? '&unread=true' : ''}`,
          );
    }
  return queries;
}

/** Searches people type: a common word, a rarer pair, part of a name, part of a number. */
export const SCALE_SEARCHES = ['refund', 'damaged box', 'Fatima Novak', '78000012'];
