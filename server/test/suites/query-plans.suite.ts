import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import type { Db, Queryable } from '../../db/db.js';
import { countConversations, listConversations } from '../../domain/conversation-query.js';
import { getTimeline } from '../../domain/timeline-page.js';
import { viewerByToken } from '../../domain/users.js';
import { generateScale, listFilterCombinations, SCALE_SEARCHES } from '../../seed/scale.js';
import { startServer, TOKENS, type Backend } from '../helpers.js';

const SPACE = 'sp_retail';
/**
 * Never read whole, whatever the query: the items (20 per conversation here) and the contacts.
 * A list page also walks conversations by an index in its order. Counts may read every
 * conversation they count, and the planner may hash a narrow table (a user's assignments, read
 * markers) when that is cheaper: what those cost at 100,000 is the benchmark's to measure.
 */
const NEVER_WHOLE = ['timeline_items', 'contacts'];
const PAGE_NEVER_WHOLE = [...NEVER_WHOLE, 'conversations'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const indexes = (node: PlanNode): string[] => [
  ...(node['Index Name'] ? [node['Index Name']] : []),
  ...(node.Plans ?? []).flatMap(indexes),
];

const wholeScans = (node: PlanNode, tables: readonly string[]): string[] => [
  ...(node['Node Type'] === 'Seq Scan' && tables.includes(node['Relation Name'] ?? '')
    ? [`Seq Scan on ${node['Relation Name']}`]
    : []),
  ...(node.Plans ?? []).flatMap((child) => wholeScans(child, tables)),
];

/**
 * Filters that build an item's words (`to_tsvector`) without first checking that each query word is
 * in its text (`~~ ALL`, itemTextHasEach in sql.ts). An index condition builds none.
 */
const wordsBuiltFirst = (node: PlanNode): string[] => [
  ...(node.Filter?.includes('to_tsvector') && !node.Filter.includes('~~ ALL') ? [node.Filter] : []),
  ...(node.Plans ?? []).flatMap(wordsBuiltFirst),
];

/** A Db whose every select is also EXPLAINed; `take()` hands over the plans since the last call. */
function explaining(db: Db): { db: Queryable; take(): Promise<{ sql: string; plan: PlanNode }[]> } {
  let pending: Promise<{ sql: string; plan: PlanNode }>[] = [];
  return {
    db: {
      query: (sql, params) => {
        if (/^\s*(with|select)\b/i.test(sql)) {
          pending.push(
            db
              .query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${sql}`, params)
              .then(([row]) => ({ sql, plan: row!['QUERY PLAN'][0].Plan })),
          );
        }
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    },
    async take() {
      const plans = await Promise.all(pending);
      pending = [];
      return plans;
    },
  };
}

/**
 * On an inbox of 10,000 conversations and 200,000 items, as the planner sees it after VACUUM
 * ANALYZE: every list filter, the counts, search and timeline pages reach the large tables
 * through their indexes. The latency these plans give at 100,000 conversations is
 * `npm run bench:server -- --scenario=scale`'s to measure.
 */
export function queryPlansSuite(backend: Backend): void {
  describe(`query plans at 10,000 conversations (${backend.name})`, () => {
    let server: RunningServer;

    before(async () => {
      server = await startServer(await backend.newStore(), { simulatorIntervalMs: 0 });
      await generateScale(server.services.db, { spaceId: SPACE, conversations: 10_000, items: 200_000 });
    });
    after(async () => {
      await server?.close();
    });

    it('reads lists, counts, search and timelines through indexes', async () => {
      const { db, cursors } = server.services;
      const explain = explaining(db);
      const found: string[] = [];
      /** `hashed`: the rows of the queries it names are tested against a hash of `of`. */
      type Hashed = { of: string; in?: RegExp };
      const check = async (what: string, tables = NEVER_WHOLE, walking?: RegExp, hashed?: Hashed) => {
        for (const { sql, plan } of await explain.take()) {
          const scans = wholeScans(plan, tables);
          if (scans.length)
            found.push(`${what}: ${scans.join(', ')} in ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
          if (walking && !indexes(plan).some((name) => walking.test(name)))
            found.push(`${what}: no ${walking} in ${indexes(plan).join(', ')}`);
          if (hashed && (hashed.in?.test(sql) ?? true) && !JSON.stringify(plan).includes('hashed SubPlan'))
            found.push(`${what}: the rows are not tested against a hash of ${hashed.of}`);
          for (const filter of wordsBuiltFirst(plan))
            found.push(
              `${what}: an item's words are built before its text is checked: ${filter.slice(0, 160)}`,
            );
        }
      };
      let checked = 0;
      for (const token of [TOKENS.admin, TOKENS.agent]) {
        const viewer = (await viewerByToken(db, token))!;
        const who = viewer.user.name;
        for (const query of listFilterCombinations(SPACE)) {
          const filters = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>;
          const list = {
            ...filters,
            spaceId: SPACE,
            limit: 50,
            unread: filters.unread === 'true',
          } as Parameters<typeof listConversations>[2];
          const page = await listConversations(explain.db, viewer, list, cursors);
          // Pages of everything in sight walk an index in their order; narrower views may start from
          // the user's own rows instead.
          const tables = list.view === 'all' && !list.unread ? PAGE_NEVER_WHOLE : NEVER_WHOLE;
          // Closed by me walks the user's closed conversations only, and Unanswered the unanswered
          // ones (Mine may start from the user's assignments instead), not the whole space's order.
          const walking =
            list.view === 'closed_by_me'
              ? /^conversations_closed_/
              : list.status !== 'unanswered'
                ? undefined
                : list.view === 'mine'
                  ? /^(conversations_unanswered_|conversation_assignees_user$)/
                  : /^conversations_unanswered_/;
          // Mine tests the rows it walks against one hash of the user's assignments, not an index
          // lookup each (see filters in conversation-query.ts).
          const mine = list.view === 'mine' ? { of: "the user's assignments" } : undefined;
          await check(`${who}, list ${query}`, tables, walking, mine);
          if (page.nextCursor) {
            await listConversations(explain.db, viewer, { ...list, cursor: page.nextCursor }, cursors);
            await check(`${who}, second page ${query}`, tables);
          }
          checked++;
        }
        await countConversations(explain.db, viewer, { spaceId: SPACE });
        await check(`${who}, counts`);
        for (const q of SCALE_SEARCHES) {
          await listConversations(explain.db, viewer, { spaceId: SPACE, limit: 50, q }, cursors);
          // A common word matches most conversations: hashing them with their contacts is then
          // the cheaper plan. The items, 20 times as many, are only ever read through the indexes.
          // An agent's page of every match tests them against a hash of each set they see (see
          // visibleTo's `hashes`); the walk in list order tests its rows one at a time.
          const sight = viewer.capabilities.seeAllConversations
            ? undefined
            : { of: "the agent's conversations", in: /\bmatched as materialized\b/ };
          await check(`${who}, search "${q}"`, ['timeline_items'], undefined, sight);
        }
      }
      const admin = (await viewerByToken(db, TOKENS.admin))!;
      await getTimeline(explain.db, admin, 'cvg_1', { limit: 50 });
      await getTimeline(explain.db, admin, 'cvg_1', { limit: 50, beforeSeq: 10 });
      await check('timeline');
      assert.ok(checked >= 40, `${checked} list filters checked`);
      assert.deepEqual(found, []);
    });
  });
}
