import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import {
  api,
  fetchAll,
  openStream,
  startServer,
  TOKENS,
  type Backend,
  type Conversation,
  type ConversationCounts,
  type Problem,
} from '../helpers.js';

const SPACE = 'sp_retail';
const PROBLEM = /^application\/problem\+json/;

/** PUT /conversations/{id}/status: legal moves, If-Match, the timeline event and the realtime fan-out. */
export function statusSuite(backend: Backend): void {
  describe(`conversation status (${backend.name})`, () => {
    let server: RunningServer;
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    let all: Conversation[] = [];
    const taken = new Set<string>();

    before(async () => {
      server = await startServer(await backend.newStore(), { keepAliveMs: 60_000 });
      all = await fetchAll(server, TOKENS.admin, { spaceId: SPACE }, 200);
    });
    after(async () => {
      await Promise.all(streams.map((s) => s.close()));
      await server?.close();
    });

    /** A seeded conversation no other test of this suite has changed. */
    const pick = (pred: (c: Conversation) => boolean, what: string): Conversation => {
      const c = all.find((x) => !taken.has(x.id) && pred(x));
      assert.ok(c, `a seeded conversation: ${what}`);
      taken.add(c.id);
      return c;
    };
    const get = async (id: string, token: string = TOKENS.admin) =>
      (await api<Conversation>(server, `/api/conversations/${id}`, { token })).body;
    const put = <T = Conversation>(
      id: string,
      status: string,
      ifMatch?: string,
      token: string = TOKENS.admin,
    ) =>
      api<T>(server, `/api/conversations/${id}/status`, {
        token,
        method: 'PUT',
        body: { status },
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    const lastItem = async (id: string) =>
      (
        await server.services.db.query<{ seq: number; kind: string; event: unknown }>(
          'select seq, kind, event from timeline_items where conversation_id = $1 order by seq desc limit 1',
          [id],
        )
      )[0]!;

    it('makes every legal move with If-Match as "v", bare v or W/"v", bumping version and ETag', async () => {
      const c = pick((x) => x.status === 'unanswered', 'unanswered');
      const moves: [string, string, (v: number) => string][] = [
        ['unanswered', 'active', (v) => `"${v}"`],
        ['active', 'closed', (v) => `${v}`],
        ['closed', 'active', (v) => `W/"${v}"`],
        ['active', 'closed', (v) => `"${v - 1}", "${v}"`],
      ];
      let before = await get(c.id);
      for (const [from, to, header] of moves) {
        assert.equal(before.status, from);
        const res = await put(c.id, to, header(before.version));
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.status, to);
        assert.equal(res.body.version, before.version + 1);
        assert.equal(res.headers.get('etag'), `"${before.version + 1}"`);
        assert.equal(res.body.lastSeq, before.lastSeq + 1);
        assert.equal(res.body.lastActivityAt, before.lastActivityAt, 'a status change is not activity');
        if (to === 'closed') {
          assert.equal(res.body.closedBy, 'usr_olivia');
          assert.ok(res.body.closedAt && Date.parse(res.body.closedAt) > Date.now() - 60_000);
          assert.equal(res.body.waitingSince, null, 'nobody waits on a closed conversation');
        } else {
          assert.equal(res.body.closedAt, null);
          assert.equal(res.body.closedBy, null);
        }
        const item = await lastItem(c.id);
        assert.equal(Number(item.seq), res.body.lastSeq);
        assert.equal(item.kind, 'event');
        assert.deepEqual(item.event, {
          type: 'status_changed',
          from,
          to,
          reason: 'agent',
          actorId: 'usr_olivia',
        });
        assert.deepEqual(await get(c.id), res.body);
        before = res.body;
      }

      const other = pick((x) => x.status === 'unanswered', 'another unanswered');
      const closed = await put(other.id, 'closed', `"${other.version}"`, TOKENS.admin);
      assert.equal(closed.status, 200);
      assert.equal(closed.body.status, 'closed');
      assert.deepEqual((await lastItem(other.id)).event, {
        type: 'status_changed',
        from: 'unanswered',
        to: 'closed',
        reason: 'agent',
        actorId: 'usr_olivia',
      });
    });

    it('answers the same status with the conversation unchanged (no version bump, no event)', async () => {
      const c = pick((x) => x.status === 'active', 'active');
      const res = await put(c.id, 'active', `"${c.version}"`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), `"${c.version}"`);
      assert.deepEqual(res.body, await get(c.id));
      assert.equal(res.body.version, c.version);
      assert.equal(res.body.lastSeq, c.lastSeq);
    });

    it('answers 428 without If-Match and 400 for one that is not a version', async () => {
      const c = pick((x) => x.status === 'active', 'active');
      const res = await put<Problem>(c.id, 'closed');
      assert.equal(res.status, 428);
      assert.match(res.headers.get('content-type') ?? '', PROBLEM);
      assert.equal(res.body.type, 'urn:inbox:problem:precondition-required');
      assert.match(res.body.detail, /^Send If-Match with the conversation's version/);
      const bad = await put<Problem>(c.id, 'closed', 'yesterday');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors?.[0]?.path, 'header.if-match');
      assert.equal((await get(c.id)).version, c.version, 'nothing changed');
    });

    it('answers 412 with the conversation as it is now when the version is stale', async () => {
      const c = pick((x) => x.status === 'active' && x.teamIds.includes('tm_support'), 'active support');
      // A colleague closes it first…
      assert.equal((await put(c.id, 'closed', `"${c.version}"`, TOKENS.manager)).status, 200);
      // …then the agent, from the version they loaded, tries to close it too.
      const res = await put<Problem>(c.id, 'closed', `"${c.version}"`, TOKENS.agent);
      assert.equal(res.status, 412);
      assert.match(res.headers.get('content-type') ?? '', PROBLEM);
      assert.equal(res.body.type, 'urn:inbox:problem:precondition-failed');
      assert.match(res.body.detail, /^Someone changed this conversation after you loaded it/);
      assert.match(res.body.detail, /Closed now/);
      assert.equal(res.headers.get('etag'), `"${c.version + 1}"`);
      const now = await get(c.id, TOKENS.agent);
      assert.deepEqual(res.body.current, now, 'current is rendered for the agent');
      assert.equal(now.closedBy, 'usr_marco');
      assert.equal(now.sender, undefined, 'agents never see senders, not in `current` either');
    });

    it('lets only one of two simultaneous changes from the same version win', async () => {
      const c = pick((x) => x.status === 'active', 'active');
      const results = await Promise.all([
        put(c.id, 'closed', `"${c.version}"`, TOKENS.admin),
        put(c.id, 'closed', `"${c.version}"`, TOKENS.admin),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
      assert.equal((await get(c.id)).version, c.version + 1);
    });

    it('answers 409 illegal-status-change for a move back to Unanswered', async () => {
      for (const from of ['active', 'closed'] as const) {
        const c = pick((x) => x.status === from, from);
        const res = await put<Problem>(c.id, 'unanswered', `"${c.version}"`);
        assert.equal(res.status, 409, from);
        assert.match(res.headers.get('content-type') ?? '', PROBLEM);
        assert.equal(res.body.type, 'urn:inbox:problem:illegal-status-change');
        assert.equal(res.body.detail, "A conversation can't go back to Unanswered. Choose Active or Closed.");
        const after = await get(c.id);
        assert.equal(after.status, from);
        assert.equal(after.version, c.version);
      }
    });

    it('answers 404 for a conversation outside the user’s scope, and for one that does not exist', async () => {
      // Every seeded role may change status, so there is no 403 to provoke; scope is what limits agents.
      const me = await api<{ capabilities: { changeStatus: boolean } }>(server, '/api/me', {
        token: TOKENS.agent,
      });
      assert.equal(me.body.capabilities.changeStatus, true);
      const hidden = pick(
        (x) =>
          x.status === 'active' && !x.teamIds.includes('tm_support') && !x.assigneeIds.includes('usr_aiko'),
        'outside the support team',
      );
      const res = await put<Problem>(hidden.id, 'closed', `"${hidden.version}"`, TOKENS.agent);
      assert.equal(res.status, 404);
      assert.match(res.body.detail, /does not exist or is not visible to you/);
      assert.equal((await get(hidden.id)).version, hidden.version);
      assert.equal((await put(hidden.id, 'closed', `"${hidden.version}"`)).status, 200, 'the admin can');
      assert.equal((await put('cv_nope', 'closed', '"1"')).status, 404);
    });

    it('streams the change to a colleague who can see it, and moves the counts', async () => {
      const c = pick((x) => x.status === 'active' && x.teamIds.includes('tm_support'), 'active support');
      const counts = async () =>
        (
          await api<ConversationCounts>(server, `/api/conversations/counts?spaceId=${SPACE}`, {
            token: TOKENS.manager,
          })
        ).body;
      const before = await counts();
      const manager = await openStream(server, SPACE, TOKENS.manager);
      streams.push(manager);
      const res = await put(c.id, 'closed', `"${c.version}"`, TOKENS.agent);
      assert.equal(res.status, 200);
      const item = await manager.next(
        'timeline.item',
        (d) => d.item.conversationId === c.id && d.item.kind === 'event',
        'the status_changed item',
      );
      assert.deepEqual(item.data.item.kind === 'event' && item.data.item.event, {
        type: 'status_changed',
        from: 'active',
        to: 'closed',
        reason: 'agent',
        actorId: 'usr_aiko',
      });
      const updated = await manager.next('conversation.updated', (d) => d.conversation.id === c.id);
      assert.equal(updated.data.conversation.status, 'closed');
      assert.equal(updated.data.conversation.closedBy, 'usr_aiko');
      assert.equal(updated.data.conversation.version, c.version + 1);
      assert.ok(Number(item.id) < Number(updated.id), 'the item first, like the inbound path');
      const afterCounts = await counts();
      assert.deepEqual(afterCounts, {
        ...before,
        active: before.active - 1,
        closed: before.closed + 1,
      });
      const closedByAiko = await fetchAll(server, TOKENS.agent, { spaceId: SPACE, view: 'closed_by_me' });
      assert.ok(
        closedByAiko.some((x) => x.id === c.id),
        'it is in the agent’s Closed view',
      );
    });
  });
}
