import { readFile } from 'node:fs/promises';
import { spawnServer } from '../../../server/test/process/server-process.js';
import { percentile, ratio } from '../../lib/stats.js';
import { openLightStream, timed, type LightStream } from '../lib/http.js';
import type { ResultRow, Scenario } from '../lib/scenario.js';

const SPACE = 'sp_retail';
/** Three kinds of reader (everything; notes but their teams; no notes): three renderings of an event. */
const TOKENS = ['demo-admin-token', 'demo-agent-token', 'demo-agent-nonotes-token'];
const EVENTS = 20;

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * One inbound message at a time (--events, 20) fanned out to --subscribers streams (100, 300 and
 * 1,000, shared by three kinds of reader): the p95 time until a stream has it, and the server's
 * CPU per event, whose growth with the subscribers is the writing of frames, not database work.
 */
export const fanout: Scenario = {
  name: 'fanout',
  description: 'one event fanned out to many SSE subscribers: arrival p95 and server CPU per event',
  async run(ctx) {
    const counts = (ctx.params.subscribers ?? '100,300,1000').split(',').map(Number);
    const events = Number(ctx.params.events ?? EVENTS);
    const rows: ResultRow[] = [];
    let baseCpu = NaN;
    for (const count of counts) {
      const server = await spawnServer({
        ...(await ctx.backend.newStore()),
        simulatorIntervalMs: 0,
        keepAliveMs: 600_000,
        maxStreamsPerUser: count,
        rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
      });
      const streams: LightStream[] = [];
      try {
        const list = await timed(server.url, `/api/conversations?spaceId=${SPACE}&limit=5`, {
          token: TOKENS[1],
        });
        const conversationId = (list.body as { items: { id: string }[] }).items[0]!.id;
        for (let i = 0; i < count; i++)
          streams.push(await openLightStream(server.url, SPACE, TOKENS[i % 3]!));
        const arrivals: number[] = [];
        const post = async (text: string) => {
          const t0 = performance.now();
          const res = await timed(server.url, '/demo/inbound', {
            method: 'POST',
            body: { conversationId, text },
          });
          const id = (res.body as { id: string }).id;
          const deadline = Date.now() + 60_000;
          while (!streams.every((s) => s.saw(id))) {
            if (Date.now() > deadline) throw new Error(`not every stream got ${id}`);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          return streams.map((s) => s.seenAt(id)! - t0);
        };
        await post('warm-up');
        const cpu0 = await cpuSeconds(server.pid);
        for (let e = 0; e < events; e++) arrivals.push(...(await post(`fan-out ${e}`)));
        const cpuMs = (((await cpuSeconds(server.pid)) - cpu0) * 1000) / events;
        if (Number.isNaN(baseCpu)) baseCpu = cpuMs;
        rows.push({
          label: `${ctx.backend.name}: ${count.toLocaleString('en')} subscribers`,
          figures: {
            'arrival p50 ms': percentile(arrivals, 50),
            'arrival p95 ms': percentile(arrivals, 95),
            'server CPU ms / event': cpuMs,
            'CPU / event / subscriber µs': (cpuMs * 1000) / count,
            [`CPU × ${counts[0]}`]: ratio(cpuMs, baseCpu),
          },
        });
      } finally {
        for (const s of streams) s.close();
        await server.close();
      }
    }
    return rows;
  },
};
