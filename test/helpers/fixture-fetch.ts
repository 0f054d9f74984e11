/**
 * A fetch that answers the inbox API from fixture data, for narrow element tests (the end-to-end
 * tests use the real server). Tests can hold the list open, fail it, and push realtime events.
 */
import type { components } from '../../src/api/schema.js';
import * as fixtures from '../fixtures/inbox-fixtures.js';

type Conversation = components['schemas']['Conversation'];
type InboxEvent = components['schemas']['InboxEvent'];
type Problem = components['schemas']['Problem'];

export interface FixtureBackend {
  fetch: typeof fetch;
  /** Requests seen, as `METHOD /path?query`. */
  requests: string[];
  /** Sends one server-sent event to every open stream. */
  push(event: InboxEvent): void;
  conversations: Conversation[];
  /**
   * `hold` leaves list requests pending until `release()`; `fail` answers them with a 500 problem;
   * `rate-limited` with a 429 problem and `Retry-After: 2`.
   */
  mode: 'ok' | 'hold' | 'fail' | 'rate-limited';
  /** When set, status changes are refused with this problem. */
  statusProblem?: Problem;
  /** `down` answers the event stream with 503. */
  events: 'ok' | 'down';
  /** `hold` leaves `/teams`, and so the directory, pending until `release()`. */
  teams: 'ok' | 'hold';
  /** Answers every held request. */
  release(): void;
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const problem = (body: Problem) => json(body, body.status, 'application/problem+json');

export function fixtureBackend(conversations = fixtures.makeConversations(30)): FixtureBackend {
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const held: (() => void)[] = [];
  const encoder = new TextEncoder();

  function eventStream(request: Request): Response {
    if (backend.events === 'down') {
      return problem({
        type: 'urn:inbox:problem:unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'Realtime is down.',
      });
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        streams.add(c);
      },
      cancel: () => {
        streams.delete(controller);
      },
    });
    request.signal.addEventListener('abort', () => streams.delete(controller));
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  }

  async function list(url: URL): Promise<Response> {
    if (backend.mode === 'hold') await new Promise<void>((resolve) => held.push(resolve));
    if (backend.mode === 'rate-limited') {
      const refusal = problem({
        type: 'urn:inbox:problem:rate-limited',
        title: 'Too Many Requests',
        status: 429,
        detail: 'Too many requests. Try again in a few seconds.',
      });
      refusal.headers.set('Retry-After', '2');
      return refusal;
    }
    if (backend.mode === 'fail') {
      return problem({
        type: 'urn:inbox:problem:internal',
        title: 'Internal Server Error',
        status: 500,
        detail: 'The database is not answering.',
      });
    }
    const items = backend.conversations.filter((c) => fixtures.matchesQuery(c, url.searchParams, true));
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const end = start + Number(url.searchParams.get('limit') ?? 50);
    return json({ items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null });
  }

  async function setStatus(id: string, request: Request): Promise<Response> {
    if (backend.statusProblem) return problem(backend.statusProblem);
    const conversation = backend.conversations.find((c) => c.id === id);
    if (!conversation)
      return problem({
        type: 'urn:inbox:problem:not-found',
        title: 'Not Found',
        status: 404,
        detail: 'No such conversation.',
      });
    const { status } = (await request.json()) as { status: Conversation['status'] };
    Object.assign(conversation, { status, version: conversation.version + 1 });
    return json(conversation);
  }

  const backend: FixtureBackend = {
    requests: [],
    conversations,
    mode: 'ok',
    events: 'ok',
    teams: 'ok',
    push(event) {
      const frame = encoder.encode(
        `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
      );
      for (const stream of streams) stream.enqueue(frame);
    },
    release() {
      for (const resolve of held.splice(0)) resolve();
    },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const path = url.pathname.replace(/^\/api/, '');
      backend.requests.push(`${request.method} ${path}${url.search}`);
      const statusRoute = /^\/conversations\/([^/]+)\/status$/.exec(path);
      if (statusRoute?.[1] && request.method === 'PUT') return setStatus(statusRoute[1], request);
      if (/^\/conversations\/[^/]+\/presence$/.test(path)) return new Response(null, { status: 204 });
      switch (path) {
        case '/me':
          return json(fixtures.me);
        case '/spaces':
          return json(fixtures.me.spaces);
        case '/teams':
          if (backend.teams === 'hold') await new Promise<void>((resolve) => held.push(resolve));
          return json(fixtures.teams);
        case '/users':
          return json(fixtures.users);
        case '/channels':
          return json(fixtures.channels);
        case '/sender-profiles':
        case '/tags':
          return json([]);
        case '/conversations/counts':
          return json(
            fixtures.countsOf(
              backend.conversations.filter((c) => fixtures.matchesQuery(c, url.searchParams, false)),
            ),
          );
        case '/conversations':
          return list(url);
        case '/events':
          return eventStream(request);
        default:
          return problem({
            type: 'urn:inbox:problem:not-found',
            title: 'Not Found',
            status: 404,
            detail: `No route ${path}`,
          });
      }
    },
  };
  return backend;
}
