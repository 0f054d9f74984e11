import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import {
  api,
  fetchAll,
  openStream,
  TOKENS,
  type Backend,
  type Conversation,
  type MessageItem,
  type Problem,
  type TimelineItem,
} from '../helpers.js';
import { conversationOf, newKey, startSendingServer, type TimelinePage } from '../sending-helpers.js';

const SPACE = 'sp_retail';
const SAMIR = TOKENS.noNotes;
const JOAO = TOKENS.agent2;

/** GET timeline paging, internal notes (never to a user without note access), read markers. */
export function timelineSuite(backend: Backend): void {
  describe(`timeline, notes and read markers (${backend.name})`, () => {
    let server: RunningServer;
    let conversationId = '';

    before(async () => {
      ({ server } = await startSendingServer(await backend.newStore()));
      conversationId = await conversationOf(server, 'whatsapp', 'tm_sales', 3);
      // A long history: 40 more replies.
      for (let i = 0; i < 40; i++) {
        await api(server, '/demo/inbound', { method: 'POST', body: { conversationId, text: `reply ${i}` } });
      }
    });
    after(() => server?.close());

    const page = (token: string, query: string) =>
      api<TimelinePage>(server, `/api/conversations/${conversationId}/timeline?${query}`, { token });

    /** Every page from the newest back to the first, by beforeSeq. */
    async function history(token: string, limit: number): Promise<{ items: TimelineItem[]; pages: number }> {
      const items: TimelineItem[] = [];
      let res = await page(token, `limit=${limit}`);
      let pages = 1;
      for (;;) {
        assert.equal(res.status, 200);
        const seqs = res.body.items.map((i) => i.seq);
        assert.deepEqual(
          seqs,
          [...seqs].sort((a, b) => a - b),
          'ascending within a page',
        );
        items.unshift(...res.body.items);
        if (!res.body.hasOlder) break;
        res = await page(token, `limit=${limit}&beforeSeq=${res.body.items[0]!.seq}`);
        if (++pages > 100) throw new Error('paging does not end');
      }
      return { items, pages };
    }

    it('pages back to seq 1 without gaps or duplicates, and fills a gap with afterSeq', async () => {
      const conv = (await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: JOAO }))
        .body;
      const { items, pages } = await history(JOAO, 7);
      assert.ok(pages >= 6);
      assert.deepEqual(
        items.map((i) => i.seq),
        Array.from({ length: conv.lastSeq }, (_, k) => k + 1),
      );
      const newest = await page(JOAO, 'limit=5');
      assert.deepEqual(
        newest.body.items.map((i) => i.seq),
        [conv.lastSeq - 4, conv.lastSeq - 3, conv.lastSeq - 2, conv.lastSeq - 1, conv.lastSeq],
      );
      const gap = await page(JOAO, 'afterSeq=10&beforeSeq=15');
      assert.deepEqual(
        gap.body.items.map((i) => i.seq),
        [11, 12, 13, 14],
      );
      assert.equal(gap.body.hasOlder, true);
      const after = await page(JOAO, `afterSeq=${conv.lastSeq - 2}&limit=10`);
      assert.deepEqual(
        after.body.items.map((i) => i.seq),
        [conv.lastSeq - 1, conv.lastSeq],
      );
      const first = await page(JOAO, 'beforeSeq=3');
      assert.deepEqual(
        first.body.items.map((i) => i.seq),
        [1, 2],
      );
      assert.equal(first.body.hasOlder, false);
      assert.equal((await page(TOKENS.agent, 'limit=5')).status, 404, 'Aiko (Support) cannot see it');
      assert.equal((await page(JOAO, 'limit=500')).status, 400);
    });

    it('keeps notes away from a user without note access: timeline, preview, search and stream', async () => {
      const samirStream = await openStream(server, SPACE, SAMIR);
      const joaoStream = await openStream(server, SPACE, JOAO);
      try {
        const denied = await api<Problem>(server, `/api/conversations/${conversationId}/notes`, {
          token: SAMIR,
          method: 'POST',
          headers: { 'idempotency-key': newKey() },
          body: { text: 'I may not' },
        });
        assert.equal(denied.status, 403);
        assert.equal(denied.body.detail, 'You may not write internal notes. Ask an admin for note access.');

        const key = newKey();
        const text = 'Internal: refund approved, ref NB-SECRET-77';
        const note = await api<TimelineItem>(server, `/api/conversations/${conversationId}/notes`, {
          token: JOAO,
          method: 'POST',
          headers: { 'idempotency-key': key },
          body: { text },
        });
        assert.equal(note.status, 201);
        assert.equal(note.body.kind, 'note');
        const replay = await api<TimelineItem>(server, `/api/conversations/${conversationId}/notes`, {
          token: JOAO,
          method: 'POST',
          headers: { 'idempotency-key': key },
          body: { text },
        });
        assert.equal(replay.status, 200);
        assert.equal(replay.body.id, note.body.id);

        await joaoStream.next('timeline.item', (d) => d.item.id === note.body.id, 'João gets the note');
        const joaoConv = (
          await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: JOAO })
        ).body;
        assert.equal(joaoConv.lastMessage?.kind, 'note');
        // Samir sees the conversation change, but nothing of the note.
        const update = await samirStream.next(
          'conversation.updated',
          (d) => d.conversation.id === conversationId,
          'Samir update',
        );
        assert.notEqual(update.data.conversation.lastMessage?.kind, 'note');
        const samirConv = (
          await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: SAMIR })
        ).body;
        assert.notEqual(samirConv.lastMessage?.kind, 'note');
        const { items } = await history(SAMIR, 9);
        assert.ok(items.length > 0 && items.every((i) => i.kind !== 'note'));
        assert.ok(!JSON.stringify(items).includes('NB-SECRET-77'));
        assert.deepEqual(await fetchAll(server, SAMIR, { spaceId: SPACE, q: 'NB-SECRET-77' }), []);
        assert.ok(
          (await fetchAll(server, JOAO, { spaceId: SPACE, q: 'NB-SECRET-77' })).some(
            (c) => c.id === conversationId,
          ),
        );
        const all = (await history(JOAO, 50)).items;
        assert.ok(all.some((i) => i.id === note.body.id));
        assert.ok(!JSON.stringify(samirStream.events).includes('NB-SECRET-77'));
        assert.ok(samirStream.ofType('timeline.item').every((e) => e.data.item.kind !== 'note'));
      } finally {
        await samirStream.close();
        await joaoStream.close();
      }
    });

    it('moves the read marker forward only; unread goes to 0 for that user alone', async () => {
      const res = await api<{ id: string; seq: number }>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId, text: 'Are you there?' },
      });
      const joaoStream = await openStream(server, SPACE, JOAO);
      const samirStream = await openStream(server, SPACE, SAMIR);
      try {
        const get = async (token: string) =>
          (await api<Conversation>(server, `/api/conversations/${conversationId}`, { token })).body;
        const before = await get(JOAO);
        assert.ok(before.unreadCount >= 1);
        const marked = await api<{ seq: number }>(server, `/api/conversations/${conversationId}/read`, {
          token: JOAO,
          method: 'PUT',
          body: { seq: res.body.seq },
        });
        assert.equal(marked.status, 200);
        assert.equal(marked.body.seq, res.body.seq);
        const update = await joaoStream.next(
          'conversation.updated',
          (d) => d.conversation.id === conversationId && d.conversation.unreadCount === 0,
          'João unread 0',
        );
        assert.equal(update.data.conversation.version, before.version, 'a read is not a shared change');
        assert.equal((await get(JOAO)).unreadCount, 0);
        assert.ok((await get(SAMIR)).unreadCount >= 1, 'Samir has not read it');
        const back = await api<{ seq: number }>(server, `/api/conversations/${conversationId}/read`, {
          token: JOAO,
          method: 'PUT',
          body: { seq: 1 },
        });
        assert.equal(back.body.seq, res.body.seq, 'never backwards');
        const future = await api<{ seq: number }>(server, `/api/conversations/${conversationId}/read`, {
          token: JOAO,
          method: 'PUT',
          body: { seq: 1_000_000 },
        });
        assert.equal(future.body.seq, before.lastSeq, 'never past the last item');
        // Samir's stream is ordered: a reply logged after the marker fences what he was told about it.
        const ping = await api<MessageItem>(server, '/demo/inbound', {
          method: 'POST',
          body: { conversationId, text: 'a reply after the marker' },
        });
        const fence = await samirStream.next('timeline.item', (d) => d.item.id === ping.body.id, 'the reply');
        const beforeFence = samirStream.events.slice(0, samirStream.events.indexOf(fence));
        assert.ok(
          !beforeFence.some(
            (e) => e.data?.type === 'conversation.updated' && e.data.conversation.id === conversationId,
          ),
          "Samir is not told about João's marker",
        );
      } finally {
        await joaoStream.close();
        await samirStream.close();
      }
    });
  });
}
