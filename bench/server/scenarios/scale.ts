import { spawnServer } from '../../../server/test/process/server-process.js';
import { generateScale, listFilterCombinations, SCALE_SEARCHES } from '../../../server/seed/scale.js';
import { load } from '../lib/load.js';
import { preparedStore } from '../lib/prepared-store.js';
import type { ResultRow, Scenario } from '../lib/scenario.js';

const SPACE = 'sp_retail';
/** An admin sees everything; an agent sees their teams' and their own (the costlier filter). */
const USERS = { admin: 'demo-admin-token', agent: 'demo-agent-token' } as const;

/**
 * List first pages (every filter combination), counts, search (its first page and the counts the
 * list asks for beside it) and timeline pages against a database holding --scales conversations
 * (10,000 and 100,000) with --items-per items each (20: 2,000,000 items at 100,000), generated
 * before the server starts; p50/p95 of --amount requests (100) from --connections connections (4),
 * a fifth of that per list combination and per search's counts. `--connections=1`
 * gives a request's own latency: with more connections than cores, each also waits for a core.
 * One run per scale: generating 100,000 conversations is the slow part, so --runs does not repeat it.
 */
export const scale: Scenario = {
  name: 'scale',
  description: 'list, counts, search and timeline latency as the inbox grows',
  async run(ctx) {
    const scales = (ctx.params.scales ?? '10000,100000').split(',').map(Number);
    const perConversation = Number(ctx.params['items-per'] ?? 20);
    const amount = Number(ctx.params.amount ?? 100);
    const connections = Number(ctx.params.connections ?? 4);
    const rows: ResultRow[] = [];
    for (const conversations of scales) {
      const t0 = performance.now();
      const prepared = await preparedStore(ctx.backend, (db) =>
        generateScale(db, {
          spaceId: SPACE,
          conversations,
          items: conversations * perConversation,
          log: ctx.log,
        }),
      );
      const seedSeconds = (performance.now() - t0) / 1000;
      ctx.log(`  ${conversations.toLocaleString('en')} conversations ready in ${seedSeconds.toFixed(0)} s`);
      try {
        const server = await spawnServer({
          ...prepared.store,
          simulatorIntervalMs: 0,
          rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
        });
        try {
          rows.push(
            ...(await measure(server.url, conversations, { amount, connections }, seedSeconds, ctx.log)),
          );
        } finally {
          await server.close();
        }
      } finally {
        await prepared.dispose();
      }
    }
    return rows;
  },
};

async function measure(
  base: string,
  scaleN: number,
  { amount, connections }: { amount: number; connections: number },
  seedSeconds: number,
  log: (line: string) => void,
): Promise<ResultRow[]> {
  const at = `${(scaleN / 1000).toLocaleString('en')}k`;
  const rows: ResultRow[] = [{ label: `${at}: generate`, figures: { seconds: seedSeconds } }];
  const row = async (label: string, path: string, token: string, requests = amount) => {
    const r = await load(new URL(path, base).href, token, { amount: requests, connections });
    rows.push({
      label: `${at}: ${label}`,
      figures: { p50_ms: r.p50, p95_ms: r.p95, rps: r.rps, errors: r.errors },
    });
    return r;
  };
  // Lists: the worst p95 over every combination, per user, and the combination it was; each user's
  // first requests (plans, caches) are not measured.
  for (const [who, token] of Object.entries(USERS)) {
    for (const query of listFilterCombinations(SPACE))
      await load(new URL(`/api/conversations?${query}`, base).href, token, { amount: 2, connections: 1 });
    let worst = { p50: 0, p95: 0, rps: 0, errors: 0, path: '' };
    let errors = 0;
    const p95s: number[] = [];
    for (const query of listFilterCombinations(SPACE)) {
      const path = `/api/conversations?${query}`;
      const r = await load(new URL(path, base).href, token, {
        amount: Math.max(20, amount / 5),
        connections,
      });
      errors += r.errors;
      p95s.push(r.p95);
      if (r.p95 > worst.p95) worst = { ...r, path };
    }
    p95s.sort((a, b) => a - b);
    rows.push({
      label: `${at}: list first page, ${who}, ${p95s.length} filter combinations`,
      figures: { p95_median_ms: p95s[p95s.length >> 1]!, p95_worst_ms: worst.p95, errors },
    });
    log(`  worst list for ${who}: ${worst.path.replace(/^.*\?/, '')}`);
    await row(`counts, ${who}`, `/api/conversations/counts?spaceId=${SPACE}`, token);
    await row(`counts, unread only, ${who}`, `/api/conversations/counts?spaceId=${SPACE}&unread=true`, token);
    for (const q of SCALE_SEARCHES)
      await row(
        `search "${q}", ${who}`,
        `/api/conversations?spaceId=${SPACE}&limit=50&q=${encodeURIComponent(q)}`,
        token,
      );
    // The status tabs count a search's matches: every one, where its page stops at 50.
    for (const q of SCALE_SEARCHES)
      await row(
        `counts of search "${q}", ${who}`,
        `/api/conversations/counts?spaceId=${SPACE}&q=${encodeURIComponent(q)}`,
        token,
        Math.max(20, amount / 5),
      );
  }
  await row('timeline newest page', '/api/conversations/cvg_1/timeline?limit=50', USERS.admin);
  await row('timeline older page', '/api/conversations/cvg_1/timeline?limit=50&beforeSeq=10', USERS.admin);
  return rows;
}
