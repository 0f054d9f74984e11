import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import {
  api,
  openStream,
  startServer,
  TOKENS,
  waitFor,
  type Backend,
  type MessageItem,
  type Problem,
} from '../helpers.js';
import { spawnServer, type ServerProcess } from '../process/server-process.js';
import { conversationOf, send, setUndoWindow } from '../sending-helpers.js';

const JOAO = TOKENS.agent2;
const TODAY = `(select (now() at time zone time_zone)::date from tenants where id = 'tn_northwind')`;

/**
 * Three server processes on one Postgres, as behind a load balancer (plus one in this process to
 * set up and look at the database): events cross processes, limits and exactly-once hold across
 * them, and a process killed mid-load loses nothing.
 */
export function multiProcessSuite(backend: Backend): void {
  describe(`several server processes on one database (${backend.name})`, () => {
    let observer: RunningServer;
    let processes: ServerProcess[] = [];

    before(async () => {
      const store = await backend.newStore();
      observer = await startServer(store);
      await setUndoWindow(observer, 0);
      processes = await Promise.all(
        [0, 1, 2].map(() => spawnServer({ ...store, simulatorReceiptDelayMs: 100, dispatchPollMs: 50 })),
      );
    });
    after(async () => {
      await Promise.all(processes.map((p) => p.close()));
      await observer?.close();
    });

    it('streams an event made in one process to clients of the others', async () => {
      const [a, b, c] = processes as [ServerProcess, ServerProcess, ServerProcess];
      const onB = await openStream(b, 'sp_retail', TOKENS.admin);
      const onC = await openStream(c, 'sp_retail', TOKENS.agent2);
      try {
        const conversationId = await conversationOf(observer, 'sms', 'tm_sales');
        const res = await api<MessageItem>(a, '/demo/inbound', {
          method: 'POST',
          body: { conversationId, text: 'from process A' },
        });
        assert.equal(res.status, 201);
        for (const stream of [onB, onC])
          await stream.next('timeline.item', (d) => d.item.id === res.body.id, 'the item in another process');
      } finally {
        await Promise.all([onB.close(), onC.close()]);
      }
    });

    it('holds a sender’s daily limit across processes under concurrent sends', async () => {
      const conversationId = await conversationOf(observer, 'sms', 'tm_sales', 1);
      const [conv] = await observer.services.db.query<{ sender_id: string }>(
        'select sender_id from conversations where id = $1',
        [conversationId],
      );
      await observer.services.db.query(
        `update senders set daily_limit = 50, sent_today = 45, sent_on = ${TODAY} where id = $1`,
        [conv!.sender_id],
      );
      const results = await Promise.all(
        Array.from({ length: 15 }, (_, n) =>
          send(processes[n % 3]!, JOAO, conversationId, { text: `limited ${n}` }),
        ),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [...Array(5).fill(201), ...Array(10).fill(409)]);
      assert.ok(
        results
          .filter((r) => r.status === 409)
          .every((r) => (r.body as unknown as Problem).type === 'urn:inbox:problem:sender-limit-reached'),
      );
      const [row] = await observer.services.db.query<{ n: number }>(
        'select sent_today as n from senders where id = $1',
        [conv!.sender_id],
      );
      assert.equal(Number(row!.n), 50, 'the limit, exactly');
      await observer.services.db.query('update senders set daily_limit = 100000 where id = $1', [
        conv!.sender_id,
      ]);
    });

    it('dispatches every accepted message exactly once while one process is killed mid-load', async () => {
      await observer.services.db.query('update senders set daily_limit = 100000');
      const conversations = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((n) => conversationOf(observer, n % 2 ? 'whatsapp' : 'sms', 'tm_sales', n)),
      );
      const victim = processes[0]!;
      const texts: string[] = [];
      const sendRound = (round: number, targets: ServerProcess[]) =>
        Promise.all(
          conversations.map(async (conversationId, n) => {
            const text = `under load ${round}.${n}`;
            texts.push(text);
            // A request to the killed process may fail in flight; whether it was committed is checked below.
            await send(targets[n % targets.length]!, JOAO, conversationId, { text }).catch(() => null);
          }),
        );
      for (let round = 0; round < 4; round++) await sendRound(round, processes);
      // Killed while its dispatcher has messages with the provider (receipts come 100 ms apart).
      const killing = victim.kill();
      await sendRound(4, processes);
      await killing;
      for (let round = 5; round < 8; round++) await sendRound(round, processes.slice(1));

      const ids = async () =>
        observer.services.db.query<{ id: string; status: string }>(
          `select id, status from timeline_items
           where text in (select jsonb_array_elements_text($1::text::jsonb)) and direction = 'out'`,
          [JSON.stringify(texts)],
        );
      const done = (r: { status: string }) => r.status === 'delivered' || r.status === 'read';
      await waitFor(async () => (await ids()).every(done), 'every accepted message delivered', 30_000).catch(
        async (err: Error) => {
          const stuck = (await ids()).filter((r) => !done(r));
          throw new Error(`${err.message}: ${JSON.stringify(stuck)}`);
        },
      );
      const rows = await ids();
      assert.ok(rows.length >= 6 * 7, `${rows.length} messages accepted`);
      const ledger = await observer.services.db.query<{ item_id: string; n: number }>(
        `select item_id, count(*)::int as n from simulator_sends
         where item_id in (select jsonb_array_elements_text($1::text::jsonb)) group by item_id`,
        [JSON.stringify(rows.map((r) => r.id))],
      );
      assert.equal(ledger.length, rows.length, 'every accepted message reached the provider');
      assert.ok(
        ledger.every((r) => Number(r.n) === 1),
        'and each was sent exactly once',
      );
      processes = processes.slice(1);
    });
  });
}
