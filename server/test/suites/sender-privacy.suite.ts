import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import {
  api,
  fetchAll,
  streamPool,
  TOKENS,
  type ApiResponse,
  type Backend,
  type Conversation,
} from '../helpers.js';
import { newKey, startSendingServer } from '../sending-helpers.js';

const SPACE = 'sp_retail';

/**
 * Agents never receive a sender's address: not from any route, not in a problem's `current`, not
 * in any event. Everything an agent is sent while the inbox is busy is collected and searched.
 */
export function senderPrivacySuite(backend: Backend): void {
  describe(`sender addresses stay with seeSenders (${backend.name})`, () => {
    let server: RunningServer;
    const streams = streamPool(SPACE);

    before(async () => {
      ({ server } = await startSendingServer(await backend.newStore(), { keepAliveMs: 60_000 }));
      await server.services.db.query('update tenants set undo_window_seconds = 0');
    });
    after(async () => {
      await streams.closeAll();
      await server?.close();
    });

    it('sends agents no sender address from any route or event', async () => {
      const addresses = (
        await server.services.db.query<{ address: string }>('select address from senders')
      ).map((r) => r.address);
      const agents = {
        agent: TOKENS.agent,
        noNotes: TOKENS.noNotes,
        agent2: TOKENS.agent2,
        twoSpaces: TOKENS.twoSpaces,
      };
      const seen: { where: string; body: unknown }[] = [];
      const get = async (token: string, path: string) => {
        const res = await api(server, path, { token });
        seen.push({ where: `GET ${path}`, body: res.body });
        return res;
      };
      const keep = <T>(where: string, res: ApiResponse<T>) => {
        seen.push({ where, body: res.body });
        return res;
      };
      const live = await Promise.all(Object.values(agents).map((token) => streams.open(server, token)));

      // Busy inbox: agents start conversations and send, a manager reassigns and tags, contacts reply.
      const started: Conversation[] = [];
      for (const [who, token, team] of [
        ['agent', TOKENS.agent, 'tm_support'],
        ['agent2', TOKENS.agent2, 'tm_sales'],
      ] as const) {
        const res = keep(
          `start by ${who}`,
          await api<Conversation>(server, '/api/conversations', {
            token,
            method: 'POST',
            headers: { 'idempotency-key': newKey() },
            body: {
              spaceId: SPACE,
              senderProfileId: 'spf_care_wa',
              teamId: team,
              phone: who === 'agent' ? '+447911123457' : '+5511987651234',
              text: `Hello from ${who}`,
            },
          }),
        );
        assert.equal(res.status, 201, JSON.stringify(res.body));
        started.push(res.body);
      }
      for (const c of started) {
        keep(
          'send',
          await api(server, `/api/conversations/${c.id}/messages`, {
            token: c.teamIds[0] === 'tm_support' ? TOKENS.agent : TOKENS.agent2,
            method: 'POST',
            headers: { 'idempotency-key': newKey() },
            body: { text: 'A second message' },
          }),
        );
        await api(server, '/demo/inbound', {
          method: 'POST',
          body: { conversationId: c.id, text: 'Thanks!' },
        });
      }
      const support = started[0]!;
      const current = await api<Conversation>(server, `/api/conversations/${support.id}`, {
        token: TOKENS.manager,
      });
      const moved = await api<Conversation>(server, `/api/conversations/${support.id}/assignment`, {
        token: TOKENS.manager,
        method: 'PUT',
        headers: { 'if-match': `"${current.body.version}"` },
        body: { teamIds: ['tm_support', 'tm_sales'], assigneeIds: ['usr_aiko', 'usr_samir'] },
      });
      assert.equal(moved.status, 200);
      const stale = await api(server, `/api/conversations/${support.id}/tags`, {
        token: TOKENS.agent,
        method: 'PUT',
        headers: { 'if-match': '"1"' },
        body: { tagIds: ['tag_vip'] },
      });
      keep('stale tags (412 with current)', stale);
      assert.equal(stale.status, 412);

      // Every read an agent makes.
      for (const [who, token] of Object.entries(agents)) {
        const me = await get(token, '/api/me');
        for (const space of (me.body as { spaces: { id: string }[] }).spaces.map((s) => s.id)) {
          for (const path of ['teams', 'users', 'sender-profiles', 'tags', 'conversations/counts'])
            await get(token, `/api/${path}?spaceId=${space}`);
          await get(token, `/api/contacts?spaceId=${space}&limit=200`);
          const list = await fetchAll(server, token, { spaceId: space }, 200);
          seen.push({ where: `${who} list ${space}`, body: list });
          for (const c of list.slice(0, 15)) {
            await get(token, `/api/conversations/${c.id}`);
            await get(token, `/api/conversations/${c.id}/timeline`);
          }
        }
        await get(token, '/api/channels');
        for (const phone of ['+447911000123', '+819012345678'])
          await get(
            token,
            `/api/sender-profiles/spf_care_sms/availability?phone=${encodeURIComponent(phone)}`,
          );
        for (const c of started) await get(token, `/api/conversations/${c.id}`);
      }

      // The streams have caught up with the last change before they are searched.
      await live[0]!.next(
        'conversation.updated',
        (d) => d.conversation.id === support.id && d.conversation.version >= moved.body.version,
      );
      await live[1]!.next('conversation.created', (d) => d.conversation.id === support.id, 'Samir gains it');
      for (const s of live) seen.push({ where: 'event stream', body: s.events });

      const leaks = seen.flatMap(({ where, body }) => {
        const text = JSON.stringify(body);
        return addresses.filter((a) => text.includes(a)).map((a) => `${where}: ${a}`);
      });
      assert.deepEqual(leaks, []);
      assert.ok(seen.length > 100, `enough was looked at (${seen.length} responses)`);

      // The same reads as an admin do carry addresses: the search above would have seen a leak.
      const adminList = JSON.stringify(await fetchAll(server, TOKENS.admin, { spaceId: SPACE }, 200));
      assert.ok(addresses.some((a) => adminList.includes(a)));
    });
  });
}
