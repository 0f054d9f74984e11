import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { listConversations } from '../../domain/conversation-query.js';
import { itemTextContains, itemTextHasEach, itemTextWords, textList } from '../../domain/sql.js';
import { viewerByToken, type Viewer } from '../../domain/users.js';
import {
  api,
  fetchAll,
  startServer,
  TOKENS,
  type Backend,
  type Conversation,
  type ConversationCounts,
  type ConversationPage,
  type Problem,
} from '../helpers.js';

const SPACE = 'sp_retail';
const STATUSES = ['active', 'unanswered', 'closed'] as const;
const ids = (list: readonly Conversation[]) => list.map((c) => c.id).sort();

/** The list, counts, search and scoping, checked against the seeded data in the database. */
export function conversationsSuite(backend: Backend): void {
  describe(`conversations (${backend.name})`, () => {
    let server: RunningServer;
    const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      server.services.db.query<T>(sql, params);
    const full: Record<string, Conversation[]> = {};

    before(async () => {
      server = await startServer(await backend.newStore());
      for (const [who, token] of Object.entries(TOKENS)) {
        if (who !== 'noNotes' && who !== 'admin' && who !== 'agent' && who !== 'agent2') continue;
        full[who] = await fetchAll(server, token, { spaceId: SPACE }, 200);
      }
    });
    after(() => server?.close());

    it('pages with the cursor through every row exactly once, in each sort order', async () => {
      const [{ n }] = (await q<{ n: number }>(
        'select count(*)::int as n from conversations where space_id = $1',
        [SPACE],
      )) as [{ n: number }];
      for (const sort of ['latest', 'waiting', 'newest']) {
        const rows = await fetchAll(server, TOKENS.admin, { spaceId: SPACE, sort }, 17);
        assert.equal(rows.length, n, sort);
        assert.equal(new Set(rows.map((r) => r.id)).size, n, `${sort}: duplicates`);
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          if (sort === 'latest') assert.ok(a.lastActivityAt >= b.lastActivityAt, 'latest order');
          if (sort === 'newest') assert.ok(a.createdAt >= b.createdAt, 'newest order');
          if (sort === 'waiting')
            assert.ok(
              b.waitingSince === null || (a.waitingSince !== null && a.waitingSince <= b.waitingSince),
              'waiting order',
            );
        }
      }
    });

    it('rejects a cursor from another sort order', async () => {
      const page = await api<ConversationPage>(server, `/api/conversations?spaceId=${SPACE}&limit=5`, {
        token: TOKENS.admin,
      });
      const res = await api<Problem>(
        server,
        `/api/conversations?spaceId=${SPACE}&sort=newest&cursor=${page.body.nextCursor}`,
        { token: TOKENS.admin },
      );
      assert.equal(res.status, 400);
      assert.equal(res.body.errors?.[0]?.path, 'query.cursor');
    });

    it('scopes by role: admin sees the whole space, agents their teams and their own', async () => {
      const [{ n }] = (await q<{ n: number }>(
        'select count(*)::int as n from conversations where space_id = $1',
        [SPACE],
      )) as [{ n: number }];
      assert.equal(full.admin!.length, n);
      for (const [who, user, teams] of [
        ['agent', 'usr_aiko', ['tm_support']],
        ['noNotes', 'usr_samir', ['tm_sales']],
        ['agent2', 'usr_joao', ['tm_sales', 'tm_billing']],
      ] as const) {
        const expected = await q<{ id: string }>(
          `select c.id from conversations c where c.space_id = $1 and (
             exists (select 1 from conversation_teams t join team_members m on m.team_id = t.team_id where t.conversation_id = c.id and m.user_id = $2)
             or exists (select 1 from conversation_assignees a where a.conversation_id = c.id and a.user_id = $2))`,
          [SPACE, user],
        );
        const list = full[who]!;
        assert.ok(list.length > 0 && list.length < n, who);
        assert.deepEqual(ids(list), expected.map((r) => r.id).sort(), who);
        assert.ok(
          list.every(
            (c) =>
              c.assigneeIds.includes(user) ||
              c.teamIds.some((t: string) => (teams as readonly string[]).includes(t)),
          ),
          who,
        );
        const hidden = full.admin!.find((c) => !list.some((x) => x.id === c.id))!;
        assert.equal(
          (await api(server, `/api/conversations/${hidden.id}`, { token: TOKENS[who] })).status,
          404,
          `${who} must not open ${hidden.id}`,
        );
      }
      assert.equal(
        (await api(server, `/api/conversations?spaceId=sp_wholesale`, { token: TOKENS.agent })).status,
        403,
      );
      const other = await fetchAll(server, TOKENS.twoSpaces, { spaceId: 'sp_wholesale' });
      assert.ok(other.length > 0 && other.every((c) => c.spaceId === 'sp_wholesale'));
    });

    it('applies every filter, alone and combined, exactly like the full list says', async () => {
      const users = {
        admin: 'usr_olivia',
        agent: 'usr_aiko',
        agent2: 'usr_joao',
        noNotes: 'usr_samir',
      } as const;
      let nonEmpty = 0;
      for (const [who, user] of Object.entries(users)) {
        const all = full[who]!;
        const teams = [undefined, 'tm_sales', 'tm_support', 'tm_billing'];
        for (const view of ['all', 'mine', 'closed_by_me'] as const) {
          for (const status of ['all', ...STATUSES] as const) {
            for (const teamId of teams) {
              for (const unread of [false, true]) {
                const expected = all.filter(
                  (c) =>
                    (view !== 'mine' || c.assigneeIds.includes(user)) &&
                    (view !== 'closed_by_me' || (c.status === 'closed' && c.closedBy === user)) &&
                    (status === 'all' || c.status === status) &&
                    (!teamId || c.teamIds.includes(teamId)) &&
                    (!unread || c.unreadCount > 0),
                );
                const params: Record<string, string> = {
                  spaceId: SPACE,
                  view,
                  status,
                  ...(teamId ? { teamId } : {}),
                  ...(unread ? { unread: 'true' } : {}),
                };
                const got = await fetchAll(server, TOKENS[who as keyof typeof users], params, 200);
                assert.deepEqual(ids(got), ids(expected), `${who} ${JSON.stringify(params)}`);
                if (expected.length > 0) nonEmpty++;
              }
            }
          }
        }
      }
      assert.ok(nonEmpty > 100, `the seed should make most combinations non-empty (got ${nonEmpty})`);
      // closed_by_me and mine are not empty for the agents the demo is about.
      assert.ok(full.agent!.some((c) => c.assigneeIds.includes('usr_aiko')));
      assert.ok(full.noNotes!.some((c) => c.closedBy === 'usr_samir'));
    });

    it('counts each status tab under the same filters, equal to the list lengths', async () => {
      // An agent sees their teams' conversations and those assigned to them, which the counts must
      // count once each. The assignments the API makes are to members of the conversation's teams;
      // one that outlived its assignee's membership is made here, on a conversation Aiko's team
      // does not hold.
      const [elsewhere] = await q<{ id: string }>(
        `select c.id from conversations c where c.space_id = $1 and not exists (
           select 1 from conversation_teams vt join team_members tm on tm.team_id = vt.team_id
           where vt.conversation_id = c.id and tm.user_id = 'usr_aiko') order by c.id limit 1`,
        [SPACE],
      );
      await q(`insert into conversation_assignees (conversation_id, user_id) values ($1, 'usr_aiko')`, [
        elsewhere!.id,
      ]);
      try {
        const agentSees = await fetchAll(server, TOKENS.agent, { spaceId: SPACE }, 200);
        assert.ok(agentSees.some((c) => c.id === elsewhere!.id));
        assert.ok(agentSees.some((c) => c.assigneeIds.includes('usr_aiko') && c.id !== elsewhere!.id));
        for (const [token, extra] of [
          [TOKENS.admin, {}],
          [TOKENS.agent, {}],
          [TOKENS.agent2, {}],
          [TOKENS.noNotes, { unread: 'true' }],
          [TOKENS.agent, { view: 'mine' }],
          [TOKENS.agent2, { teamId: 'tm_billing', unread: 'true' }],
          [TOKENS.noNotes, { view: 'closed_by_me' }],
          [TOKENS.admin, { q: 'order' }],
          // A number (matched on the contact's phone too) and an agent's search, who sees a part.
          [TOKENS.admin, { q: '7700' }],
          [TOKENS.agent, { q: '+44 7700' }],
        ] as const) {
          const params = { spaceId: SPACE, ...extra } as Record<string, string>;
          const counts = await api<ConversationCounts>(
            server,
            `/api/conversations/counts?${new URLSearchParams(params)}`,
            { token },
          );
          assert.equal(counts.status, 200);
          let sum = 0;
          for (const status of STATUSES) {
            const list = await fetchAll(server, token, { ...params, status }, 200);
            assert.equal(counts.body[status], list.length, `${status} ${JSON.stringify(extra)}`);
            sum += list.length;
          }
          assert.equal(counts.body.all, sum);
          assert.equal(counts.body.all, (await fetchAll(server, token, params, 200)).length);
        }
      } finally {
        await q(`delete from conversation_assignees where conversation_id = $1 and user_id = 'usr_aiko'`, [
          elsewhere!.id,
        ]);
      }
    });

    it('pages a search that most conversations match alike when it walks the list and when the indexes find it', async () => {
      const everything = await fetchAll(server, TOKENS.admin, { spaceId: SPACE }, 200);
      /** Every page of `limit`, following the cursors; `walkFrom: 0` walks even this small a list. */
      const pages = async (viewer: Viewer, q: string, limit: number, walkFrom?: number) => {
        const found: [string, number | null][] = [];
        let cursor: string | undefined;
        do {
          const page = await listConversations(
            server.services.db,
            viewer,
            { spaceId: SPACE, q, limit, ...(cursor ? { cursor } : {}) },
            server.services.cursors,
            walkFrom === undefined ? {} : { walkFrom },
          );
          found.push(...page.items.map((c): [string, number | null] => [c.id, c.searchMatch?.seq ?? null]));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return found;
      };
      // One word, which only the phrase finds, and two words that most items hold apart.
      for (const q of ['the', 'you the'])
        for (const token of [TOKENS.admin, TOKENS.agent]) {
          const viewer = (await viewerByToken(server.services.db, token))!;
          // Pages of 5 fill up within the first conversations in list order; a page of 200 never does.
          const large = await pages(viewer, q, 200);
          assert.deepEqual(await pages(viewer, q, 5, 0), large);
          if (token === TOKENS.admin)
            assert.ok(
              large.length > everything.length / 2,
              `most conversations hold "${q}" (${large.length})`,
            );
        }
    });

    it('searches by contact name, by number, and by text in an old message', async () => {
      const [named] = await q<{ id: string; name: string; phone: string }>(
        `select c.id, ct.name, ct.phone from conversations c join contacts ct on ct.id = c.contact_id
         where c.space_id = $1 and ct.name ~ '^[A-Za-z]+ [A-Za-z]+$' order by c.id limit 1`,
        [SPACE],
      );
      const byName = await fetchAll(
        server,
        TOKENS.admin,
        { spaceId: SPACE, q: named!.name.split(' ')[1]!.toLowerCase() },
        200,
      );
      assert.ok(
        byName.some((c) => c.id === named!.id),
        'name match',
      );
      const byNumber = await fetchAll(
        server,
        TOKENS.admin,
        { spaceId: SPACE, q: named!.phone.slice(-7) },
        200,
      );
      assert.ok(
        byNumber.some((c) => c.id === named!.id),
        'number match',
      );
      assert.ok(byNumber.every((c) => c.contact.phone.includes(named!.phone.slice(-7)) || c.searchMatch));

      const [old] = await q<{ id: string; text: string; seq: number }>(
        `select c.id, i.text, i.seq from conversations c join timeline_items i on i.conversation_id = c.id
         where c.space_id = $1 and i.kind = 'message' and i.seq = 2 and c.last_seq >= 10 and i.text ~ 'NW-[0-9]+' order by c.id limit 1`,
        [SPACE],
      );
      const ref = /NW-\d+/.exec(old!.text)![0];
      const hits = await fetchAll(server, TOKENS.admin, { spaceId: SPACE, q: ref }, 200);
      assert.deepEqual(ids(hits), [old!.id]);
      assert.equal(hits[0]?.searchMatch?.seq, 2);
      assert.ok(hits[0]?.searchMatch?.text.includes(ref));
      // Several words, in any order, through the text-search index.
      const words = old!.text
        .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
        .split(/\s+/)
        .filter((w) => w.length > 3)
        .slice(0, 2)
        .reverse()
        .join(' ');
      if (words.split(' ').length === 2) {
        const wordHits = await fetchAll(server, TOKENS.admin, { spaceId: SPACE, q: `${words} ${ref}` }, 200);
        assert.ok(
          wordHits.some((c) => c.id === old!.id),
          `words "${words} ${ref}"`,
        );
      }
      assert.equal(
        (await fetchAll(server, TOKENS.admin, { spaceId: SPACE, q: 'zzqx-no-such-text' })).length,
        0,
      );
      assert.equal(
        (await fetchAll(server, TOKENS.admin, { spaceId: SPACE, q: '100%_' })).length,
        0,
        'LIKE wildcards are literal',
      );
    });

    it('never finds note text, nor shows a note preview, for an agent without note access', async () => {
      const [note] = await q<{ id: string; text: string }>(
        `select c.id, i.text from conversations c join timeline_items i on i.conversation_id = c.id
         join conversation_teams t on t.conversation_id = c.id
         where c.space_id = $1 and i.kind = 'note' and t.team_id = 'tm_sales' order by c.id limit 1`,
        [SPACE],
      );
      const token = /NB-\d+/.exec(note!.text)![0];
      const adminHits = await fetchAll(server, TOKENS.admin, { spaceId: SPACE, q: token });
      assert.ok(adminHits.some((c) => c.id === note!.id && c.searchMatch?.text.includes(token)));
      assert.ok(
        full.noNotes!.some((c) => c.id === note!.id),
        'the no-notes agent can see the conversation',
      );
      assert.deepEqual(await fetchAll(server, TOKENS.noNotes, { spaceId: SPACE, q: token }), []);
      const counts = await api<ConversationCounts>(
        server,
        `/api/conversations/counts?spaceId=${SPACE}&q=${token}`,
        {
          token: TOKENS.noNotes,
        },
      );
      assert.equal(counts.body.all, 0);
      assert.ok(full.noNotes!.every((c) => c.lastMessage === null || c.lastMessage.kind === 'message'));
      assert.ok(
        full.admin!.some((c) => c.lastMessage?.kind === 'note'),
        'admins do see note previews',
      );
      const one = await api<Conversation>(server, `/api/conversations/${note!.id}`, {
        token: TOKENS.noNotes,
      });
      assert.notEqual(one.body.lastMessage?.kind, 'note');
    });

    it('searches without accents or case: "schroder" finds Schröder, "jose" finds José', async () => {
      const [a, b] = await q<{ id: string; contact_id: string }>(
        `select c.id, c.contact_id from conversations c where c.space_id = $1
           and (select count(*) from conversations x where x.contact_id = c.contact_id) = 1
         order by c.id limit 2`,
        [SPACE],
      );
      await q(`update contacts set name = 'Jürgen Schröder' where id = $1`, [a!.contact_id]);
      await q(`update contacts set name = 'José Peña' where id = $1`, [b!.contact_id]);
      const found = async (text: string) =>
        ids(await fetchAll(server, TOKENS.admin, { spaceId: SPACE, q: text }, 200));
      for (const text of ['schroder', 'SCHRÖDER', 'jurgen schroder', 'Schrö'])
        assert.ok((await found(text)).includes(a!.id), text);
      for (const text of ['jose', 'JOSE PENA', 'josé peña', 'Pena'])
        assert.ok((await found(text)).includes(b!.id), text);
      assert.ok(
        !(await found('schroeder')).includes(a!.id),
        'folding drops accents, it does not spell them out',
      );
      // Message text too, as a substring and as words in any order.
      const inbound = await api(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId: a!.id, text: 'Le café était très bon, merci Zoë' },
      });
      assert.equal(inbound.status, 201);
      for (const text of ['cafe etait', 'TRES cafe', 'zoe'])
        assert.ok((await found(text)).includes(a!.id), text);
    });

    it('finds a one-word query by its text alone: no item holds the word as a word but not as text', async () => {
      // A query of one word of letters, or of digits, skips the words index (conversation-query.ts).
      // Checked for every such word of the seed's messages, accented ones among them.
      const texts = await q<{ text: string }>(`select text from timeline_items where text is not null`);
      const words = [...new Set(texts.flatMap((r) => r.text.match(/\p{L}+|\d+/gu) ?? []))];
      assert.ok(words.length > 200 && words.some((w) => /[^\p{ASCII}]/u.test(w)), `${words.length} words`);
      const missed = await q<{ word: string }>(
        `select distinct w.word from ${textList('$1')} w(word) join timeline_items t
           on ${itemTextWords('t', 'w.word')} and not ${itemTextContains('t', `'%' || w.word || '%'`)}`,
        [JSON.stringify(words)],
      );
      assert.deepEqual(
        missed.map((r) => r.word),
        [],
      );
    });

    it('tests an item for the words of a query only once each is in its text, which never turns a match away', async () => {
      // The walk and a row's matched text test `itemTextHasEach` before building an item's words
      // (conversation-query.ts). Each message here is queried by its own words, which it holds as
      // words: none may fail the first test. The seed's messages, and texts the parser splits oddly.
      const [c] = await q<{ id: string }>(
        `select id from conversations where space_id = $1 order by id limit 1`,
        [SPACE],
      );
      for (const text of [
        "Order_nr 50% off-season: see https://shop.example/a_b?x=1 or mail ana.o'neil@example.com",
        'ÇA VA? Ÿves paid 3.14 for v2.0.1 in C:\\files\\back_up, «ok» — merci',
        'Straße ĲSSEL øre ﬁnal',
      ]) {
        const inbound = await api(server, '/demo/inbound', {
          method: 'POST',
          body: { conversationId: c!.id, text },
        });
        assert.equal(inbound.status, 201);
      }
      const [{ n }] = (await q<{ n: number }>(
        `select count(*)::int as n from timeline_items t where t.text is not null and ${itemTextWords('t', 't.text')}`,
      )) as [{ n: number }];
      assert.ok(n > 200, `${n} messages hold their own words`);
      const missed = await q<{ text: string }>(
        `select t.text from timeline_items t where t.text is not null
           and ${itemTextWords('t', 't.text')} and not ${itemTextHasEach('t', 't.text')}`,
      );
      assert.deepEqual(
        missed.map((r) => r.text),
        [],
      );
    });

    it('shows senders only to users with seeSenders', () => {
      assert.ok(full.admin!.every((c) => c.sender && c.sender.address));
      assert.ok(full.agent!.every((c) => c.sender === undefined));
    });
  });
}
