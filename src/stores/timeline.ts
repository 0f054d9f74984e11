import { atom, computed, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type { InboxEvent, MessageItem, TimelineItem } from '../api/types.js';
import type { Timers } from './context.js';
import type { ConversationsStore } from './conversations.js';
import type { DirectoryStore } from './directory.js';
import type { RealtimeStore } from './realtime.js';
import type { SessionStore } from './session.js';
import {
  isVisibleItem,
  mergeItems,
  seqIndex,
  sharingRepeats,
  type PendingEntry,
  type TimelineEntry,
} from './timeline-items.js';

export interface TimelineState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last failure of load or loadOlder. */
  error: InboxApiError | null;
  /** More history before the oldest loaded item. */
  hasOlder: boolean;
  loadingOlder: boolean;
}

/** One open conversation's timeline; several may be open at once (pinned timelines). */
export interface TimelineQuery {
  readonly conversationId: string;
  /**
   * Items ascending by seq, then this browser's sends the server has not acknowledged (or refused).
   * Cancelled messages are left out.
   */
  $items: ReadableAtom<TimelineEntry[]>;
  $state: ReadableAtom<TimelineState>;
  /** Loads the newest page. Never rejects: failures land in `$state.error`. */
  load(): Promise<TimelineState>;
  /** Prepends the page before the oldest loaded item, if any. Never rejects. */
  loadOlder(): Promise<TimelineState>;
  /** Stops realtime updates and drops in-flight responses. */
  dispose(): void;
}

export interface TimelineStore {
  /** A new timeline of one conversation; call `load()` to fill it and `dispose()` when done. */
  open(conversationId: string): TimelineQuery;
  /** Takes in an item the server answered with (send, cancel, retry) by the same rules as events. */
  upsertItem(item: TimelineItem): void;
  /** A loaded message by its client message id, from any open timeline. */
  findByClientMessageId(clientMessageId: string): MessageItem | undefined;
  /** The newest seq any open timeline of the conversation holds (0 when none). */
  latestSeq(conversationId: string): number;
  dispose(): void;
}

export interface TimelineDeps {
  client: InboxClient;
  session: SessionStore;
  directory: DirectoryStore;
  conversations: ConversationsStore;
  realtime: RealtimeStore;
  /** The outbox's unacknowledged sends, shown after the server's items. */
  pending: ReadableAtom<PendingEntry[]>;
  /** Told what the user now has in front of them (the read policy decides what that means). */
  onSeen(conversationId: string, seq: number): void;
  timers: Timers;
}

const PAGE_SIZE = 50;
const GAP_LIMIT = 200;
/**
 * A conversation update that announces a newer `lastSeq` usually travels with the item itself; wait
 * this long for it before fetching what is missing.
 */
const CACHE_GAP_DELAY_MS = 500;

const IDLE: TimelineState = { status: 'idle', error: null, hasOlder: false, loadingOlder: false };

interface LiveTimeline extends TimelineQuery {
  receive(item: TimelineItem): void;
  items(): readonly TimelineItem[];
}

export function createTimelineStore(deps: TimelineDeps): TimelineStore {
  const { realtime, directory } = deps;
  const open = new Set<LiveTimeline>();
  const forConversation = (id: string) => [...open].filter((t) => t.conversationId === id);

  const stopEvents = realtime.onEvent((event: InboxEvent) => {
    if (event.spaceId !== directory.$activeSpaceId.get()) return;
    if (event.type === 'timeline.item')
      forConversation(event.item.conversationId).forEach((t) => t.receive(event.item));
    // The stream missed events it can no longer replay: start over from the newest page.
    else if (event.type === 'resync') open.forEach((t) => void t.load());
  });
  const stopSpaceListener = directory.onSpaceChange(() => Promise.all([...open].map((t) => t.load())));

  return {
    open(conversationId) {
      const timeline = createTimeline(deps, conversationId, () => open.delete(timeline));
      open.add(timeline);
      return timeline;
    },
    upsertItem(item) {
      forConversation(item.conversationId).forEach((t) => t.receive(item));
    },
    findByClientMessageId(clientMessageId) {
      for (const timeline of open) {
        const found = timeline
          .items()
          .find((i): i is MessageItem => i.kind === 'message' && i.clientMessageId === clientMessageId);
        if (found) return found;
      }
      return undefined;
    },
    latestSeq(conversationId) {
      return Math.max(0, ...forConversation(conversationId).map((t) => t.items().at(-1)?.seq ?? 0));
    },
    dispose() {
      stopEvents();
      stopSpaceListener();
      [...open].forEach((t) => t.dispose());
    },
  };
}

function createTimeline(deps: TimelineDeps, conversationId: string, release: () => void): LiveTimeline {
  const { client, session, conversations, timers } = deps;
  const $server = atom<TimelineItem[]>([]);
  const $state = atom<TimelineState>(IDLE);
  // Every load bumps this; a response that finds it moved on belongs to an older load.
  let generation = 0;
  // Everything up to syncedSeq is here; targetSeq is the newest seq known to exist.
  let syncedSeq = 0;
  let targetSeq = 0;
  let filling: Promise<void> | undefined;
  let gapTimer: unknown;
  let disposed = false;

  const path = { path: { conversationId } };
  const patch = (next: Partial<TimelineState>): TimelineState => {
    $state.set({ ...$state.get(), ...next });
    return $state.get();
  };
  const newest = (): number => $server.get().at(-1)?.seq ?? 0;
  const share = sharingRepeats();
  // The client ids of this browser's sends the server has: their pending bubbles give way.
  const acknowledged = new Set<string>();
  /** `items` with `incoming` upserted, its repeated values shared with the rest of the thread. */
  function merged(items: readonly TimelineItem[], incoming: readonly TimelineItem[]): TimelineItem[] {
    for (const item of incoming)
      if (item.kind === 'message' && item.clientMessageId) acknowledged.add(item.clientMessageId);
    return mergeItems(items, incoming.map(share));
  }

  /** Moves syncedSeq over every item that follows it without a hole. */
  function advance(): void {
    const items = $server.get();
    for (let at = seqIndex(items, syncedSeq + 1); items[at]?.seq === syncedSeq + 1; at++) syncedSeq++;
    targetSeq = Math.max(targetSeq, syncedSeq);
  }

  /** Fetches only what lies between syncedSeq and targetSeq (`afterSeq`), one request at a time. */
  function fillGap(): Promise<void> {
    filling ??= (async () => {
      const run = generation;
      try {
        while (!disposed && run === generation && targetSeq > syncedSeq) {
          const goal = targetSeq;
          const limit = Math.min(GAP_LIMIT, goal - syncedSeq);
          const query = { afterSeq: syncedSeq, limit };
          const page = await unwrap(
            client.api.GET('/conversations/{conversationId}/timeline', { params: { ...path, query } }),
          );
          if (run !== generation) return;
          $server.set(merged($server.get(), page.items));
          const top = Math.max(syncedSeq, ...page.items.map((i) => i.seq));
          // A short page means nothing else exists below the goal (e.g. notes this user can't see).
          syncedSeq = page.items.length < limit ? Math.max(top, goal) : top;
          advance();
        }
      } catch {
        // The next event, update or reload tries again; what is here stays.
      } finally {
        filling = undefined;
      }
    })();
    return filling;
  }

  function checkCachedSeq(): void {
    const lastSeq = conversations.$conversationsById.get().get(conversationId)?.lastSeq ?? 0;
    if ($state.get().status !== 'ready' || lastSeq <= targetSeq) return;
    targetSeq = lastSeq;
    timers.clearTimeout(gapTimer);
    gapTimer = timers.setTimeout(() => void fillGap(), CACHE_GAP_DELAY_MS);
  }

  async function load(): Promise<TimelineState> {
    if (disposed) return $state.get();
    const run = ++generation;
    patch({ status: 'loading', error: null, loadingOlder: false });
    try {
      const page = await unwrap(
        client.api.GET('/conversations/{conversationId}/timeline', {
          params: { ...path, query: { limit: PAGE_SIZE } },
        }),
      );
      if (run !== generation) return $state.get();
      // Items that arrived while loading and are newer than the page stay; older history is dropped.
      const first = page.items[0]?.seq;
      const kept = first === undefined ? $server.get() : $server.get().filter((i) => i.seq >= first);
      $server.set(merged(kept, page.items));
      syncedSeq = Math.max(0, ...page.items.map((i) => i.seq));
      targetSeq = Math.max(syncedSeq, ...kept.map((i) => i.seq));
      advance();
      patch({ status: 'ready', hasOlder: page.hasOlder });
      checkCachedSeq();
      if (targetSeq > syncedSeq) void fillGap();
      deps.onSeen(conversationId, newest());
      return $state.get();
    } catch (error) {
      if (run !== generation) return $state.get();
      return patch({ status: 'error', error: InboxApiError.from(error) });
    }
  }

  async function loadOlder(): Promise<TimelineState> {
    const state = $state.get();
    const oldest = $server.get()[0]?.seq;
    if (disposed || state.status !== 'ready' || state.loadingOlder || !state.hasOlder || !oldest)
      return state;
    const run = generation;
    patch({ loadingOlder: true, error: null });
    try {
      const query = { beforeSeq: oldest, limit: PAGE_SIZE };
      const page = await unwrap(
        client.api.GET('/conversations/{conversationId}/timeline', { params: { ...path, query } }),
      );
      if (run !== generation) return $state.get();
      $server.set(merged($server.get(), page.items));
      return patch({ loadingOlder: false, hasOlder: page.hasOlder });
    } catch (error) {
      if (run !== generation) return $state.get();
      return patch({ loadingOlder: false, error: InboxApiError.from(error) });
    }
  }

  /** One item from realtime or a server answer: upsert by id, detect a hole in seq. */
  function receive(item: TimelineItem): void {
    const { status } = $state.get();
    // Before the first load (or after a failed one) the next load brings everything.
    if (disposed || (status !== 'ready' && status !== 'loading')) return;
    const before = newest();
    $server.set(merged($server.get(), [item]));
    targetSeq = Math.max(targetSeq, item.seq);
    if (status !== 'ready') return;
    advance();
    if (targetSeq > syncedSeq) void fillGap();
    if (item.kind === 'message' && item.direction === 'in' && item.seq > before)
      deps.onSeen(conversationId, newest());
  }

  const stopFollowingCache = conversations.$conversationsById.listen(checkCachedSeq);

  const $items = computed(
    [$server, deps.pending, session.$capabilities],
    (items, pending, capabilities): TimelineEntry[] => {
      const canReadNotes = capabilities?.readNotes ?? false;
      const mine = pending.filter(
        (p) => p.conversationId === conversationId && !acknowledged.has(p.clientMessageId),
      );
      return [...items.filter((i) => isVisibleItem(i, canReadNotes)), ...mine];
    },
  );

  const timeline: LiveTimeline = {
    conversationId,
    $items,
    $state,
    load,
    loadOlder,
    receive,
    items: () => $server.get(),
    dispose() {
      if (disposed) return;
      disposed = true;
      generation++;
      timers.clearTimeout(gapTimer);
      stopFollowingCache();
      release();
    },
  };
  return timeline;
}
