import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ledgerSends } from '../../channels/send-ledger.js';
import { startServer, TOKENS, waitFor, type Backend, type Store } from '../helpers.js';
import { spawnServer, type ServerProcess } from '../process/server-process.js';
import { conversationOf, send, setUndoWindow, sleep, waitForStatus } from '../sending-helpers.js';

const JOAO = TOKENS.agent2;

/** A seeded store with no undo window, and one of its SMS conversations. */
async function prepare(backend: Backend): Promise<{ store: Store; conversationId: string }> {
  const store = await backend.newStore({ persistent: true });
  const setup = await startServer(store);
  try {
    await setUndoWindow(setup, 0);
    return { store, conversationId: await conversationOf(setup, 'sms', 'tm_sales') };
  } finally {
    await setup.close();
  }
}

/** Reads the simulator's ledger and the message's attempts with a short-lived server of our own. */
async function ledgerOf(store: Store, itemId: string) {
  const check = await startServer(store);
  try {
    const [row] = await check.services.db.query<{ n: number }>(
      'select dispatch_attempts as n from timeline_items where id = $1',
      [itemId],
    );
    return { ...(await ledgerSends(check.services.db, itemId)), attempts: Number(row?.n ?? 0) };
  } finally {
    await check.close();
  }
}

/** Server processes killed with SIGKILL while the provider has a message: exactly one send, within seconds. */
export function crashSuite(backend: Backend): void {
  // PGlite is one process at a time: there, the process that takes over is the restart on the same data.
  const shared = backend.name === 'postgres';
  describe(`crash recovery of dispatch (${backend.name})`, () => {
    it('sends a message exactly once when its process dies between the provider call and the commit', async () => {
      const { store, conversationId } = await prepare(backend);
      const processes: ServerProcess[] = [];
      try {
        // Its provider takes messages at once but would answer the first receipt only in ten minutes.
        const a = await spawnServer({ ...store, simulatorReceiptDelayMs: 600_000, dispatchPollMs: 50 });
        processes.push(a);
        const successor = () => spawnServer({ ...store, simulatorReceiptDelayMs: 20, dispatchPollMs: 50 });
        const res = await send(a, JOAO, conversationId, { text: 'Sent by a process about to die' });
        assert.equal(res.status, 201);
        await waitFor(() => a.sent.includes(res.body.id), 'the provider to have the message');
        // Started only now, so it cannot claim the message first; A's live lease holds it off.
        if (shared) processes.push(await successor());
        await a.kill();

        const b = shared ? processes[1]! : await successor();
        if (!shared) processes.push(b);
        // The 5 s lease runs out and the other process sends it again under the same key.
        await waitForStatus(b, JOAO, conversationId, res.body.id, 'delivered', 15_000);
        assert.deepEqual(b.sent, [], 'the provider knew the key: nothing was sent twice');
        await Promise.all(processes.map((p) => p.close()));
        assert.deepEqual(await ledgerOf(store, res.body.id), { sends: 1, dispatches: 2, attempts: 2 });
      } finally {
        await Promise.all(processes.map((p) => p.close()));
      }
    });

    if (shared)
      it('leaves a live process’s claim alone past its lease: the heartbeat renews it', async () => {
        const { store, conversationId } = await prepare(backend);
        // A 2 s lease renewed every 0.67 s: a renewal would have to stall 1.3 s for B to take over.
        const slow = { ...store, dispatchLeaseSeconds: 2, dispatchPollMs: 50 };
        const a = await spawnServer({ ...slow, simulatorReceiptDelayMs: 600_000 });
        let b: ServerProcess | undefined;
        try {
          const res = await send(a, JOAO, conversationId, { text: 'Held by a live process' });
          await waitFor(() => a.sent.includes(res.body.id), 'the provider to have the message');
          // Started once A has it, so only the lease (not a race to claim) decides who sends it.
          b = await spawnServer({ ...slow, simulatorReceiptDelayMs: 20 });
          // Three leases long: without renewals B would have taken it over twice by now.
          await sleep(6000);
          assert.deepEqual((await ledgerOf(store, res.body.id)).dispatches, 1);
          assert.deepEqual(b.sent, []);
        } finally {
          await Promise.all([a.close(), b?.close()]);
        }
      });
  });
}
