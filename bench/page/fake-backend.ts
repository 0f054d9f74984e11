/**
 * An injected fetch answering the inbox API from fixtures, like test/helpers/fixture-fetch.ts,
 * except that the first /conversations page holds every conversation (limit is ignored), and it
 * records when each list response is handed back.
 */
import type { components } from '../../src/api/schema.js';
import * as fixtures from '../../test/fixtures/inbox-fixtures.js';

type Conversation = components['schemas']['Conversation'];
type InboxEvent = components['schemas']['InboxEvent'];

const json = (body: BodyInit, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

export interface BenchBackend {
  fetch: typeof fetch;
  conversations: Conversation[];
  /** performance.now() when the latest /conversations response was resolved. */
  listResponseAt: number;
  /** How many /events streams are open. */
  openStreams(): number;
  push(event: InboxEvent): void;
}

export function benchBackend(conversations: Conversation[]): BenchBackend {
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const encoder = new TextEncoder();
  // Serialized once: the page pays for parsing a response, not for the fake server building it.
  // Kept as bytes, as a network response is: a ~7 MB string handed to `new Response` is moved off
  // the JS heap by the browser (externalized) at that moment, which showed as heap freed and hid
  // most of the list's data from its heap figure.
  const page = encoder.encode(JSON.stringify({ items: conversations, nextCursor: null }));
  const counts = JSON.stringify(fixtures.countsOf(conversations));
  const small: Record<string, unknown> = {
    '/me': fixtures.me,
    '/spaces': fixtures.me.spaces,
    '/teams': fixtures.teams,
    '/users': fixtures.users,
    '/channels': fixtures.channels,
    '/sender-profiles': [],
    '/tags': [],
  };

  const backend: BenchBackend = {
    conversations,
    listResponseAt: NaN,
    openStreams: () => streams.size,
    push(event) {
      const frame = encoder.encode(
        `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
      );
      for (const stream of streams) stream.enqueue(frame);
    },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname.replace(/^\/api/, '');
      if (path in small) return json(JSON.stringify(small[path]));
      if (path === '/conversations/counts') return json(counts);
      if (path === '/conversations') {
        const response = json(page);
        backend.listResponseAt = performance.now();
        return response;
      }
      if (path === '/events') {
        let controller!: ReadableStreamDefaultController<Uint8Array>;
        const body = new ReadableStream<Uint8Array>({
          start: (c) => void streams.add((controller = c)),
          cancel: () => void streams.delete(controller),
        });
        request.signal.addEventListener('abort', () => streams.delete(controller));
        return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
      }
      return json(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), 404);
    },
  };
  return backend;
}
