import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, TOKENS, waitFor, type Backend, type MessageItem } from '../helpers.js';
import {
  conversationOf,
  dispatchCount,
  send,
  setUndoWindow,
  sleep,
  startSendingServer,
  waitForStatus,
} from '../sending-helpers.js';

const JOAO = TOKENS.agent2;

/** Exactly-once dispatch: across a restart, racing cancels, and two server processes on one database. */
export function dispatchSuite(backend: Backend): void {
  describe(`dispatch exactly once (${backend.name})`, () => {
    it('dispatches a message left scheduled by a stopped server once, after the restart', async () => {
      const store = await backend.newStore({ persistent: true });
      const first = await startSendingServer(store);
      // A window the first server cannot reach before it stops, however slow the machine.
      await setUndoWindow(first.server, 30);
      const conversationId = await conversationOf(first.server, 'sms', 'tm_sales');
      const res = await send(first.server, JOAO, conversationId, { text: 'Sent across a restart' });
      assert.equal(res.status, 201);
      await first.server.close();
      assert.equal(dispatchCount(first.sim, res.body.id), 0);

      const second = await startSendingServer(store);
      try {
        // The window ends while the second server runs.
        await second.server.services.db.query(
          'update timeline_items set scheduled_for = now() where id = $1',
          [res.body.id],
        );
        await waitForStatus(second.server, JOAO, conversationId, res.body.id, 'delivered');
        await sleep(300);
        assert.equal(dispatchCount(second.sim, res.body.id), 1);
        const [row] = await second.server.services.db.query<{ n: number }>(
          'select dispatch_attempts as n from timeline_items where id = $1',
          [res.body.id],
        );
        assert.equal(Number(row!.n), 1);
      } finally {
        await second.server.close();
      }
    });

    it('takes over a message whose process died mid-dispatch once its claim is older than the lease', async () => {
      // A 60 s lease: the dead claim (61 s old) is past it, the live one stays within it however slow the run.
      const { server, sim } = await startSendingServer(await backend.newStore(), {
        dispatchLeaseSeconds: 60,
      });
      try {
        await setUndoWindow(server, 30);
        const conversationId = await conversationOf(server, 'telegram', 'tm_sales');
        const res = await send(server, JOAO, conversationId, { text: 'Claimed by a process that died' });
        const fresh = await send(server, JOAO, conversationId, { text: 'Claimed by a live process' });
        // As a crashed process leaves them: queued under a claim nobody will finish.
        await server.services.db.query(
          `update timeline_items set status = 'queued', dispatch_claimed_at = now() - $2::int * interval '1 second'
           where id = $1`,
          [res.body.id, 61],
        );
        await server.services.db.query(
          `update timeline_items set status = 'queued', dispatch_claimed_at = now() where id = $1`,
          [fresh.body.id],
        );
        await waitForStatus(server, JOAO, conversationId, res.body.id, 'sent');
        await sleep(300);
        assert.equal(dispatchCount(sim, res.body.id), 1);
        assert.equal(dispatchCount(sim, fresh.body.id), 0, 'a live claim is left alone');
      } finally {
        await server.close();
      }
    });

    it('never both cancels and dispatches a message when the cancel races the window’s end', async () => {
      const { server, sim } = await startSendingServer(await backend.newStore(), { dispatchPollMs: 5 });
      try {
        await setUndoWindow(server, 1);
        const conversations = await Promise.all(
          [0, 1, 2, 3, 4, 5].map((n) => conversationOf(server, n % 2 ? 'whatsapp' : 'sms', 'tm_sales', n)),
        );
        const outcomes = await Promise.all(
          conversations.map(async (conversationId, n) => {
            const res = await send(server, JOAO, conversationId, { text: `race ${n}` });
            // Aim the cancel around the end of the window, a little earlier or later each time.
            await sleep(Date.parse(res.body.scheduledFor ?? '') - Date.now() - 30 + n * 12);
            const cancel = await api<MessageItem>(server, `/api/messages/${res.body.id}/cancel`, {
              token: JOAO,
              method: 'POST',
            });
            return { id: res.body.id, conversationId, status: cancel.status };
          }),
        );
        await sleep(600);
        for (const o of outcomes) {
          const [row] = await server.services.db.query<{ status: string }>(
            'select status from timeline_items where id = $1',
            [o.id],
          );
          if (o.status === 200) {
            assert.equal(row!.status, 'cancelled');
            assert.equal(dispatchCount(sim, o.id), 0, 'a cancelled message is never dispatched');
          } else {
            assert.equal(o.status, 409);
            assert.notEqual(row!.status, 'cancelled');
            assert.equal(dispatchCount(sim, o.id), 1);
          }
        }
      } finally {
        await server.close();
      }
    });

    // Two processes need a shared database: this runs in the Postgres pass only (PGlite is one process).
    if (backend.name === 'postgres')
      it('two server processes on one database dispatch each message exactly once', async () => {
        const store = await backend.newStore();
        const a = await startSendingServer(store, { dispatchPollMs: 5 });
        const b = await startSendingServer(store, { dispatchPollMs: 5 });
        try {
          await setUndoWindow(a.server, 1);
          const ids: { id: string; conversationId: string }[] = [];
          await Promise.all(
            Array.from({ length: 24 }, async (_, n) => {
              const via = n % 2 ? a.server : b.server;
              const channel = (['sms', 'whatsapp', 'telegram'] as const)[n % 3]!;
              const conversationId = await conversationOf(via, channel, 'tm_sales', n % 6);
              const res = await send(via, JOAO, conversationId, { text: `fan-out ${n}` });
              assert.equal(res.status, 201);
              ids.push({ id: res.body.id, conversationId });
            }),
          );
          await waitFor(
            async () => {
              const rows = await a.server.services.db.query<{ n: number }>(
                `select count(*)::int as n from timeline_items
               where id in (select jsonb_array_elements_text($1::text::jsonb)) and status in ('sent', 'delivered', 'read')`,
                [JSON.stringify(ids.map((i) => i.id))],
              );
              return Number(rows[0]!.n) === ids.length;
            },
            'every message sent',
            15_000,
          );
          await sleep(300);
          for (const { id } of ids) {
            assert.equal(dispatchCount(a.sim, id) + dispatchCount(b.sim, id), 1, id);
          }
          assert.ok(a.sim.dispatched.length > 0 && b.sim.dispatched.length > 0, 'both processes dispatched');
        } finally {
          await a.server.close();
          await b.server.close();
        }
      });
  });
}
