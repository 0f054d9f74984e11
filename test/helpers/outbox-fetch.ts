/**
 * The fixture backend plus what the composer talks to: sends, notes, cancel and uploads. Requests
 * it answers itself are recorded with headers and bodies; everything else goes to fixtureBackend.
 */
import type { components } from '../../src/api/schema.js';
import { agent, me } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from './fixture-fetch.js';

type Schemas = components['schemas'];
type Problem = Schemas['Problem'];

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export interface OutboxBackend extends FixtureBackend {
  /** Sends, notes, cancels and uploads, in order. */
  writes: RecordedRequest[];
  /** Answers the next sends (messages and notes) with this problem. */
  sendProblem?: Problem;
  /** The `Retry-After` header sent with `sendProblem` (a 429's wait). */
  sendRetryAfter?: string;
  /** Answers cancel requests with this problem (e.g. 409 already dispatched). */
  cancelProblem?: Problem;
  /** Seconds the server holds a message as `scheduled` (the tenant's undo window). */
  undoWindowSeconds: number;
  /** How far the server's clock (and the round trip) puts `scheduledFor` past this page's clock. */
  serverAheadMs: number;
  /** Overrides of the signed-in agent's capabilities (e.g. `{ writeNotes: false }`). */
  capabilities: Partial<Schemas['Capabilities']>;
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const problem = (body: Problem) => json(body, body.status, 'application/problem+json');

export const alreadySent: Problem = {
  type: 'urn:inbox:problem:already-dispatched',
  title: 'Conflict',
  status: 409,
  detail: 'Too late to undo: the message has already been sent.',
};

export function outboxBackend(conversations?: Schemas['Conversation'][]): OutboxBackend {
  const base = fixtureBackend(conversations);
  const messages = new Map<string, Schemas['MessageItem']>();
  let seq = 1000;
  let uploads = 0;

  async function answer(request: Request, path: string): Promise<Response | undefined> {
    const send = /^\/conversations\/([^/]+)\/(messages|notes)$/.exec(path);
    const cancel = /^\/messages\/([^/]+)\/cancel$/.exec(path);
    if (request.method !== 'POST' || (!send && !cancel && path !== '/attachments')) return undefined;
    const body: unknown =
      path === '/attachments' ? await request.formData() : await request.json().catch(() => undefined);
    backend.writes.push({ method: request.method, path, headers: request.headers, body });
    const createdAt = new Date().toISOString();
    if (send?.[1]) {
      if (backend.sendProblem) {
        const refusal = problem(backend.sendProblem);
        if (backend.sendRetryAfter) refusal.headers.set('Retry-After', backend.sendRetryAfter);
        return refusal;
      }
      const { text, attachmentIds = [] } = body as { text: string; attachmentIds?: string[] };
      const base = { id: `item-${++seq}`, conversationId: send[1], seq, createdAt, text };
      if (send[2] === 'notes') return json({ ...base, kind: 'note', authorId: agent.id }, 201);
      const window = backend.undoWindowSeconds * 1000;
      const item: Schemas['MessageItem'] = {
        ...base,
        kind: 'message',
        direction: 'out',
        attachments: attachmentIds.map((id) => ({
          id,
          name: id,
          contentType: 'image/png',
          size: 1,
          url: `/files/${id}`,
        })),
        status: window > 0 ? 'scheduled' : 'queued',
        authorId: agent.id,
        clientMessageId: request.headers.get('Idempotency-Key'),
        failureReason: null,
        scheduledFor: window > 0 ? new Date(Date.now() + window + backend.serverAheadMs).toISOString() : null,
      };
      messages.set(item.id, item);
      return json(item, 201);
    }
    if (cancel?.[1]) {
      if (backend.cancelProblem) return problem(backend.cancelProblem);
      const item = messages.get(cancel[1]);
      if (!item)
        return problem({
          type: 'urn:inbox:problem:not-found',
          title: 'Not Found',
          status: 404,
          detail: 'No such message.',
        });
      return json({ ...item, status: 'cancelled', scheduledFor: null });
    }
    const file = (body as FormData).get('file') as File;
    const attachment: Schemas['Attachment'] = {
      id: `att-${++uploads}`,
      name: file.name,
      contentType: file.type,
      size: file.size,
      url: `/files/att-${uploads}`,
    };
    return json(attachment, 201);
  }

  const fixtureFetch = base.fetch;
  const backend: OutboxBackend = Object.assign(base, {
    capabilities: {},
    writes: [] as RecordedRequest[],
    undoWindowSeconds: me.tenant.undoWindowSeconds,
    serverAheadMs: 0,
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname.replace(/^\/api/, '');
      const answered = await answer(request.clone(), path);
      if (answered) {
        base.requests.push(`${request.method} ${path}`);
        return answered;
      }
      if (path === '/me')
        return json({
          ...me,
          tenant: { ...me.tenant, undoWindowSeconds: backend.undoWindowSeconds },
          capabilities: { ...me.capabilities, ...backend.capabilities },
        });
      return fixtureFetch(request);
    },
  });
  return backend;
}
