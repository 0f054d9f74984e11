import { expect } from '@open-wc/testing';
import { backoffDelay, openEventStream, type InboxEvent, type StreamStatus } from '../../src/api/index.js';
import { fakeFetch, problem, sseFrame, sseResponse, until } from './fake-fetch.js';

const URL_ = 'http://inbox.test/api/events?spaceId=s1';
const tag = (id: string, name: string): InboxEvent => ({
  id,
  type: 'tag.changed',
  spaceId: 's1',
  at: '2025-01-01T00:00:00Z',
  tag: { id: `tag-${id}`, spaceId: 's1', name, color: '#000000' },
});

/** Records the delays asked for and returns at once, so backoff runs without waiting. */
function instantSleep(): { sleep: (ms: number, signal: AbortSignal) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms, signal) => {
      delays.push(ms);
      return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

describe('openEventStream', () => {
  it('parses events split across chunks at every byte boundary', async () => {
    const events = [tag('1', 'Café ☕'), tag('2', 'Ünïcode'), tag('3', 'plain')];
    // A keep-alive comment in the middle, as the server sends every 15 s.
    const bytes = new TextEncoder().encode(
      sseFrame('1', events[0]) + ': keep-alive\n\n' + sseFrame('2', events[1]) + sseFrame('3', events[2]),
    );

    for (let cut = 1; cut < bytes.length; cut += 7) {
      const received: InboxEvent[] = [];
      const controller = new AbortController();
      const server = fakeFetch().on(
        'GET',
        '/api/events',
        (request) => sseResponse(request, [bytes.slice(0, cut), bytes.slice(cut)]).response,
      );
      const stream = openEventStream({
        url: URL_,
        getToken: () => 't',
        fetch: server.fetch,
        signal: controller.signal,
        onEvent: (e) => received.push(e),
      });
      await until(() => received.length === 3);
      expect(received, `cut at ${cut}`).to.deep.equal(events);
      expect(stream.lastEventId).to.equal('3');
      controller.abort();
      await stream.done;
    }
  });

  it('reconnects with Last-Event-ID set to the last id seen and reports its status', async () => {
    const statuses: StreamStatus[] = [];
    const { sleep } = instantSleep();
    let connection = 0;
    const server = fakeFetch().on('GET', '/api/events', (request) => {
      connection++;
      // The first connection delivers two events and drops; the second stays open.
      return connection === 1
        ? sseResponse(request, [sseFrame('41', tag('41', 'a')), sseFrame('42', tag('42', 'b'))], {
            close: true,
          }).response
        : sseResponse(request, []).response;
    });
    const stream = openEventStream({
      url: URL_,
      getToken: () => 't',
      lastEventId: '40',
      fetch: server.fetch,
      onEvent: () => undefined,
      onStatus: (s) => statuses.push(s),
      backoff: { sleep },
    });

    await until(() => server.requests.length === 2 && statuses.at(-1) === 'open');
    expect(server.requests.map((r) => r.headers.get('Last-Event-ID'))).to.deep.equal(['40', '42']);
    expect(server.requests[0]?.headers.get('Authorization')).to.equal('Bearer t');
    expect(statuses).to.deep.equal(['connecting', 'open', 'reconnecting', 'open']);

    stream.close();
    await stream.done;
    expect(statuses.at(-1)).to.equal('offline');
  });

  it('backs off exponentially with full jitter up to the cap', async () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, { random: () => 1 }))).to.deep.equal([
      500, 1000, 2000, 4000,
    ]);
    expect(backoffDelay(20, { random: () => 1 })).to.equal(30_000);
    expect(backoffDelay(3, { random: () => 0.25 })).to.equal(1000);

    const { sleep, delays } = instantSleep();
    const randoms = [0.5, 0.1, 0.9, 0.5, 0.5];
    const controller = new AbortController();
    const stream = openEventStream({
      url: URL_,
      getToken: () => 't',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      signal: controller.signal,
      onEvent: () => undefined,
      backoff: {
        sleep: (ms, signal) => {
          if (delays.length === 4) controller.abort();
          return sleep(ms, signal);
        },
        random: () => randoms.shift() ?? 0.5,
      },
    });
    await stream.done;

    expect(delays.slice(0, 4)).to.deep.equal([250, 100, 1800, 2000]);
  });

  it('on 401 asks for a refreshed token once and reconnects at once', async () => {
    const calls: ({ refresh?: boolean } | undefined)[] = [];
    const { sleep, delays } = instantSleep();
    const server = fakeFetch().on('GET', '/api/events', (request) =>
      request.headers.get('Authorization') === 'Bearer fresh'
        ? sseResponse(request, []).response
        : problem(401, 'Expired.'),
    );
    const statuses: StreamStatus[] = [];
    const stream = openEventStream({
      url: URL_,
      getToken: (options) => {
        calls.push(options);
        return options?.refresh ? 'fresh' : 'stale';
      },
      fetch: server.fetch,
      onEvent: () => undefined,
      onStatus: (s) => statuses.push(s),
      backoff: { sleep },
    });

    await until(() => statuses.at(-1) === 'open');
    expect(calls).to.deep.equal([undefined, { refresh: true }]);
    expect(delays).to.deep.equal([]);
    stream.close();
    await stream.done;
  });

  it('stops for good on a 403 and reports why', async () => {
    const server = fakeFetch().on('GET', '/api/events', () => problem(403, 'Not your space.'));
    const errors: string[] = [];
    const statuses: StreamStatus[] = [];
    const stream = openEventStream({
      url: URL_,
      getToken: () => 't',
      fetch: server.fetch,
      onEvent: () => undefined,
      onStatus: (s) => statuses.push(s),
      onError: (e) => errors.push(`${e.status} ${e.detail}`),
    });

    await stream.done;
    expect(errors).to.deep.equal(['403 Not your space.']);
    expect(statuses).to.deep.equal(['connecting', 'offline']);
    expect(server.requests).to.have.length(1);
  });

  it('stops when aborted, also while waiting to reconnect', async () => {
    const controller = new AbortController();
    let fetches = 0;
    const stream = openEventStream({
      url: URL_,
      getToken: () => 't',
      fetch: () => {
        fetches++;
        return Promise.reject(new TypeError('offline'));
      },
      signal: controller.signal,
      onEvent: () => undefined,
      // Real timers: the wait is long, so only the abort can end it.
      backoff: { baseMs: 60_000, random: () => 1 },
    });
    await until(() => fetches === 1);
    controller.abort();
    await stream.done;
    expect(fetches).to.equal(1);
  });
});
