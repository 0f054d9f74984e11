import { spawnServer, type ServerProcess } from '../../../server/test/process/server-process.js';
import { median, percentile, ratio } from '../../lib/stats.js';
import { openLightStream, timed, type LightStream } from '../lib/http.js';
import type { ResultRow, Scenario, ScenarioContext } from '../lib/scenario.js';

const SPACE = 'sp_retail';
/** The user holding the streams (sees their teams only) and another user asking for /me. */
const STREAMER = 'demo-agent-token';
const OTHER = 'demo-manager-token';
const MESSAGES = 10;

interface Sample {
  inboundTotal: number;
  inboundMedian: number;
  meMedian: number;
  meP95: number;
  fanout: number;
}

/** Conversations the streaming user sees, so every inbound message is rendered for their streams. */
async function visibleConversations(url: string): Promise<string[]> {
  const res = await timed(url, `/api/conversations?spaceId=${SPACE}&limit=${MESSAGES}`, { token: STREAMER });
  const items = (res.body as { items: { id: string }[] }).items;
  if (items.length === 0) throw new Error('the streaming user sees no conversation');
  return items.map((c) => c.id);
}

/**
 * 10 inbound messages posted one after another while another user keeps asking for /me; then
 * the wait until every open stream has the last message.
 */
async function measure(url: string, conversations: string[], streams: LightStream[]): Promise<Sample> {
  const me: number[] = [];
  let busy = true;
  const meLoop = (async () => {
    while (busy) me.push((await timed(url, '/api/me', { token: OTHER })).ms);
  })();
  try {
    return await inboundAndFanOut(url, conversations, streams, me);
  } finally {
    busy = false;
    await meLoop.catch(() => {});
  }
}

async function inboundAndFanOut(
  url: string,
  conversations: string[],
  streams: LightStream[],
  me: number[],
): Promise<Sample> {
  const inbound: number[] = [];
  let lastId = '';
  const t0 = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const res = await timed(url, '/demo/inbound', {
      method: 'POST',
      body: { conversationId: conversations[i % conversations.length], text: `bench ${i}` },
    });
    if (res.status !== 201) throw new Error(`inbound answered ${res.status}`);
    inbound.push(res.ms);
    lastId = (res.body as { id: string }).id;
  }
  const inboundTotal = performance.now() - t0;
  const deadline = Date.now() + 180_000;
  while (!streams.every((s) => s.saw(lastId))) {
    if (Date.now() > deadline) throw new Error('the streams never got the last message');
    await new Promise((r) => setTimeout(r, 10));
  }
  const fanout = performance.now() - t0;
  return {
    inboundTotal,
    inboundMedian: median(inbound),
    meMedian: median(me),
    meP95: percentile(me, 95),
    fanout,
  };
}

const medians = (samples: Sample[]) =>
  Object.fromEntries(
    (Object.keys(samples[0]!) as (keyof Sample)[]).map((k) => [k, median(samples.map((s) => s[k]))]),
  ) as unknown as Sample;

async function variant(
  ctx: ScenarioContext,
  label: string,
  streamCount: number,
  extra: Record<string, unknown>,
): Promise<ResultRow[]> {
  const server: ServerProcess = await spawnServer({
    ...(await ctx.backend.newStore()),
    keepAliveMs: 600_000,
    ...extra,
  });
  try {
    const conversations = await visibleConversations(server.url);
    // Warm-up (JIT, caches, the first query plans), not measured.
    await measure(server.url, conversations, []);
    const quiet: Sample[] = [];
    for (let r = 0; r < ctx.runs; r++) quiet.push(await measure(server.url, conversations, []));

    const opened = await Promise.all(
      Array.from({ length: streamCount }, () => openLightStream(server.url, SPACE, STREAMER)),
    );
    const open = opened.filter((s) => s.status === 200);
    const refused = opened.filter((s) => s.status === 429).length;
    const loaded: Sample[] = [];
    try {
      for (let r = 0; r < ctx.runs; r++) loaded.push(await measure(server.url, conversations, open));
    } finally {
      for (const s of opened) s.close();
    }
    const q = medians(quiet);
    const l = medians(loaded);
    const row = (name: string, s: Sample, streams: string, base?: Sample): ResultRow => ({
      label: `${ctx.backend.name} ${label} ${name}`,
      figures: {
        streams,
        'inbound ×10 ms': s.inboundTotal,
        'inbound median ms': s.inboundMedian,
        '/me median ms': s.meMedian,
        '/me p95 ms': s.meP95,
        'fan-out done ms': s.fanout,
        ...(base
          ? {
              'inbound ×': ratio(s.inboundTotal, base.inboundTotal),
              '/me ×': ratio(s.meMedian, base.meMedian),
            }
          : {}),
      },
    });
    return [
      row('0 streams', q, '0'),
      row(`${streamCount} asked`, l, `${open.length} open, ${refused} refused`, q),
    ];
  } finally {
    await server.close();
  }
}

/** The probe's finding: one user's 300 open streams against everyone else's latency. */
export const streams: Scenario = {
  name: 'streams',
  description:
    'One user opens N event streams (default 300); 10 inbound messages are posted and another user asks for /me, against the same with no streams.',
  async run(ctx) {
    const n = Number(ctx.params.streams ?? 300);
    const rows = await variant(ctx, 'default cap', n, {});
    // The same with the per-user cap lifted: what fan-out alone costs with every stream open.
    if (ctx.params.uncapped !== 'off')
      rows.push(...(await variant(ctx, 'cap lifted', n, { maxStreamsPerUser: n + 10 })));
    return rows;
  },
};
