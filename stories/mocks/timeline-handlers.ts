/** MSW handlers for a conversation's timeline, typed from the contract, for timeline stories. */
import { delay } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { components, paths } from '../../src/api/schema.js';
import { makeConversations } from '../../test/fixtures/inbox-fixtures.js';
import { makeTimeline } from '../../test/fixtures/timeline-fixtures.js';

type TimelineItem = components['schemas']['TimelineItem'];

const http = createOpenApiHttp<paths>({ baseUrl: '/api' });

export interface MockTimelineOptions {
  items?: TimelineItem[];
  /** `loading` never answers; `error` answers with a problem. */
  timeline?: 'ok' | 'loading' | 'error';
}

export function timelineHandlers({
  items = makeTimeline('conv-0', 80),
  timeline = 'ok',
}: MockTimelineOptions = {}) {
  const conversations = makeConversations(3);
  return [
    http.get('/conversations/{conversationId}', ({ params, response }) => {
      const conversation = conversations.find((c) => c.id === params.conversationId) ?? conversations[0]!;
      return response(200).json({ ...conversation, id: params.conversationId });
    }),
    http.get('/conversations/{conversationId}/timeline', async ({ request, response }) => {
      if (timeline === 'loading') await delay('infinite');
      if (timeline === 'error') {
        return response('default').json(
          {
            type: 'urn:inbox:problem:internal',
            title: 'Internal Server Error',
            status: 500,
            detail: 'The timeline could not be read. Try again in a moment.',
          },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      const query = new URL(request.url).searchParams;
      const before = Number(query.get('beforeSeq') ?? Infinity);
      const limit = Number(query.get('limit') ?? 50);
      const page = items.filter((item) => item.seq < before).slice(-limit);
      return response(200).json({ items: page, hasOlder: (page[0]?.seq ?? 1) > 1 });
    }),
    http.put('/conversations/{conversationId}/read', async ({ request, response }) =>
      response(200).json(await request.json()),
    ),
  ];
}
