import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../app.js';
import { api, openStream, pgliteBackend, startServer, TOKENS, waitFor, type Problem } from './helpers.js';
import { upload } from './sending-helpers.js';

const SPACE = 'sp_retail';
const PROBLEM = /^application\/problem\+json/;

/** What one user can take from a server process: streams, request rate, body sizes. */
describe('limits per user and per request (pglite)', () => {
  let server: RunningServer;
  const streams: Awaited<ReturnType<typeof openStream>>[] = [];
  const open = async (token: string) => {
    const s = await openStream(server, SPACE, token);
    streams.push(s);
    return s;
  };

  before(async () => {
    server = await startServer(await pgliteBackend.newStore(), {
      keepAliveMs: 600_000,
      maxStreamsPerUser: 3,
    });
  });
  after(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await server?.close();
  });

  it('refuses a user’s stream past the cap with 429 and Retry-After; others and a freed slot still work', async () => {
    const mine = [await open(TOKENS.agent), await open(TOKENS.agent), await open(TOKENS.agent)];
    assert.deepEqual(
      mine.map((s) => s.status),
      [200, 200, 200],
    );
    const refused = await api<Problem>(server, `/api/events?spaceId=${SPACE}`, { token: TOKENS.agent });
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('content-type') ?? '', PROBLEM);
    assert.equal(refused.body.type, 'urn:inbox:problem:too-many-streams');
    assert.match(refused.body.detail, /already have 3 live event streams open/);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);

    assert.equal((await open(TOKENS.admin)).status, 200, 'another user is not affected');
    const size = server.services.hub.size;
    await mine[0]!.close();
    await waitFor(() => server.services.hub.size === size - 1, 'the closed stream to leave');
    assert.equal((await open(TOKENS.agent)).status, 200, 'a closed stream gives its slot back');
  });

  it('rate-limits each user on their own with 429, Retry-After and a problem', async () => {
    const limited = await startServer(await pgliteBackend.newStore(), {
      rateLimit: { perSecond: 0.001, burst: 3 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await api(limited, '/api/me', { token: TOKENS.agent })).status);
      assert.deepEqual(statuses, [200, 200, 200]);
      const res = await api<Problem>(limited, '/api/me', { token: TOKENS.agent });
      assert.equal(res.status, 429);
      assert.match(res.headers.get('content-type') ?? '', PROBLEM);
      assert.equal(res.body.type, 'urn:inbox:problem:rate-limited');
      assert.match(res.body.detail, /^Too many requests from your account/);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      assert.equal(
        (await api(limited, '/api/me', { token: TOKENS.admin })).status,
        200,
        'others are not limited',
      );
    } finally {
      await limited.close();
    }
  });

  it(
    'answers 413 as soon as a JSON body without Content-Length passes the limit',
    { timeout: 15_000 },
    async () => {
      const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}",`);
      let sent = 0;
      // A body that goes over the limit and then never ends: only a limit applied while reading answers.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > 2_000_000) return new Promise(() => {});
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await fetch(new URL('/api/conversations/cv_0002/presence', server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.agent}`, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      assert.equal(res.status, 413);
      assert.match(res.headers.get('content-type') ?? '', PROBLEM);
      const problem = (await res.json()) as Problem;
      assert.equal(problem.type, 'urn:inbox:problem:payload-too-large');
      assert.match(problem.detail, /larger than 1000000 bytes/);
    },
  );

  it('answers an upload over the channel’s limit with 413 problem+json', async () => {
    const big = new Uint8Array(16 * 1024 * 1024 + 1);
    const res = await upload(server, TOKENS.agent, 'whatsapp', {
      bytes: big,
      name: 'big.jpg',
      type: 'image/jpeg',
    });
    assert.equal(res.status, 413);
    assert.match(res.headers.get('content-type') ?? '', PROBLEM);
    assert.match(res.body.detail ?? '', /larger than WhatsApp's 16 MB limit/);
  });
});
