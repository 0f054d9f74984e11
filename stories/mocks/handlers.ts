/**
 * MSW handlers typed from the contract (openapi-msw checks paths, params and bodies against
 * src/api/schema.ts), serving fixture data so stories run without a server.
 */
import { delay } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { components, paths } from '../../src/api/schema.js';
import * as fixtures from '../../test/fixtures/inbox-fixtures.js';

type Conversation = components['schemas']['Conversation'];
type Problem = components['schemas']['Problem'];

const http = createOpenApiHttp<paths>({ baseUrl: '/api' });
const problemHeaders = { 'Content-Type': 'application/problem+json' };

export interface MockInboxOptions {
  conversations?: Conversation[];
  /** `loading` never answers the list; `error` answers it with a problem. */
  list?: 'ok' | 'loading' | 'error';
  /** `down` answers the event stream with 503, so the elements show they are offline. */
  events?: 'ok' | 'down';
  /** Rows per page, whatever the client asks (a large value loads everything at once). */
  pageSize?: number;
}

const serverError: Problem = {
  type: 'urn:inbox:problem:internal',
  title: 'Internal Server Error',
  status: 500,
  detail: 'The inbox server had a problem loading conversations. Try again in a moment.',
};

/** An event stream that stays open and quiet, as a server with nothing new to say. */
function quietEventStream() {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(': connected\n\n'));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

export function inboxHandlers({
  conversations = fixtures.makeConversations(40),
  list = 'ok',
  events = 'ok',
  pageSize,
}: MockInboxOptions = {}) {
  const store = conversations.map((c) => ({ ...c }));
  return [
    http.get('/me', ({ response }) => response(200).json(fixtures.me)),
    http.get('/spaces', ({ response }) => response(200).json(fixtures.me.spaces)),
    http.get('/teams', ({ response }) => response(200).json(fixtures.teams)),
    http.get('/users', ({ response }) => response(200).json(fixtures.users)),
    http.get('/channels', ({ response }) => response(200).json(fixtures.channels)),
    http.get('/sender-profiles', ({ response }) => response(200).json([])),
    http.get('/tags', ({ response }) => response(200).json([])),
    http.get('/conversations/counts', ({ request, response }) => {
      const query = new URL(request.url).searchParams;
      return response(200).json(
        fixtures.countsOf(store.filter((c) => fixtures.matchesQuery(c, query, false))),
      );
    }),
    http.get('/conversations', async ({ request, response }) => {
      if (list === 'loading') await delay('infinite');
      if (list === 'error')
        return response('default').json(serverError, { status: 500, headers: problemHeaders });
      const query = new URL(request.url).searchParams;
      const matching = store.filter((c) => fixtures.matchesQuery(c, query, true));
      const start = Number(query.get('cursor') ?? 0);
      const end = start + (pageSize ?? Number(query.get('limit') ?? 50));
      return response(200).json({
        items: matching.slice(start, end),
        nextCursor: end < matching.length ? String(end) : null,
      });
    }),
    http.put('/conversations/{conversationId}/status', async ({ params, request, response }) => {
      const conversation = store.find((c) => c.id === params.conversationId);
      if (!conversation) {
        return response(404).json(
          {
            type: 'urn:inbox:problem:not-found',
            title: 'Not Found',
            status: 404,
            detail: 'This conversation does not exist.',
          },
          { headers: problemHeaders },
        );
      }
      const { status } = await request.json();
      Object.assign(conversation, { status, version: conversation.version + 1 });
      return response(200).json(conversation);
    }),
    http.put('/conversations/{conversationId}/presence', ({ response }) => response(204).empty()),
    http.get('/events', ({ response }) =>
      events === 'down'
        ? response('default').json(
            {
              type: 'urn:inbox:problem:unavailable',
              title: 'Service Unavailable',
              status: 503,
              detail: 'Realtime is down.',
            },
            { status: 503, headers: problemHeaders },
          )
        : quietEventStream(),
    ),
  ];
}
