/** A small in-memory inbox backend and data builders for store tests. */
import {
  createInboxClient,
  type Conversation,
  type InboxClient,
  type InboxEvent,
  type InboxEventOf,
  type Me,
} from '../../src/api/index.js';
import type { Timers } from '../../src/stores/index.js';
import { fakeFetch, json, problem, sseFrame, sseResponse, type FakeFetch } from '../api/fake-fetch.js';

export const ME_ID = 'u-me';

export const me: Me = {
  user: {
    id: ME_ID,
    name: 'Ana Agent',
    email: 'ana@example.com',
    avatar: { url: null, initials: 'AA', color: '#123456' },
    role: 'agent',
    teamIds: ['t1'],
    spaceIds: ['s1', 's2'],
    tenantOwner: false,
  },
  tenant: { id: 'tenant', name: 'Tenant', undoWindowSeconds: 5 },
  spaces: [
    { id: 's1', name: 'North' },
    { id: 's2', name: 'South' },
  ],
  capabilities: {
    seeAllConversations: true,
    readNotes: true,
    writeNotes: true,
    assign: true,
    changeStatus: true,
    editContacts: true,
    applyTags: true,
    manageTags: true,
    seeSenders: false,
    startConversations: true,
    accessSettings: false,
    seeOnboarding: false,
  },
};

/** A conversation whose activity time is `minute` minutes after a fixed start. */
export function conversation(
  id: string,
  minute: number,
  overrides: Partial<Conversation> = {},
): Conversation {
  const at = new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
  return {
    id,
    spaceId: 's1',
    channel: 'sms',
    contact: { id: `contact-${id}`, name: `Contact ${id}`, phone: '+447700900123' },
    senderProfile: { id: 'sp1', name: 'Support line' },
    status: 'active',
    origin: 'inbound',
    teamIds: ['t1'],
    assigneeIds: [],
    tagIds: [],
    lastMessage: { kind: 'message', direction: 'in', text: `hello from ${id}`, at },
    lastActivityAt: at,
    waitingSince: null,
    createdAt: at,
    closedAt: null,
    closedBy: null,
    unreadCount: 0,
    lastSeq: 1,
    version: 1,
    ...overrides,
  };
}

let eventId = 0;
export function updated(c: Conversation): InboxEventOf<'conversation.updated'> {
  return {
    id: String(++eventId),
    type: 'conversation.updated',
    spaceId: c.spaceId,
    at: c.lastActivityAt,
    conversation: c,
  };
}
export function created(c: Conversation): InboxEventOf<'conversation.created'> {
  return {
    id: String(++eventId),
    type: 'conversation.created',
    spaceId: c.spaceId,
    at: c.createdAt,
    conversation: c,
  };
}
export function removed(id: string, spaceId = 's1'): InboxEventOf<'conversation.removed'> {
  return {
    id: String(++eventId),
    type: 'conversation.removed',
    spaceId,
    at: '2025-01-01T13:00:00Z',
    conversationId: id,
  };
}

export interface Backend {
  server: FakeFetch;
  client: InboxClient;
  /** Conversations `GET /conversations` serves, in order, `pageSize` per page. */
  conversations: Conversation[];
  pageSize: number;
  /** Sends one event to every open stream. */
  push(event: InboxEvent): void;
  /** When set, list responses wait for it (to test races). */
  hold?: Promise<void> | undefined;
  /** When set, status changes wait for it (to see the optimistic state). */
  holdWrites?: Promise<void> | undefined;
}

/** Serves /me, the directory, the paged conversation list, counts, one conversation, status and /events. */
export function backend(conversations: Conversation[] = []): Backend {
  const server = fakeFetch();
  const streams = new Set<(chunk: string) => void>();
  const state: Backend = {
    server,
    client: createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 'token',
      fetch: server.fetch,
    }),
    conversations,
    pageSize: 2,
    push: (event) => streams.forEach((push) => push(sseFrame(event.id, event))),
  };
  server
    .on('GET', '/api/me', () => json(me))
    .on('GET', '/api/teams', (_, url) =>
      json([{ id: 't1', spaceId: url.searchParams.get('spaceId'), name: 'Team', memberIds: [ME_ID] }]),
    )
    .on('GET', '/api/users', () => json([me.user]))
    .on('GET', '/api/channels', () => json([]))
    .on('GET', '/api/sender-profiles', () => json([]))
    .on('GET', '/api/tags', () => json([]))
    .on('GET', '/api/conversations/counts', () => {
      const count = (status: string) => state.conversations.filter((c) => c.status === status).length;
      return json({
        all: state.conversations.length,
        active: count('active'),
        unanswered: count('unanswered'),
        closed: count('closed'),
      });
    })
    .on('GET', '/api/conversations', async (_, url) => {
      const hold = state.hold;
      if (hold) await hold;
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const status = url.searchParams.get('status');
      const matching = state.conversations.filter((c) => !status || status === 'all' || c.status === status);
      const end = start + state.pageSize;
      return json({
        items: matching.slice(start, end),
        nextCursor: end < matching.length ? String(end) : null,
      });
    })
    .on('GET', '/api/conversations/:id', (_, url) => {
      const found = state.conversations.find((c) => c.id === url.pathname.split('/').at(-1));
      return found ? json(found) : problem(404, 'No such conversation.');
    })
    .on('PUT', '/api/conversations/:id/status', async (request, url) => {
      // The status route as the contract describes it: If-Match, legal moves, version bump.
      const id = url.pathname.split('/').at(-2);
      if (state.holdWrites) await state.holdWrites;
      const index = state.conversations.findIndex((c) => c.id === id);
      const current = state.conversations[index];
      if (!current) return problem(404, 'No such conversation.');
      if (request.headers.get('If-Match') !== `"${current.version}"`)
        return problem(412, 'The conversation has changed.', { current });
      const { status } = (await request.json()) as { status: Conversation['status'] };
      if (status === 'unanswered')
        return problem(409, 'A conversation can never go back to Unanswered.', {
          type: 'urn:inbox:problem:illegal-status-change',
        });
      const saved = { ...current, status, version: current.version + 1 };
      state.conversations[index] = saved;
      return json(saved);
    })
    .on('PUT', '/api/conversations/:id/presence', () => new Response(null, { status: 204 }))
    .on('GET', '/api/events', (request) => {
      const stream = sseResponse(request, []);
      streams.add(stream.push);
      request.signal.addEventListener('abort', () => streams.delete(stream.push));
      return stream.response;
    });
  return state;
}

/** Timers run only when the test flushes them. */
export function manualTimers(): Timers & { flush(): void; readonly pending: number } {
  const queue = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout(callback) {
      queue.set(++next, callback);
      return next;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    flush() {
      const callbacks = [...queue.values()];
      queue.clear();
      callbacks.forEach((callback) => callback());
    },
    get pending() {
      return queue.size;
    },
  };
}
