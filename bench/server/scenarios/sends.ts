import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { spawnServer } from '../../../server/test/process/server-process.js';
import { median, percentile } from '../../lib/stats.js';
import { timed } from '../lib/http.js';
import { preparedStore } from '../lib/prepared-store.js';
import type { Scenario } from '../lib/scenario.js';

const SPACE = 'sp_retail';
const TOKEN = 'demo-admin-token';

interface Sample {
  acceptedPerSecond: number;
  p50: number;
  p95: number;
  dispatchedPerSecond: number;
}

/**
 * --sends messages (1,000) posted from 8 connections at once to the open conversations, with the
 * undo window off so each is due at once: how many the API accepts per second and how fast, then
 * how many per second the dispatcher hands to the (simulated) provider until all are out.
 */
export const sends: Scenario = {
  name: 'sends',
  description: 'sends accepted per second with p95 latency, and dispatch throughput',
  async run(ctx) {
    const amount = Number(ctx.params.sends ?? 1000);
    // No undo window (each send is due at once), and senders whose daily limit is not the bottleneck.
    const prepared = await preparedStore(ctx.backend, (db) =>
      db.exec('update tenants set undo_window_seconds = 0; update senders set daily_limit = 1000000'),
    );
    const server = await spawnServer({
      ...prepared.store,
      simulatorIntervalMs: 0,
      keepAliveMs: 600_000,
      rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
    });
    try {
      const list = await timed(server.url, `/api/conversations?spaceId=${SPACE}&status=active&limit=50`, {
        token: TOKEN,
      });
      // The simulator fails numbers ending in 0000 on purpose: those would never count as sent.
      const targets = (list.body as { items: { id: string; contact: { phone: string } }[] }).items
        .filter((c) => !c.contact.phone.endsWith('0000'))
        .map((c) => c.id);
      const samples: Sample[] = [];
      for (let run = 0; run < ctx.runs; run++) {
        const before = server.sent.length;
        const times: number[] = [];
        let next = 0;
        const refusals = new Map<number, number>();
        const t0 = performance.now();
        const result = await new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: server.url,
              amount,
              connections: 8,
              requests: [
                {
                  method: 'POST',
                  setupRequest: (request) => ({
                    ...request,
                    path: `/api/conversations/${targets[next++ % targets.length]}/messages`,
                    headers: {
                      authorization: `Bearer ${TOKEN}`,
                      'content-type': 'application/json',
                      'idempotency-key': randomUUID(),
                    },
                    body: JSON.stringify({ text: `bench send ${next}` }),
                  }),
                },
              ],
            },
            (error, done) => (error ? reject(error) : resolve(done)),
          );
          instance.on('response', (_client, status, _bytes, ms) => {
            if (status === 201) times.push(ms);
            else refusals.set(status, (refusals.get(status) ?? 0) + 1);
          });
        });
        const acceptedSeconds = (performance.now() - t0) / 1000;
        if (times.length !== amount)
          ctx.log(
            `  only ${times.length} of ${amount} sends were accepted: ${JSON.stringify([...refusals])}`,
          );
        const deadline = Date.now() + 300_000;
        while (server.sent.length - before < times.length) {
          if (Date.now() > deadline) throw new Error('the dispatcher did not send everything in 5 minutes');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const dispatchSeconds = (performance.now() - t0) / 1000;
        samples.push({
          acceptedPerSecond: times.length / acceptedSeconds,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          dispatchedPerSecond: times.length / dispatchSeconds,
        });
        ctx.log(`  run ${run + 1}: ${result.non2xx} refused, ${result.errors} errors`);
      }
      const m = (key: keyof Sample) => median(samples.map((s) => s[key]));
      return [
        {
          label: `${ctx.backend.name}: ${amount.toLocaleString('en')} sends from 8 connections`,
          figures: {
            'accepted / s': m('acceptedPerSecond'),
            'p50 ms': m('p50'),
            'p95 ms': m('p95'),
            'dispatched / s': m('dispatchedPerSecond'),
          },
        },
      ];
    } finally {
      await server.close();
      await prepared.dispose();
    }
  },
};
