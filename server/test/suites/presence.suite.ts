import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { prunePresence } from '../../domain/events-log.js';
import {
  api,
  fetchAll,
  streamPool,
  startServer,
  TOKENS,
  type Backend,
  type Conversation,
  type MessageItem,
  type Problem,
} from '../helpers.js';

const SPACE = 'sp_retail';

/** PUT /conversations/{id}/presence and the `presence` events it fans out. */
export function presenceSuite(backend: Backend): void {
  describe(`presence (${backend.name})`, () => {
    let server: RunningServer;
    const streams = streamPool(SPACE);
    const open = (token: string, lastEventId?: string) => streams.open(server, token, lastEventId);
    // Support-only: Aiko (agent) and Marco (manager) see it, Samir (sales agent) does not.
    let target: Conversation;
    let salesOnly: Conversation;

    before(async () => {
      server = await startServer(await backend.newStore(), { keepAliveMs: 60_000 });
      const all = await fetchAll(server, TOKENS.admin, { spaceId: SPACE }, 200);
      const t = all.find(
        (c) =>
          c.teamIds.length === 1 && c.teamIds[0] === 'tm_support' && !c.assigneeIds.includes('usr_samir'),
      );
      const s = all.find((c) => c.teamIds.includes('tm_sales'));
      assert.ok(t && s);
      [target, salesOnly] = [t, s];
    });
    after(async () => {
      await streams.closeAll();
      await server?.close();
    });

    const presence = (id: string, state: string, token: string) =>
      api<Problem | null>(server, `/api/conversations/${id}/presence`, {
        token,
        method: 'PUT',
        body: { state },
      });

    let presenceEventId = '';

    it('streams the full current list to everyone who can see the conversation', async () => {
      const manager = await open(TOKENS.manager);
      const samir = await open(TOKENS.noNotes);

      const viewing = await presence(target.id, 'viewing', TOKENS.agent);
      assert.equal(viewing.status, 204);
      const first = await manager.next('presence', (d) => d.conversationId === target.id, 'Aiko viewing');
      assert.equal(first.data.presence.length, 1);
      assert.equal(first.data.presence[0]?.userId, 'usr_aiko');
      assert.equal(first.data.presence[0]?.state, 'viewing');
      assert.ok(Date.parse(first.data.presence[0]?.at ?? '') > Date.now() - 60_000);

      assert.equal((await presence(target.id, 'typing', TOKENS.admin)).status, 204);
      const both = await manager.next(
        'presence',
        (d) => d.conversationId === target.id && d.presence.length === 2,
        'Aiko and Olivia',
      );
      assert.deepEqual(both.data.presence.map((p) => [p.userId, p.state]).sort(), [
        ['usr_aiko', 'viewing'],
        ['usr_olivia', 'typing'],
      ]);

      assert.equal((await presence(target.id, 'left', TOKENS.agent)).status, 204);
      const left = await manager.next(
        'presence',
        (d) => d.conversationId === target.id && !d.presence.some((p) => p.userId === 'usr_aiko'),
        'Aiko left',
      );
      assert.deepEqual(
        left.data.presence.map((p) => p.userId),
        ['usr_olivia'],
      );
      presenceEventId = left.id!;

      // Samir's stream is ordered: once a later event he may see arrives, the presence ones were skipped.
      const ping = await api<MessageItem>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId: salesOnly.id, text: 'ping for Samir' },
      });
      await samir.next('timeline.item', (d) => d.item.id === ping.body.id, 'Samir gets his item');
      assert.deepEqual(samir.ofType('presence'), [], 'no presence for a conversation he cannot see');
      assert.ok(!JSON.stringify(samir.events).includes(target.id));
    });

    it('drops entries older than 30 s from the list', async () => {
      assert.equal((await presence(target.id, 'viewing', TOKENS.manager)).status, 204);
      await server.services.db.query(
        "update presence set at = now() - interval '31 seconds' where conversation_id = $1 and user_id = 'usr_olivia'",
        [target.id],
      );
      const admin = await open(TOKENS.admin);
      assert.equal((await presence(target.id, 'typing', TOKENS.agent)).status, 204);
      const ev = await admin.next('presence', (d) => d.conversationId === target.id, 'fresh list');
      assert.deepEqual(ev.data.presence.map((p) => [p.userId, p.state]).sort(), [
        ['usr_aiko', 'typing'],
        ['usr_marco', 'viewing'],
      ]);
    });

    it('answers 404 for a conversation the user cannot see and 400 for an unknown state', async () => {
      const hidden = await presence(target.id, 'viewing', TOKENS.noNotes);
      assert.equal(hidden.status, 404);
      assert.match(hidden.body?.detail ?? '', /not visible to you/);
      const bad = await presence(target.id, 'sleeping', TOKENS.agent);
      assert.equal(bad.status, 400);
      assert.equal(bad.body?.errors?.[0]?.path, 'body.state');
    });

    it('prunes presence events early without breaking Last-Event-ID resume', async () => {
      // The newest events of the log are presence ones; prune them all.
      await server.services.db.query(
        "update events set created_at = created_at - interval '2 minutes' where type = 'presence'",
      );
      await prunePresence(server.services.db, 60, 30);
      const [{ n }] = (await server.services.db.query<{ n: number }>(
        "select count(*)::int as n from events where type = 'presence'",
      )) as [{ n: number }];
      assert.equal(n, 0);

      const resumed = await open(TOKENS.manager, presenceEventId);
      const ping = await api<MessageItem>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId: target.id, text: 'after the prune' },
      });
      await resumed.next('timeline.item', (d) => d.item.id === ping.body.id, 'live item after resume');
      assert.ok(!resumed.events.some((e) => e.data.type === 'resync'), 'no resync');
      assert.ok(resumed.events.every((e) => BigInt(e.id!) > BigInt(presenceEventId)));
    });
  });
}
