import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import type { Queryable, Row } from '../../db/db.js';
import { listConversations } from '../../domain/conversation-query.js';
import { viewerByToken } from '../../domain/users.js';
import { api, fetchAll, startServer, TOKENS, type Backend, type Conversation } from '../helpers.js';

const SPACE = 'sp_retail';

/** Who sees what, per seeded role; search and note access; and the plan of a search on a big table. */
export function scopingSuite(backend: Backend): void {
  describe(`scoping and search plans (${backend.name})`, () => {
    let server: RunningServer;
    const q = <T extends Row>(sql: string, params: unknown[] = []) =>
      server.services.db.query<T>(sql, params);
    const ids = (list: readonly Conversation[]) => list.map((c) => c.id).sort();

    before(async () => {
      server = await startServer(await backend.newStore());
    });
    after(() => server?.close());

    /** What the database says a non-admin member may see: their teams' conversations and their own. */
    const expectedFor = async (user: string) =>
      (
        await q<{ id: string }>(
          `select c.id from conversations c where c.space_id = $1 and (
             exists (select 1 from conversation_teams t join team_members m on m.team_id = t.team_id
                     where t.conversation_id = c.id and m.user_id = $2)
             or exists (select 1 from conversation_assignees a where a.conversation_id = c.id and a.user_id = $2))`,
          [SPACE, user],
        )
      )
        .map((r) => r.id)
        .sort();

    it('admin: the whole space, and no other', async () => {
      const list = await fetchAll(server, TOKENS.admin, { spaceId: SPACE }, 200);
      const rows = await q<{ id: string }>('select id from conversations where space_id = $1', [SPACE]);
      assert.deepEqual(ids(list), rows.map((r) => r.id).sort());
      const other = await fetchAll(server, TOKENS.admin, { spaceId: 'sp_wholesale' }, 200);
      assert.ok(other.length > 0 && other.every((c) => c.spaceId === 'sp_wholesale'));
    });

    it('manager: their teams’ conversations and their own, never another team’s', async () => {
      const list = await fetchAll(server, TOKENS.manager, { spaceId: SPACE }, 200);
      const expected = await expectedFor('usr_marco');
      assert.deepEqual(ids(list), expected);
      assert.ok(
        list.every(
          (c) =>
            c.assigneeIds.includes('usr_marco') ||
            c.teamIds.some((t) => ['tm_sales', 'tm_support'].includes(t)),
        ),
      );
      const [billingOnly] = await q<{ id: string }>(
        `select c.id from conversations c where c.space_id = $1
           and not exists (select 1 from conversation_teams t where t.conversation_id = c.id and t.team_id <> 'tm_billing')
           and not exists (select 1 from conversation_assignees a where a.conversation_id = c.id and a.user_id = 'usr_marco')
         order by c.id limit 1`,
        [SPACE],
      );
      assert.ok(billingOnly, 'a billing-only conversation');
      assert.ok(!list.some((c) => c.id === billingOnly.id));
      assert.equal(
        (await api(server, `/api/conversations/${billingOnly.id}`, { token: TOKENS.manager })).status,
        404,
      );
      assert.equal(
        (await api(server, `/api/conversations/${billingOnly.id}`, { token: TOKENS.admin })).status,
        200,
      );
    });

    it('agent: their teams’ conversations or ones assigned to them', async () => {
      for (const [token, user] of [
        [TOKENS.agent, 'usr_aiko'],
        [TOKENS.twoSpaces, 'usr_lena'],
      ] as const) {
        const list = await fetchAll(server, token, { spaceId: SPACE }, 200);
        assert.deepEqual(ids(list), await expectedFor(user), user);
      }
      // Assigned without the team: still visible.
      const [assigned] = await q<{ id: string }>(
        `select c.id from conversations c join conversation_assignees a on a.conversation_id = c.id and a.user_id = 'usr_aiko'
         where not exists (select 1 from conversation_teams t where t.conversation_id = c.id and t.team_id = 'tm_support')
         order by c.id limit 1`,
      );
      if (assigned) {
        assert.equal(
          (await api(server, `/api/conversations/${assigned.id}`, { token: TOKENS.agent })).status,
          200,
        );
      }
    });

    it('search finds a note-only token for a note reader, never for an agent without note access', async () => {
      const [note] = await q<{ id: string; text: string }>(
        `select c.id, i.text from conversations c join timeline_items i on i.conversation_id = c.id
         join conversation_teams t on t.conversation_id = c.id and t.team_id = 'tm_sales'
         where c.space_id = $1 and i.kind = 'note' order by c.id limit 1`,
        [SPACE],
      );
      assert.ok(note);
      const token = /NB-\d+/.exec(note.text)![0];
      const [{ n }] = (await q<{ n: number }>(
        `select count(*)::int as n from timeline_items where kind <> 'note' and text like $1`,
        [`%${token}%`],
      )) as [{ n: number }];
      assert.equal(n, 0, 'the token is in notes only');
      // João (agent, Sales, reads notes) and Samir (agent, Sales, no note access) both see the conversation.
      const reader = await fetchAll(server, TOKENS.agent2, { spaceId: SPACE, q: token });
      assert.ok(reader.some((c) => c.id === note.id && c.searchMatch?.text.includes(token)));
      const noNotes = await fetchAll(server, TOKENS.noNotes, { spaceId: SPACE, q: token });
      assert.deepEqual(noNotes, []);
      assert.ok(
        (await fetchAll(server, TOKENS.noNotes, { spaceId: SPACE })).some((c) => c.id === note.id),
        'Samir can see the conversation itself',
      );
    });

    // Query plans mean something on real Postgres only: this runs in the Postgres pass.
    if (backend.name === 'postgres')
      it('searches through the trigram / text-search indexes, not a scan of every timeline item', async () => {
        // A realistic table: ~65k more messages, so the planner's choice means something.
        await q(`insert into timeline_items (conversation_id, seq, kind, text, direction, status)
        select c.id, 100000 + g, 'message', 'Order update ' || md5(c.id || g::text) || ' thanks for waiting', 'in', 'delivered'
        from conversations c cross join generate_series(1, 200) g`);
        await q('analyze');
        const [old] = await q<{ text: string }>(
          `select i.text from timeline_items i where i.kind = 'message' and i.text ~ 'NW-[0-9]+' order by i.id limit 1`,
        );
        const ref = /NW-\d+/.exec(old!.text)![0];
        // Capture the exact SQL the list route runs, then EXPLAIN it with the same parameters.
        const captured: { sql: string; params: readonly unknown[] }[] = [];
        const capture: Queryable = {
          query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
            captured.push({ sql, params });
            return server.services.db.query<T>(sql, params);
          },
          exec: (sql) => server.services.db.exec(sql),
        };
        const viewer = (await viewerByToken(server.services.db, TOKENS.agent2))!;
        const page = await listConversations(
          capture,
          viewer,
          { spaceId: SPACE, q: ref, limit: 50 },
          server.services.cursors,
        );
        assert.ok(page.items.length >= 1);
        // The page's own statement (the list may first ask the catalogue how large it is).
        const { sql, params } = captured.find((s) => s.sql.includes('timeline_items'))!;
        const plan = (
          await q<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off) ${sql}`, [...params])
        )
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        if (process.env.INBOX_SHOW_PLAN) console.log(plan);
        assert.match(plan, /timeline_items_(text_fold_trgm|fold_tsv)/, plan);
        assert.doesNotMatch(plan, /Seq Scan on timeline_items/, plan);
      });
  });
}
