/**
 * MSW handlers for what the composer sends: messages (held `scheduled` for the undo window), notes,
 * cancel (undo) and uploads. Put them before inboxHandlers() so `/me` carries the undo window.
 */
import { createOpenApiHttp } from 'openapi-msw';
import type { components, paths } from '../../src/api/schema.js';
import * as fixtures from '../../test/fixtures/inbox-fixtures.js';

type MessageItem = components['schemas']['MessageItem'];

const http = createOpenApiHttp<paths>({ baseUrl: '/api' });

export interface MockOutboxOptions {
  /** The tenant's undo window in seconds (default 5). */
  undoWindowSeconds?: number;
  /** Capabilities to change for the signed-in agent (e.g. `{ writeNotes: false }`). */
  capabilities?: Partial<components['schemas']['Capabilities']>;
  /** Answers messages with 429 and this `Retry-After` (seconds), as a per-user rate limit does. */
  rateLimitSeconds?: number;
}

export function outboxHandlers({
  undoWindowSeconds = 5,
  capabilities = {},
  rateLimitSeconds,
}: MockOutboxOptions = {}) {
  const messages = new Map<string, MessageItem>();
  let seq = 1000;
  let uploads = 0;
  return [
    http.get('/me', ({ response }) =>
      response(200).json({
        ...fixtures.me,
        tenant: { ...fixtures.me.tenant, undoWindowSeconds },
        capabilities: { ...fixtures.me.capabilities, ...capabilities },
      }),
    ),
    http.post('/conversations/{conversationId}/messages', async ({ params, request, response }) => {
      if (rateLimitSeconds !== undefined)
        return response('default').json(
          {
            type: 'urn:inbox:problem:rate-limited',
            title: 'Too Many Requests',
            status: 429,
            detail: 'Too many requests. Try again in a few seconds.',
          },
          {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(rateLimitSeconds) },
          },
        );
      const { text, attachmentIds = [] } = await request.json();
      const window = undoWindowSeconds * 1000;
      const item: MessageItem = {
        id: `story-item-${++seq}`,
        conversationId: params.conversationId,
        seq,
        createdAt: new Date().toISOString(),
        kind: 'message',
        direction: 'out',
        text,
        attachments: attachmentIds.map((id) => ({
          id,
          name: id,
          contentType: 'image/png',
          size: 1,
          url: `/files/${id}`,
        })),
        status: window > 0 ? 'scheduled' : 'queued',
        authorId: fixtures.agent.id,
        clientMessageId: request.headers.get('Idempotency-Key'),
        failureReason: null,
        scheduledFor: window > 0 ? new Date(Date.now() + window).toISOString() : null,
      };
      messages.set(item.id, item);
      return response(201).json(item);
    }),
    http.post('/conversations/{conversationId}/notes', async ({ params, request, response }) => {
      const { text } = await request.json();
      return response(201).json({
        id: `story-item-${++seq}`,
        conversationId: params.conversationId,
        seq,
        createdAt: new Date().toISOString(),
        kind: 'note',
        text,
        authorId: fixtures.agent.id,
      });
    }),
    http.post('/messages/{messageId}/cancel', ({ params, response }) => {
      const item = messages.get(params.messageId);
      if (!item) {
        return response(404).json(
          {
            type: 'urn:inbox:problem:not-found',
            title: 'Not Found',
            status: 404,
            detail: 'This message does not exist.',
          },
          { headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      return response(200).json({ ...item, status: 'cancelled', scheduledFor: null });
    }),
    http.post('/attachments', async ({ request, response }) => {
      const file = (await request.formData()).get('file') as File;
      const id = `story-att-${++uploads}`;
      return response(201).json({
        id,
        name: file.name,
        contentType: file.type,
        size: file.size,
        url: `/files/${id}`,
      });
    }),
  ];
}
