import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import type { Simulator } from '../../channels/simulator.js';
import {
  api,
  openStream,
  TOKENS,
  type Backend,
  type Conversation,
  type MessageItem,
  type Problem,
} from '../helpers.js';
import {
  conversationOf,
  dispatchCount,
  newKey,
  send,
  setUndoWindow,
  sleep,
  startSendingServer,
  waitForStatus,
} from '../sending-helpers.js';

const SPACE = 'sp_retail';
const JOAO = TOKENS.agent2;

/** POST messages: the undo window, dispatch, receipts per channel, idempotency, cancel and retry. */
export function sendingSuite(backend: Backend): void {
  describe(`sending (${backend.name})`, () => {
    let server: RunningServer;
    let sim: Simulator;
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];

    before(async () => {
      ({ server, sim } = await startSendingServer(await backend.newStore()));
      await setUndoWindow(server, 1);
    });
    after(async () => {
      await Promise.all(streams.map((s) => s.close()));
      await server?.close();
    });

    it('schedules, then dispatches with exactly the receipts each channel has', async () => {
      const stream = await openStream(server, SPACE, JOAO);
      streams.push(stream);
      const cases = [
        ['sms', ['scheduled', 'queued', 'sent', 'delivered']],
        ['whatsapp', ['scheduled', 'queued', 'sent', 'delivered', 'read']],
        ['telegram', ['scheduled', 'queued', 'sent']],
      ] as const;
      await Promise.all(
        cases.map(async ([channel, expected]) => {
          const conversationId = await conversationOf(server, channel, 'tm_sales');
          const before = (
            await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: JOAO })
          ).body;
          const [sender] = await server.services.db.query<{ n: number }>(
            `select case when s.sent_on = current_date then s.sent_today else 0 end as n
             from senders s join conversations c on c.sender_id = s.id where c.id = $1`,
            [conversationId],
          );
          const key = newKey();
          const res = await send(server, JOAO, conversationId, { text: `Hello on ${channel}` }, key);
          assert.equal(res.status, 201, JSON.stringify(res.body));
          const item = res.body;
          assert.equal(item.status, 'scheduled');
          assert.equal(item.direction, 'out');
          assert.equal(item.authorId, 'usr_joao');
          assert.equal(item.clientMessageId, key);
          assert.equal(item.seq, before.lastSeq + 1);
          const due = Date.parse(item.scheduledFor ?? '') - Date.parse(item.createdAt);
          assert.equal(due, 1000, 'scheduled the undo window (1 s) after it was written');

          const update = await stream.next(
            'conversation.updated',
            (d) =>
              d.conversation.id === conversationId &&
              d.conversation.lastMessage?.text === `Hello on ${channel}`,
            `${channel} preview`,
          );
          assert.ok(update.data.conversation.version > before.version);
          const final = await waitForStatus(
            server,
            JOAO,
            conversationId,
            item.id,
            expected[expected.length - 1]!,
          );
          assert.equal(final.failureReason, null);
          // The stream serves the last step after the database has it: wait for it there too.
          await stream.next(
            'timeline.item',
            (d) => d.item.id === item.id && (d.item as MessageItem).status === final.status,
            `${channel} ${final.status} on the stream`,
          );
          await sleep(150); // no receipt the channel does not have arrives late
          const seen = stream
            .ofType('timeline.item')
            .filter((e) => e.data.item.id === item.id)
            .map((e) => (e.data.item as MessageItem).status);
          // One event per change, in order, none the channel does not have. An event carries the
          // item as it is when the feed reads it (snapshot.ts): a step the feed serves late shows
          // the step after it, never one before.
          assert.equal(seen.length, expected.length, `${channel}: ${seen.join(', ')}`);
          const order: readonly string[] = expected;
          seen.forEach((status, i) => {
            const at = order.indexOf(status);
            const before = i === 0 ? 0 : order.indexOf(seen[i - 1]!);
            assert.ok(at >= i && at >= before, `${channel}: ${seen.join(', ')}`);
          });
          assert.equal(seen.at(-1), expected.at(-1), channel);
          // In log order, each once (ids crossing a digit boundary, 9 → 10, included).
          const ids = stream.events.map((e) => BigInt(e.id ?? '0'));
          assert.ok(
            ids.every((id, k) => k === 0 || id > ids[k - 1]!),
            ids.join(','),
          );
          assert.equal(dispatchCount(sim, item.id), 1);
          const [after] = await server.services.db.query<{ n: number }>(
            `select s.sent_today as n from senders s join conversations c on c.sender_id = s.id where c.id = $1`,
            [conversationId],
          );
          assert.ok(Number(after!.n) >= Number(sender!.n) + 1, 'the sender counts the message');
        }),
      );
    });

    it('answers a replayed key with the original message, and makes one row even for two at once', async () => {
      const conversationId = await conversationOf(server, 'whatsapp', 'tm_sales', 1);
      const key = newKey();
      const first = await send(server, JOAO, conversationId, { text: 'Only once' }, key);
      assert.equal(first.status, 201);
      const again = await send(server, JOAO, conversationId, { text: 'Only once' }, key);
      assert.equal(again.status, 200);
      assert.equal(again.body.id, first.body.id);

      const racing = newKey();
      const [a, b] = await Promise.all([
        send(server, JOAO, conversationId, { text: 'Twice at once' }, racing),
        send(server, JOAO, conversationId, { text: 'Twice at once' }, racing),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 201]);
      assert.equal(a.body.id, b.body.id);
      const rows = await server.services.db.query<{ n: number }>(
        'select count(*)::int as n from timeline_items where client_message_id = any(array[$1, $2])',
        [key, racing],
      );
      assert.equal(Number(rows[0]!.n), 2);

      const later = await waitForStatus(server, JOAO, conversationId, first.body.id, 'read');
      const replay = await send(server, JOAO, conversationId, { text: 'Only once' }, key);
      assert.equal(replay.status, 200);
      assert.equal(replay.body.status, 'read', 'a replay shows the message as it is now');
      assert.equal(later.id, replay.body.id);
      assert.equal(dispatchCount(sim, first.body.id), 1);
      // The racing message was sent after the first, so its window may still be open here.
      await waitForStatus(server, JOAO, conversationId, a.body.id, 'read');
      assert.equal(dispatchCount(sim, a.body.id), 1);
    });

    it('refuses the same key for a different message', async () => {
      const conversationId = await conversationOf(server, 'sms', 'tm_sales', 1);
      const key = newKey();
      assert.equal((await send(server, JOAO, conversationId, { text: 'First' }, key)).status, 201);
      for (const [token, conv, text] of [
        [JOAO, conversationId, 'Something else'],
        [JOAO, await conversationOf(server, 'sms', 'tm_sales', 2), 'First'],
        [TOKENS.manager, conversationId, 'First'],
      ] as const) {
        const res = await send(server, token, conv, { text }, key);
        assert.equal(res.status, 409, JSON.stringify(res.body));
        const problem = res.body as unknown as Problem;
        assert.equal(problem.type, 'urn:inbox:problem:idempotency-key-reused');
        assert.match(problem.detail, /This Idempotency-Key was already used for a different message\./);
      }
    });

    it('checks the text against the channel, and the conversation against the sender', async () => {
      const sms = await conversationOf(server, 'sms', 'tm_sales', 3);
      const long = await send(server, JOAO, sms, { text: 'x'.repeat(1601) });
      assert.equal(long.status, 400);
      assert.equal(
        (long.body as unknown as Problem).detail,
        'SMS messages can be at most 1600 characters; this one has 1601.',
      );
      assert.equal((await send(server, JOAO, sms, { text: 'é'.repeat(1600) })).status, 201);
      const empty = await send(server, JOAO, sms, { text: '   ' });
      assert.equal(empty.status, 400);
      assert.equal((empty.body as unknown as Problem).detail, 'Write a message or attach a file.');
      const withFile = await send(server, JOAO, sms, { text: 'see attached', attachmentIds: ['att_x'] });
      assert.equal(withFile.status, 400);
      assert.equal((withFile.body as unknown as Problem).detail, "SMS messages can't carry attachments.");
      const missingKey = await api(server, `/api/conversations/${sms}/messages`, {
        token: JOAO,
        method: 'POST',
        body: { text: 'no key' },
      });
      assert.equal(missingKey.status, 400);
      // Aiko (Support) cannot see a Sales-only conversation: it does not exist for her.
      const [salesOnly] = await server.services.db.query<{ id: string }>(
        `select c.id from conversations c where c.space_id = $1
           and not exists (select 1 from conversation_teams t where t.conversation_id = c.id and t.team_id <> 'tm_sales')
           and not exists (select 1 from conversation_assignees a where a.conversation_id = c.id and a.user_id = 'usr_aiko')
         order by c.id limit 1`,
        [SPACE],
      );
      assert.equal((await send(server, TOKENS.agent, salesOnly!.id, { text: 'hi' })).status, 404);
    });

    it('undoes inside the window: cancelled, never dispatched; after dispatch it is too late', async () => {
      await setUndoWindow(server, 2);
      try {
        const conversationId = await conversationOf(server, 'whatsapp', 'tm_sales', 2);
        const res = await send(server, JOAO, conversationId, { text: 'Oops, wrong customer' });
        assert.equal(res.status, 201);
        const other = await api<Problem>(server, `/api/messages/${res.body.id}/cancel`, {
          token: TOKENS.manager,
          method: 'POST',
        });
        assert.equal(other.status, 403);
        const cancel = await api<MessageItem>(server, `/api/messages/${res.body.id}/cancel`, {
          token: JOAO,
          method: 'POST',
        });
        assert.equal(cancel.status, 200);
        assert.equal(cancel.body.status, 'cancelled');
        assert.equal(cancel.body.text, 'Oops, wrong customer');
        const twice = await api<MessageItem>(server, `/api/messages/${res.body.id}/cancel`, {
          token: JOAO,
          method: 'POST',
        });
        assert.equal(twice.status, 200);
        const conv = (
          await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: JOAO })
        ).body;
        assert.notEqual(conv.lastMessage?.text, 'Oops, wrong customer');
        await sleep(Date.parse(res.body.scheduledFor ?? '') - Date.now() + 400);
        assert.equal(dispatchCount(sim, res.body.id), 0, 'the simulator never saw it');
        const [row] = await server.services.db.query<{ status: string }>(
          'select status from timeline_items where id = $1',
          [res.body.id],
        );
        assert.equal(row!.status, 'cancelled');
      } finally {
        await setUndoWindow(server, 1);
      }
      const conversationId = await conversationOf(server, 'telegram', 'tm_sales', 1);
      const sent = await send(server, JOAO, conversationId, { text: 'Already gone' });
      await waitForStatus(server, JOAO, conversationId, sent.body.id, 'sent');
      const late = await api<Problem>(server, `/api/messages/${sent.body.id}/cancel`, {
        token: JOAO,
        method: 'POST',
      });
      assert.equal(late.status, 409);
      assert.equal(late.body.type, 'urn:inbox:problem:already-dispatched');
      assert.equal(late.body.detail, "This message was already sent, so it can't be undone.");
    });

    it('dispatches at once with an undo window of 0', async () => {
      await setUndoWindow(server, 0);
      try {
        const conversationId = await conversationOf(server, 'sms', 'tm_sales', 4);
        const res = await send(server, JOAO, conversationId, { text: 'No undo for this one' });
        assert.equal(res.status, 201);
        assert.equal(res.body.status, 'queued');
        assert.equal(res.body.scheduledFor, null);
        await waitForStatus(server, JOAO, conversationId, res.body.id, 'delivered');
        const cancel = await api<Problem>(server, `/api/messages/${res.body.id}/cancel`, {
          token: JOAO,
          method: 'POST',
        });
        assert.equal(cancel.status, 409);
        assert.equal(dispatchCount(sim, res.body.id), 1);
      } finally {
        await setUndoWindow(server, 1);
      }
    });

    it('fails for an unreachable number with a reason, and a retry sends it once the number is fixed', async () => {
      const conversationId = await conversationOf(server, 'sms', 'tm_sales', 5);
      const [contact] = await server.services.db.query<{ id: string; phone: string }>(
        'select ct.id, ct.phone from contacts ct join conversations c on c.contact_id = ct.id where c.id = $1',
        [conversationId],
      );
      await server.services.db.query(`update contacts set phone = '+447700000000' where id = $1`, [
        contact!.id,
      ]);
      const res = await send(server, JOAO, conversationId, { text: 'Can you hear me?' });
      const failed = await waitForStatus(server, JOAO, conversationId, res.body.id, 'failed');
      assert.equal(failed.failureReason, 'The number is not reachable.');

      const notFailed = await send(server, JOAO, conversationId, { text: 'fine' });
      const bad = await api<Problem>(server, `/api/messages/${notFailed.body.id}/retry`, {
        token: JOAO,
        method: 'POST',
      });
      assert.equal(bad.status, 409);
      assert.match(bad.body.detail, /Only a failed message can be sent again/);

      await server.services.db.query('update contacts set phone = $2 where id = $1', [
        contact!.id,
        contact!.phone,
      ]);
      const retry = await api<MessageItem>(server, `/api/messages/${res.body.id}/retry`, {
        token: TOKENS.manager,
        method: 'POST',
      });
      assert.equal(retry.status, 200);
      assert.equal(retry.body.status, 'queued');
      assert.equal(retry.body.failureReason, null);
      await waitForStatus(server, JOAO, conversationId, res.body.id, 'delivered');
      assert.equal(dispatchCount(sim, res.body.id), 2, 'once failed, once after the retry');
      const again = await api<Problem>(server, `/api/messages/${res.body.id}/retry`, {
        token: JOAO,
        method: 'POST',
      });
      assert.equal(again.status, 409);
    });
  });
}
