/** The timeline half of the fake backend: timeline pages, sends, notes, undo, retry, read markers, uploads. */
import type {
  Attachment,
  Conversation,
  InboxEventOf,
  MessageItem,
  NoteItem,
  TimelineItem,
} from '../../src/api/index.js';
import {
  createIndexedDbOutboxStorage,
  createInboxStore,
  type InboxStore,
  type MessagingStores,
  type InboxStoreOptions,
  type OutboxStorage,
  type PreferenceStorage,
} from '../../src/stores/index.js';
import { json, problem } from '../api/fake-fetch.js';
import { ME_ID, backend, conversation, manualTimers, type Backend } from './backend.js';
import { withMessaging } from '../helpers/with-messaging.js';

export const T0 = Date.UTC(2025, 0, 1, 12);
const iso = (ms: number) => new Date(ms).toISOString();

/** How the next sends are answered: as the contract says, or failing in one of these ways. */
export type SendMode =
  | 'ok'
  /** The server keeps the message but the answer never arrives (the classic duplicate trap). */
  | 'lost-answer'
  /** Nothing reaches the server. */
  | 'offline'
  | { status: number; detail: string; retryAfter?: string };

export interface TimelineServer {
  /** Every item by conversation, ascending by seq. */
  items: Record<string, TimelineItem[]>;
  mode: SendMode;
  /** Sends wait for this when set (to see the pending state). */
  hold?: Promise<void> | undefined;
  /** The seq each PUT /read asked for, by conversation. */
  reads: Record<string, number[]>;
  /** Idempotency-Key of every send request that reached the handler, in order. */
  sendKeys: string[];
  /** Idempotency-Key of every send request made with `keepalive` (to outlive the page). */
  keptAliveKeys: string[];
  /** Adds an item as the server would (next seq), returning it. */
  add(conversationId: string, item: Partial<MessageItem>): MessageItem;
}

export function message(
  conversationId: string,
  seq: number,
  overrides: Partial<MessageItem> = {},
): MessageItem {
  return {
    id: `m-${conversationId}-${seq}`,
    conversationId,
    seq,
    createdAt: iso(T0 + seq * 1000),
    kind: 'message',
    direction: 'in',
    text: `message ${seq}`,
    attachments: [],
    status: 'delivered',
    authorId: null,
    clientMessageId: null,
    failureReason: null,
    scheduledFor: null,
    ...overrides,
  };
}

export function note(conversationId: string, seq: number): NoteItem {
  return {
    id: `n-${conversationId}-${seq}`,
    conversationId,
    seq,
    createdAt: iso(T0 + seq * 1000),
    kind: 'note',
    text: `note ${seq}`,
    authorId: 'u-bo',
  };
}

let eventId = 7000;
export function itemEvent(item: TimelineItem, spaceId = 's1'): InboxEventOf<'timeline.item'> {
  return { id: String(++eventId), type: 'timeline.item', spaceId, at: item.createdAt, item };
}

/** A Storage stand-in shared between "page loads" (stores). */
export function memoryStorage(): PreferenceStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const segment = (url: URL, fromEnd: number) => url.pathname.split('/').at(-fromEnd) ?? '';

export function withTimeline(api: Backend, now: () => number = () => T0): TimelineServer {
  const byKey = new Map<string, TimelineItem>();
  const server: TimelineServer = {
    items: {},
    mode: 'ok',
    reads: {},
    sendKeys: [],
    keptAliveKeys: [],
    add(conversationId, item) {
      const list = (server.items[conversationId] ??= []);
      const added = message(conversationId, (list.at(-1)?.seq ?? 0) + 1, item);
      list.push(added);
      return added;
    },
  };
  const find = (id: string): { list: TimelineItem[]; index: number } | undefined => {
    for (const list of Object.values(server.items)) {
      const index = list.findIndex((i) => i.id === id);
      if (index >= 0) return { list, index };
    }
    return undefined;
  };

  async function send(request: Request, url: URL, kind: 'message' | 'note'): Promise<Response> {
    const key = request.headers.get('Idempotency-Key') ?? '';
    if (server.hold) await server.hold;
    server.sendKeys.push(key);
    if (request.keepalive) server.keptAliveKeys.push(key);
    const mode = server.mode;
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (typeof mode === 'object') {
      const refusal = problem(mode.status, mode.detail);
      if (mode.retryAfter) refusal.headers.set('Retry-After', mode.retryAfter);
      return refusal;
    }
    const replay = byKey.get(key);
    if (replay) return json(replay, 200);
    const conversationId = segment(url, 2);
    const body = (await request.json()) as { text: string; attachmentIds?: string[] };
    const list = (server.items[conversationId] ??= []);
    const seq = (list.at(-1)?.seq ?? 0) + 1;
    const base = {
      id: `srv-${conversationId}-${seq}`,
      conversationId,
      seq,
      createdAt: iso(now()),
      text: body.text,
    };
    const item: TimelineItem =
      kind === 'note'
        ? { ...base, kind: 'note', authorId: ME_ID }
        : {
            ...message(conversationId, seq, base),
            direction: 'out',
            status: 'scheduled',
            authorId: ME_ID,
            clientMessageId: key,
            scheduledFor: iso(now() + 5000),
            attachments: (body.attachmentIds ?? []).map((id) => ({
              id,
              name: `${id}.png`,
              contentType: 'image/png',
              size: 10,
              url: `/api/attachments/${id}`,
            })),
          };
    list.push(item);
    byKey.set(key, item);
    if (mode === 'lost-answer') throw new TypeError('Failed to fetch');
    return json(item, 201);
  }

  function change(
    url: URL,
    from: MessageItem['status'],
    to: MessageItem['status'],
    refusal: string,
  ): Response {
    const found = find(segment(url, 2));
    const item = found?.list[found.index];
    if (!found || item?.kind !== 'message') return problem(404, 'No such message.');
    if (item.status !== from) return problem(409, refusal);
    const next: MessageItem = { ...item, status: to, scheduledFor: null };
    found.list[found.index] = next;
    return json(next);
  }

  api.server
    .on('GET', '/api/conversations/:id/timeline', (_, url) => {
      const all = server.items[segment(url, 2)] ?? [];
      const q = (name: string) =>
        url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined;
      const [before, after, limit = 50] = [q('beforeSeq'), q('afterSeq'), q('limit')];
      let items = all.filter(
        (i) => (before === undefined || i.seq < before) && (after === undefined || i.seq > after),
      );
      items = after !== undefined ? items.slice(0, limit) : items.slice(-limit);
      const lowest = items[0]?.seq ?? before ?? Infinity;
      return json({ items, hasOlder: all.some((i) => i.seq < lowest) });
    })
    .on('POST', '/api/conversations/:id/messages', (request, url) => send(request, url, 'message'))
    .on('POST', '/api/conversations/:id/notes', (request, url) => send(request, url, 'note'))
    .on('POST', '/api/messages/:id/cancel', (_, url) =>
      change(url, 'scheduled', 'cancelled', "This message was already sent, so it can't be undone."),
    )
    .on('POST', '/api/messages/:id/retry', (_, url) =>
      change(url, 'failed', 'queued', 'Only failed messages can be retried.'),
    )
    .on('PUT', '/api/conversations/:id/read', async (request, url) => {
      const { seq } = (await request.json()) as { seq: number };
      (server.reads[segment(url, 2)] ??= []).push(seq);
      return json({ seq });
    })
    .on('POST', '/api/attachments', async (request, url) => {
      const file = (await request.formData()).get('file');
      if (!(file instanceof File)) return problem(400, 'No file.');
      const attachment: Attachment = {
        id: `att-${url.searchParams.get('channel')}`,
        name: file.name,
        contentType: file.type,
        size: file.size,
        url: '/api/attachments/att',
      };
      return json(attachment, 201);
    });
  return server;
}

export interface InboxSetup {
  api: Backend;
  server: TimelineServer;
  timers: ReturnType<typeof manualTimers>;
  clock: { now: number };
  storage: ReturnType<typeof memoryStorage>;
  /** The outbox's IndexedDB, a database of this setup's own (shared by its reloads). */
  outbox: OutboxStorage;
  visible: { value: boolean };
  /** A store as a page load makes it (session and space loaded), sharing backend, clock and storage. */
  open(options?: InboxStoreOptions): Promise<InboxStore & MessagingStores>;
}

const opened: InboxStore[] = [];
/** Disposes every store the tests opened; call from afterEach. */
export function disposeAll(): void {
  opened.splice(0).forEach((store) => store.dispose());
}

export function inbox(conversations: Conversation[] = [conversation('c1', 10)]): InboxSetup {
  const api = backend(conversations);
  const clock = { now: T0 };
  const setup: InboxSetup = {
    api,
    server: withTimeline(api, () => clock.now),
    timers: manualTimers(),
    clock,
    storage: memoryStorage(),
    outbox: createIndexedDbOutboxStorage(`test-${crypto.randomUUID()}`),
    visible: { value: true },
    async open(options = {}) {
      const store = createInboxStore(api.client, {
        timers: setup.timers,
        now: () => clock.now,
        storage: setup.storage,
        outboxStorage: setup.outbox,
        isVisible: () => setup.visible.value,
        ...options,
      });
      opened.push(store);
      await store.session.loadSession();
      await store.directory.setActiveSpace('s1');
      return withMessaging(store);
    },
  };
  return setup;
}
