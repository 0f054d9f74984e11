/**
 * Adds timeline routes to the fixture backend, for narrow timeline tests: pages by seq, read
 * markers, retries, and pushing new items through the event stream.
 */
import type { components } from '../../src/api/schema.js';
import { space } from '../fixtures/inbox-fixtures.js';
import { makeTimeline } from '../fixtures/timeline-fixtures.js';
import { fixtureBackend, type FixtureBackend } from './fixture-fetch.js';

type TimelineItem = components['schemas']['TimelineItem'];

export interface TimelineBackend extends FixtureBackend {
  timelines: Record<string, TimelineItem[]>;
  /** Overrides who the user is (for example one without note access). */
  me?: components['schemas']['Me'];
  /** Items in the newest page whatever limit the store asks for (a thread it opens at once). */
  newestPageSize?: number;
  /** Appends an item to a conversation and announces it, as the server would. */
  append(
    conversationId: string,
    item: Omit<TimelineItem, 'seq' | 'conversationId' | 'id'> & Partial<TimelineItem>,
  ): TimelineItem;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function timelineBackend(backend = fixtureBackend(), itemsPerConversation = 60): TimelineBackend {
  const timelines: Record<string, TimelineItem[]> = {};
  const timelineOf = (id: string) => (timelines[id] ??= makeTimeline(id, itemsPerConversation));
  let eventId = 1000;
  const base = backend.fetch;
  const extended: TimelineBackend = Object.assign(backend, {
    timelines,
    append(conversationId: string, partial: Partial<TimelineItem>) {
      const items = timelineOf(conversationId);
      const seq = (items.at(-1)?.seq ?? 0) + 1;
      const item = { ...partial, id: `${conversationId}-item-${seq}`, conversationId, seq } as TimelineItem;
      items.push(item);
      backend.push({
        id: String(++eventId),
        type: 'timeline.item',
        spaceId: space.id,
        at: item.createdAt,
        item,
      });
      return item;
    },
  });
  backend.fetch = async (input, init) => {
    // A clone: building a Request from a Request would use up its body before `base` reads it.
    const request = input instanceof Request ? input.clone() : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    const timeline = /^\/conversations\/([^/]+)\/timeline$/.exec(path);
    if (timeline?.[1]) {
      backend.requests.push(`GET ${path}${url.search}`);
      const items = timelineOf(timeline[1]);
      const before = Number(url.searchParams.get('beforeSeq') ?? Infinity);
      const after = Number(url.searchParams.get('afterSeq') ?? 0);
      const newest = !url.searchParams.has('beforeSeq') && !url.searchParams.has('afterSeq');
      const limit = (newest && extended.newestPageSize) || Number(url.searchParams.get('limit') ?? 50);
      const window = items.filter((item) => item.seq < before && item.seq > after);
      const page = url.searchParams.has('afterSeq') ? window.slice(0, limit) : window.slice(-limit);
      return json({ items: page, hasOlder: (page[0]?.seq ?? 1) > 1 });
    }
    if (path === '/me' && extended.me) return json(extended.me);
    const one = /^\/conversations\/([^/]+)$/.exec(path);
    if (one?.[1] && one[1] !== 'counts' && request.method === 'GET') {
      backend.requests.push(`GET ${path}`);
      const conversation = backend.conversations.find((c) => c.id === one[1]);
      return conversation
        ? json(conversation)
        : json(
            {
              type: 'urn:inbox:problem:not-found',
              title: 'Not Found',
              status: 404,
              detail: 'No such conversation.',
            },
            404,
          );
    }
    const retry = /^\/messages\/([^/]+)\/retry$/.exec(path);
    if (retry?.[1]) {
      backend.requests.push(`POST ${path}`);
      const item = Object.values(timelines)
        .flat()
        .find((i) => i.id === retry[1]);
      return json({ ...item, status: 'queued', failureReason: null });
    }
    const read = /^\/conversations\/([^/]+)\/read$/.exec(path);
    if (read) {
      backend.requests.push(`PUT ${path}`);
      return json(await request.json());
    }
    return base(input, init);
  };
  return extended;
}
