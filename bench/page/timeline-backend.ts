/**
 * The bench backend (fake-backend.ts) with one conversation's timeline, like
 * test/helpers/timeline-fetch.ts, except that the newest page can hold the whole thread (`limit`
 * ignored) so the store holds every message, it records when that page is handed back, and it can
 * tell the harness the moment an older page is asked for.
 */
import type { components } from '../../src/api/schema.js';
import { makeConversations, space } from '../../test/fixtures/inbox-fixtures.js';
import { makeTimeline } from '../../test/fixtures/timeline-fixtures.js';
import { benchBackend, type BenchBackend } from './fake-backend.js';

type TimelineItem = components['schemas']['TimelineItem'];
type MessageItem = components['schemas']['MessageItem'];

const json = (body: BodyInit, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

export interface TimelineBenchBackend extends BenchBackend {
  conversationId: string;
  items: TimelineItem[];
  /**
   * How many items the newest page holds: `all` (the whole thread, whatever the limit), or `limit`
   * (what the store asks for, as the real server does) with `hasOlder`.
   */
  newestPage: 'all' | 'limit';
  /**
   * Whether the whole-thread page says there is nothing older (`hasOlder: false`). Off by default:
   * the store then holds the newest 10,000 of a longer thread. On, <inbox-timeline> renders its
   * "beginning of the conversation" paragraph inside the virtualizer's host, which takes it for a
   * row; every row then sits one slot off and the newest is never positioned (see the suite).
   */
  wholeThread: boolean;
  /** performance.now() when the latest newest-page response was resolved. */
  timelineResponseAt: number;
  /** Called synchronously when an older page (`beforeSeq`) is requested, before it is answered. */
  onOlderRequest?: () => void;
  olderRequests: number;
  /** How many newest pages (the open) were asked for. */
  newestRequests: number;
  /** Appends an inbound message with the next seq and pushes it as a `timeline.item` event. */
  appendInbound(text: string): MessageItem;
}

export function timelineBenchBackend(count: number, wholeThread = false): TimelineBenchBackend {
  // Enough for a list beside the timeline to fill its view (see allThree in timeline.ts).
  const conversations = makeConversations(60);
  const conversationId = conversations[0]!.id;
  const items = makeTimeline(conversationId, count);
  conversations[0] = { ...conversations[0]!, lastSeq: count, unreadCount: 0 };
  const base = benchBackend(conversations);
  // Serialized once: the page pays for parsing a response, not for the fake server building it.
  // Kept as bytes, as a network response is: a ~3 MB string handed to `new Response` is moved off
  // the JS heap by the browser (externalized) at that moment, which would show as heap freed.
  const all = new TextEncoder().encode(JSON.stringify({ items, hasOlder: !wholeThread }));
  let events = 0;

  const backend: TimelineBenchBackend = Object.assign(base, {
    conversationId,
    items,
    newestPage: 'all' as const,
    wholeThread,
    timelineResponseAt: NaN,
    olderRequests: 0,
    newestRequests: 0,
    appendInbound(text: string): MessageItem {
      const seq = (items.at(-1)?.seq ?? 0) + 1;
      const createdAt = new Date(Date.parse(items.at(-1)?.createdAt ?? '2027-01-01') + 60_000).toISOString();
      const item: MessageItem = {
        id: `${conversationId}-item-${seq}`,
        conversationId,
        seq,
        createdAt,
        kind: 'message',
        direction: 'in',
        text,
        attachments: [],
        status: 'delivered',
        authorId: null,
        clientMessageId: null,
        failureReason: null,
        scheduledFor: null,
      };
      items.push(item);
      base.push({ id: `bench-t${++events}`, type: 'timeline.item', spaceId: space.id, at: createdAt, item });
      return item;
    },
  });

  const fetchBase = base.fetch;
  backend.fetch = async (input, init) => {
    const request = input instanceof Request ? input.clone() : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    if (path === `/conversations/${conversationId}/timeline`) {
      const params = url.searchParams;
      const limit = Number(params.get('limit') ?? 50);
      if (params.has('beforeSeq')) {
        backend.olderRequests++;
        backend.onOlderRequest?.();
        const window = items.filter((i) => i.seq < Number(params.get('beforeSeq')));
        const page = window.slice(-limit);
        return json(JSON.stringify({ items: page, hasOlder: (page[0]?.seq ?? 1) > 1 }));
      }
      if (params.has('afterSeq')) {
        const page = items.filter((i) => i.seq > Number(params.get('afterSeq'))).slice(0, limit);
        return json(JSON.stringify({ items: page, hasOlder: (page[0]?.seq ?? 1) > 1 }));
      }
      backend.newestRequests++;
      let response: Response;
      if (backend.newestPage === 'all' && items.length === count) response = json(all);
      else {
        const page = backend.newestPage === 'all' ? items : items.slice(-limit);
        const hasOlder = backend.newestPage === 'all' ? !wholeThread : (page[0]?.seq ?? 1) > 1;
        response = json(JSON.stringify({ items: page, hasOlder }));
      }
      backend.timelineResponseAt = performance.now();
      return response;
    }
    if (path === `/conversations/${conversationId}` && request.method === 'GET')
      return json(JSON.stringify(conversations[0]));
    if (path === `/conversations/${conversationId}/read` && request.method === 'PUT')
      return json(JSON.stringify(await request.json()));
    return fetchBase(input, init);
  };
  return backend;
}
