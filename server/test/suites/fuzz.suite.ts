import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { loadContract } from '../../contract/openapi.js';
import { createRandom } from '../../seed/prng.js';
import { fuzzPlan, type FuzzCase, type KnownIds } from '../fuzz-cases.js';
import { api, startServer, TOKENS, type Backend } from '../helpers.js';

/** FUZZ_REQUESTS=0 sends every case (several thousand); FUZZ_SEED picks another shuffle. */
const BUDGET = Number(process.env.FUZZ_REQUESTS ?? 2500);
const SEED = Number(process.env.FUZZ_SEED ?? 20240501);

/** A detail a person can read: words, no control characters, no half characters, not a dump. */
const readable = (detail: unknown): detail is string =>
  typeof detail === 'string' &&
  detail.trim().length >= 10 &&
  detail.length <= 2000 &&
  /\p{L}{3}/u.test(detail) &&
  !/[\p{Cc}\ud800-\udfff]/u.test(detail);

/** What went wrong with one answer, or null when it is what the contract promises. */
async function judge(c: FuzzCase, res: Response): Promise<string | null> {
  const text = await res.text();
  if (res.status >= 500) return `answered ${res.status}: ${text.slice(0, 300)}`;
  if (c.refuse && res.status < 400) return `accepted (${res.status}) what the contract refuses`;
  if (res.status < 400) return null;
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
    return `${res.status} without problem+json (${res.headers.get('content-type')}): ${text.slice(0, 200)}`;
  let body: { status?: unknown; detail?: unknown; type?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `${res.status} problem that is not JSON: ${text.slice(0, 200)}`;
  }
  if (body.status !== res.status) return `problem status ${String(body.status)} on a ${res.status}`;
  if (typeof body.type !== 'string' || !body.type) return 'problem without a type';
  if (!readable(body.detail)) return `unreadable detail: ${JSON.stringify(body.detail)?.slice(0, 200)}`;
  return null;
}

/**
 * Contract-driven fuzzing: for every operation, invalid values for every parameter and body
 * field (see fuzz-values.ts), sent as the most privileged user (and without a token) through
 * real HTTP. Never a 5xx; every refusal a problem+json a person can read; and the server keeps
 * answering.
 */
export function fuzzSuite(backend: Backend): void {
  describe(`contract fuzzing (${backend.name})`, () => {
    let server: RunningServer;
    let ids: KnownIds;
    before(async () => {
      // Thousands of requests as one user: the per-user rate limit would answer 429, not the code under test.
      server = await startServer(await backend.newStore(), {
        rateLimit: { perSecond: 100_000, burst: 100_000 },
      });
      const one = async (sql: string) => (await server.services.db.query<{ id: string }>(sql))[0]?.id ?? 'x1';
      ids = {
        conversation: 'cv_0002',
        contact: await one(`select id from contacts where space_id = 'sp_retail' order by id limit 1`),
        message: await one(`select id from timeline_items where kind = 'message' order by id limit 1`),
        attachment: await one('select id from attachments order by id limit 1'),
      };
    });
    after(() => server?.close());

    it('never answers 5xx, always a readable problem+json, and keeps serving', async () => {
      const contract = loadContract();
      const plan = fuzzPlan(contract, ids, createRandom(SEED), BUDGET);
      const failures: string[] = [];
      const covered = new Set<string>();
      let refused = 0;
      let unsendable = 0;
      for (const [i, c] of plan.entries()) {
        const headers = {
          ...c.headers,
          ...(c.authorized ? { authorization: `Bearer ${TOKENS.admin}` } : {}),
        };
        let res: Response;
        try {
          res = await fetch(new URL(c.url, server.url), {
            method: c.method,
            headers,
            ...(c.body !== undefined ? { body: c.body } : {}),
          });
        } catch (err) {
          // A request the client itself cannot send (fetch checks header bytes) proves nothing.
          if (err instanceof TypeError && !/fetch failed/.test(err.message)) {
            unsendable++;
            continue;
          }
          failures.push(
            `${c.operationId} — ${c.label}: the connection failed (${String(err)} ${String((err as Error).cause)})`,
          );
          continue;
        }
        covered.add(c.operationId);
        if (res.status >= 400) refused++;
        const problem = await judge(c, res);
        if (problem) failures.push(`${c.method} ${c.operationId} — ${c.label}: ${problem}`);
        if (i % 250 === 249) {
          const me = await api(server, '/api/me', { token: TOKENS.admin });
          assert.equal(me.status, 200, `the server stopped answering after ${i + 1} requests`);
        }
      }
      console.log(
        `fuzz: ${plan.length - unsendable} requests over ${covered.size} of ${contract.operations.length} operations ` +
          `(${refused} refused, ${plan.length - unsendable - refused} accepted, ${unsendable} unsendable; seed ${SEED})`,
      );
      assert.deepEqual(failures.slice(0, 25), [], `${failures.length} failures`);
      assert.equal(covered.size, contract.operations.length, 'every operation was exercised');
      const me = await api(server, '/api/me', { token: TOKENS.admin });
      assert.equal(me.status, 200);
      const list = await api(server, '/api/conversations?spaceId=sp_retail&limit=5', { token: TOKENS.admin });
      assert.equal(list.status, 200);
    });
  });
}
