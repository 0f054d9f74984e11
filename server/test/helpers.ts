import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { components } from '../../src/api/schema.js';
import { createServer, type RunningServer, type ServerOptions } from '../app.js';

type Schemas = components['schemas'];
export type Conversation = Schemas['Conversation'];
export type ConversationPage = Schemas['ConversationPage'];
export type ConversationCounts = Schemas['ConversationCounts'];
export type TimelineItem = Schemas['TimelineItem'];
export type MessageItem = Schemas['MessageItem'];
export type InboxEvent = Schemas['InboxEvent'];
export type Contact = Schemas['Contact'];
export type EventOf<K extends InboxEvent['type']> = Extract<InboxEvent, { type: K }>;
/** A problem as tests read it: `current` is whatever resource the server put there. */
export type Problem<C = Conversation> = Omit<Schemas['Problem'], 'current'> & { current?: C };

/** Where a test server keeps its data: a PGlite dir (or memory) or a Postgres database. */
export interface Store {
  dataDir?: string | null;
  databaseUrl?: string;
}

/** A database backend the shared suites run against. */
export interface Backend {
  name: string;
  /** A fresh, empty store; the same store twice means a restart on the same data. */
  newStore(opts?: { persistent?: boolean }): Promise<Store>;
}

const tempDirs: string[] = [];
export function tempDir(prefix = 'inbox-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

export const pgliteBackend: Backend = {
  name: 'pglite',
  async newStore(opts) {
    return { dataDir: opts?.persistent ? tempDir('inbox-pglite-') : null };
  },
};

export async function startServer(store: Store, extra: ServerOptions = {}): Promise<RunningServer> {
  return createServer({
    port: 0,
    simulatorIntervalMs: 0,
    log: () => {},
    ...(store.databaseUrl ? { databaseUrl: store.databaseUrl } : { dataDir: store.dataDir ?? null }),
    ...extra,
  });
}

export const TOKENS = {
  admin: 'demo-admin-token',
  manager: 'demo-manager-token',
  agent: 'demo-agent-token',
  noNotes: 'demo-agent-nonotes-token',
  twoSpaces: 'demo-agent-twospaces-token',
  agent2: 'demo-agent2-token',
  /** Nadia Karim: no inbox access yet. */
  noAccess: 'demo-noaccess-token',
  /** Tomás Herrera: asked for inbox access, not approved yet. */
  requested: 'demo-requested-token',
  /** Grace Okafor: owner and Inbox Admin of Harbor Lane Bakery, onboarding half done. */
  owner2: 'demo-owner2-token',
} as const;

/** The seeded inbox users of the demo tenant (the ones with access). */
export const INBOX_TOKENS = {
  admin: TOKENS.admin,
  manager: TOKENS.manager,
  agent: TOKENS.agent,
  noNotes: TOKENS.noNotes,
  twoSpaces: TOKENS.twoSpaces,
  agent2: TOKENS.agent2,
} as const;

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch against the running server; JSON in, JSON (or text) out, typed by the caller (T). */
/** What requests need of a server: in this process or another (see process/server-process.ts). */
export type Reachable = Pick<RunningServer, 'url'>;

export async function api<T = unknown>(
  server: Reachable,
  path: string,
  init: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(new URL(path, server.url), { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** Polls until fn returns a truthy value; fails after timeoutMs. No fixed sleeps in assertions. */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface SseEvent<E extends InboxEvent = InboxEvent> {
  id?: string;
  event?: string;
  data: E;
}

/** A minimal SSE client over fetch (a bearer header, like the library's own stream). */
export async function openStream(server: Reachable, spaceId: string, token: string, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await fetch(new URL(`/api/events?spaceId=${spaceId}`, server.url), {
    headers,
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let ended = false;
  let buffer = '';
  const reading = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const ev: { id?: string; event?: string; data?: InboxEvent } = {};
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) ev.id = line.slice(4);
            else if (line.startsWith('event: ')) ev.event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) events.push({ ...ev, data: JSON.parse(data.join('\n')) as InboxEvent });
        }
      }
    } catch {
      // Aborted by the test.
    } finally {
      ended = true;
    }
  })();
  // A timeout says what the stream did receive, so a missing event can be told from a stalled stream.
  const explain = (error: Error): never => {
    const tail = events.slice(-8).map((e) => {
      const d = e.data as { type: string; conversation?: { id: string; version: number } };
      return `${e.id} ${d.type}${d.conversation ? ` ${d.conversation.id} v${d.conversation.version}` : ''}`;
    });
    throw new Error(
      `${error.message}; the stream (${res.status}) ${ended ? 'ended' : 'is open'} after ${events.length} events, the last: ${tail.join(', ')}`,
    );
  };
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    get ended() {
      return ended;
    },
    waitFor: (pred: (e: SseEvent) => boolean, what: string, timeoutMs = 10_000) =>
      waitFor(() => events.find(pred), what, timeoutMs).catch(explain),
    /** The first event of one type (matching pred), with its data narrowed to that type. */
    next: <K extends InboxEvent['type']>(
      type: K,
      pred: (data: EventOf<K>) => boolean = () => true,
      what: string = type,
      timeoutMs = 10_000,
    ) =>
      waitFor(
        () =>
          events.find((e): e is SseEvent<EventOf<K>> => e.data.type === type && pred(e.data as EventOf<K>)),
        what,
        timeoutMs,
      ).catch(explain),
    /** Events of one type seen so far, narrowed. */
    ofType: <K extends InboxEvent['type']>(type: K) =>
      events.filter((e): e is SseEvent<EventOf<K>> => e.data.type === type),
    async close() {
      controller.abort();
      await reading;
    },
    reading,
  };
}

/** Every page of a list, following nextCursor. */
export async function fetchAll(
  server: RunningServer,
  token: string,
  params: Record<string, string>,
  limit = 50,
) {
  const items: Conversation[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const qs: URLSearchParams = new URLSearchParams({
      ...params,
      limit: String(limit),
      ...(cursor ? { cursor } : {}),
    });
    const res: ApiResponse<ConversationPage> = await api(server, `/api/conversations?${qs}`, { token });
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (++pages > 500) throw new Error('pagination does not end');
  } while (cursor);
  return items;
}

/** Event streams a suite opens, closed together from its `after`. */
export function streamPool(spaceId: string) {
  const streams: Awaited<ReturnType<typeof openStream>>[] = [];
  return {
    async open(server: RunningServer, token: string, lastEventId?: string) {
      const stream = await openStream(server, spaceId, token, lastEventId);
      streams.push(stream);
      return stream;
    },
    closeAll: () => Promise.all(streams.splice(0).map((stream) => stream.close())),
  };
}
