import { atom, computed, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { retryAfterMs } from '../api/retry-after.js';
import type { RateLimitsStore } from './rate-limits.js';
import { unwrap } from '../api/middleware.js';
import type { Conversation, ConversationCounts, ConversationSort } from '../api/types.js';
import type { Timers } from './context.js';
import {
  countsQuery,
  listQuery,
  matchesFilters,
  resolveFilters,
  sameFilters,
  type ConversationFilters,
  type ResolvedConversationFilters,
} from './conversation-filters.js';
import type { ConversationCache } from './conversation-cache.js';
import { SortedWindow } from './sorted-window.js';

export interface ConversationListState {
  /** The loaded window, in display order: ids to look up in `$conversationsById` (a new array per change). */
  ids: readonly string[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last failure of load or loadMore. */
  error: InboxApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** With a search, the message that matched, by conversation id: it belongs to this list, not the shared cache. */
  matches: Record<string, SearchMatch>;
}

type SearchMatch = NonNullable<Conversation['searchMatch']>;

/**
 * Splits a page into the conversations for the shared cache and this list's search matches. Only a
 * conversation that carries a match is copied (without it): a page without search copies nothing.
 */
function splitMatches(items: Conversation[], matches: Record<string, SearchMatch>): Conversation[] {
  for (let i = 0; i < items.length; i++) {
    const { searchMatch, ...conversation } = items[i]!;
    if (!searchMatch) continue;
    matches[conversation.id] = searchMatch;
    items[i] = conversation;
  }
  return items;
}

/** One conversation list: its filters, its loaded window, and the counts of its status tabs. */
export interface ConversationListQuery {
  $filters: ReadableAtom<ResolvedConversationFilters>;
  $state: ReadableAtom<ConversationListState>;
  /**
   * The loaded conversations, fresh from the shared cache, with this list's search matches. Builds
   * an array of the whole window on every change while subscribed: a long list renders `$state.ids`
   * and looks each visible row up (`$conversationsById`, `$state.matches`) instead.
   */
  $items: ReadableAtom<Conversation[]>;
  /** Whether the loaded window holds this conversation (O(1)). */
  has(id: string): boolean;
  /** How many conversations each status tab holds under the same view, team, search and unread filters. */
  $counts: ReadableAtom<ConversationCounts | null>;
  /**
   * Changes some filters at once and reloads from the first page (and the counts). Responses for
   * older filters are dropped. `sort: undefined` unpins the sort: the list follows the user's.
   */
  setFilters(filters: ConversationFilters): Promise<ConversationListState>;
  /**
   * Searches as the user types: waits for a pause (250 ms), trims, then `setFilters({ q })`, so fast
   * typing sends one request. An empty text clears the search at once, and `now` (Enter in the
   * field) searches without the pause. Resolves with the state after the search that finally ran.
   */
  search(q: string, options?: { now?: boolean }): Promise<ConversationListState>;
  /** Loads the first page (and the counts). Never rejects: failures land in `$state.error`. */
  load(): Promise<ConversationListState>;
  /** Appends the next page, if any. Never rejects. */
  loadMore(): Promise<ConversationListState>;
  loadCounts(): Promise<ConversationCounts | null>;
  /** Stops realtime updates and drops in-flight responses. */
  dispose(): void;
}

/** What the conversations store shares with each of its lists. */
export interface ListContext {
  client: InboxClient;
  cache: Pick<ConversationCache, '$index' | 'get'>;
  /** Puts fresher conversations into the shared cache (by version). */
  store(conversations: readonly Conversation[]): void;
  spaceId(): string | null;
  meId(): string | undefined;
  timers: Timers;
  countsDebounceMs: number;
  searchDebounceMs: number;
  now: () => number;
  rateLimits?: RateLimitsStore | undefined;
  /** The user's remembered order, followed while the list's sort is not pinned. */
  sortPreference: ReadableAtom<ConversationSort>;
  release(list: LiveList): void;
}

/** The side of a list the realtime reducer talks to. */
export interface LiveList {
  reconcile(conversation: Conversation): void;
  remove(id: string): void;
  scheduleCounts(): void;
  /**
   * Moves `before` out of and `after` into the counts at once (optimistic change), where the list's
   * filters count them. Returns the undo, which does nothing once fresher counts have arrived.
   */
  adjustCounts(before: Conversation, after: Conversation): () => void;
  /** Reloads after a space switch or resync. */
  load(): Promise<ConversationListState>;
  dispose(): void;
}

/** The longest search the contract accepts (`q`, maxLength 200). */
export const SEARCH_MAX_LENGTH = 200;

const IDLE: ConversationListState = {
  ids: [],
  status: 'idle',
  error: null,
  hasMore: false,
  loadingMore: false,
  matches: {},
};

export function createConversationList(
  ctx: ListContext,
  initial?: ConversationFilters,
): ConversationListQuery & LiveList {
  // A sort the host set wins; without one the list follows the user's remembered sort.
  let pinnedSort = initial?.sort;
  const $filters = atom(resolveFilters({ ...initial, sort: pinnedSort ?? ctx.sortPreference.get() }));
  const $state = atom<ConversationListState>(IDLE);
  const $counts = atom<ConversationCounts | null>(null);
  // Every load bumps these; a response that finds them moved on belongs to older filters.
  let generation = 0;
  let countsGeneration = 0;
  // Bumped when server counts land: an optimistic adjustment is undone only on the counts it changed.
  let countsLanded = 0;
  let cursor: string | null = null;
  let countsTimer: unknown;
  let searchTimer: unknown;
  let searchWaiters: ((state: ConversationListState) => void)[] = [];
  let disposed = false;
  // The order and membership behind `$state.ids`, kept in step with it.
  const order = new SortedWindow($filters.get().sort);

  const patch = (next: Partial<ConversationListState>): ConversationListState => {
    $state.set({ ...$state.get(), ...next });
    return $state.get();
  };

  async function load(): Promise<ConversationListState> {
    const spaceId = ctx.spaceId();
    if (disposed || !spaceId) return $state.get();
    const run = ++generation;
    patch({ status: 'loading', error: null, loadingMore: false });
    void loadCounts();
    try {
      const page = await unwrap(
        ctx.client.api.GET('/conversations', { params: { query: listQuery(spaceId, $filters.get()) } }),
      );
      if (run !== generation) return $state.get();
      const matches: Record<string, SearchMatch> = {};
      const conversations = splitMatches(page.items, matches);
      ctx.store(conversations);
      cursor = page.nextCursor;
      return patch({
        ids: order.reset($filters.get().sort, conversations),
        status: 'ready',
        hasMore: cursor !== null,
        matches,
      });
    } catch (error) {
      if (run !== generation) return $state.get();
      const failure = InboxApiError.from(error);
      // Too many requests: wait what the server asked (the list shows the countdown), then reload.
      const wait = failure.status === 429 ? retryAfterMs(failure, ctx.now()) : null;
      if (wait !== null) ctx.rateLimits?.hold('list', ctx.now() + wait, () => void load());
      return patch({ status: 'error', error: failure });
    }
  }

  async function loadMore(): Promise<ConversationListState> {
    const spaceId = ctx.spaceId();
    const state = $state.get();
    if (disposed || !spaceId || state.status !== 'ready' || state.loadingMore || !cursor) return state;
    const run = generation;
    patch({ loadingMore: true, error: null });
    try {
      const query = listQuery(spaceId, $filters.get(), cursor);
      const page = await unwrap(ctx.client.api.GET('/conversations', { params: { query } }));
      if (run !== generation) return $state.get();
      const matches: Record<string, SearchMatch> = { ...$state.get().matches };
      const conversations = splitMatches(page.items, matches);
      ctx.store(conversations);
      cursor = page.nextCursor;
      return patch({
        // Realtime may already have placed some of these rows.
        ids: order.append(conversations),
        hasMore: cursor !== null,
        loadingMore: false,
        matches,
      });
    } catch (error) {
      if (run !== generation) return $state.get();
      return patch({ loadingMore: false, error: InboxApiError.from(error) });
    }
  }

  async function loadCounts(): Promise<ConversationCounts | null> {
    const spaceId = ctx.spaceId();
    // One contact's conversations have no status tabs to count.
    if (disposed || !spaceId || $filters.get().contactId) return $counts.get();
    const run = ++countsGeneration;
    try {
      const query = countsQuery(spaceId, $filters.get());
      const counts = await unwrap(ctx.client.api.GET('/conversations/counts', { params: { query } }));
      if (run === countsGeneration) {
        $counts.set(counts);
        countsLanded++;
      }
    } catch {
      // Counts are decoration: keep the last ones rather than blank the tabs.
    }
    return $counts.get();
  }

  function setFilters(filters: ConversationFilters): Promise<ConversationListState> {
    // An explicit `sort: undefined` unpins; a call that doesn't mention sort leaves it alone.
    if ('sort' in filters) pinnedSort = filters.sort;
    const sort = pinnedSort ?? ctx.sortPreference.get();
    return apply(resolveFilters({ ...$filters.get(), ...filters, sort }));
  }

  function apply(next: ResolvedConversationFilters): Promise<ConversationListState> {
    if (sameFilters(next, $filters.get())) return Promise.resolve($state.get());
    $filters.set(next);
    cursor = null;
    // The old rows belong to other filters: don't show them under the new ones.
    patch({ ids: order.reset(next.sort), hasMore: false, matches: {} });
    return load();
  }

  const stopFollowingSort = ctx.sortPreference.listen((sort) => {
    if (pinnedSort !== undefined) return;
    const next = { ...$filters.get(), sort };
    // A list nobody has loaded yet just takes the new order for its first load.
    if ($state.get().status === 'idle') $filters.set(next);
    else void apply(next);
  });

  function search(q: string, { now = false } = {}): Promise<ConversationListState> {
    // The contract takes at most SEARCH_MAX_LENGTH characters: never ask for what it refuses.
    const text = [...q.trim()].slice(0, SEARCH_MAX_LENGTH).join('');
    ctx.timers.clearTimeout(searchTimer);
    const result = new Promise<ConversationListState>((resolve) => searchWaiters.push(resolve));
    const run = (): void => {
      const waiters = searchWaiters;
      searchWaiters = [];
      void setFilters({ q: text }).then((state) => waiters.forEach((resolve) => resolve(state)));
    };
    if (text && !now) searchTimer = ctx.timers.setTimeout(run, ctx.searchDebounceMs);
    else run(); // Clearing, or Enter, shows the result without a wait.
    return result;
  }

  function reconcile(c: Conversation): void {
    const state = $state.get();
    if (disposed || state.status !== 'ready') return;
    const filters = $filters.get();
    const member = order.has(c.id);
    if (c.spaceId !== ctx.spaceId() || !matchesFilters(c, filters, ctx.meId())) {
      if (member) remove(c.id);
      return;
    }
    // Search is the server's job: a live update never adds a row it cannot prove matches.
    if (!member && filters.q) return;
    // Its content reaches views through the cache; the list changes only when the order does.
    if (order.place(c, state.hasMore)) patch({ ids: order.ids });
  }

  function remove(id: string): void {
    if (order.remove(id)) patch({ ids: order.ids });
  }

  function adjustCounts(before: Conversation, after: Conversation): () => void {
    if (disposed || !$counts.get()) return () => undefined;
    const filters = { ...$filters.get(), status: 'all' as const };
    // Search is the server's: only a row this list already shows is known to match it.
    const searched = !filters.q || order.has(after.id);
    const counted = (c: Conversation): boolean =>
      searched && c.spaceId === ctx.spaceId() && matchesFilters(c, filters, ctx.meId());
    // Decided once, so the undo reverses exactly what was done.
    const moves = [
      ...(counted(before) ? [[before.status, -1] as const] : []),
      ...(counted(after) ? [[after.status, 1] as const] : []),
    ];
    if (moves.length === 0) return () => undefined;
    const shift = (sign: 1 | -1): void => {
      const next = { ...$counts.get()! };
      for (const [status, by] of moves) {
        next.all += sign * by;
        next[status] += sign * by;
      }
      $counts.set(next);
    };
    countsGeneration++; // A response already in flight was counted before this change.
    shift(1);
    const landed = countsLanded;
    return () => {
      if (!disposed && countsLanded === landed) shift(-1);
    };
  }

  function scheduleCounts(): void {
    if (disposed) return;
    ctx.timers.clearTimeout(countsTimer);
    countsTimer = ctx.timers.setTimeout(() => void loadCounts(), ctx.countsDebounceMs);
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    generation++;
    countsGeneration++;
    ctx.timers.clearTimeout(countsTimer);
    ctx.timers.clearTimeout(searchTimer);
    searchWaiters.splice(0).forEach((resolve) => resolve($state.get()));
    stopFollowingSort();
    ctx.release(list);
  }

  // Subscribers hear a new array only when a conversation of this list changed, not another's.
  let items: Conversation[] = [];
  const matched = new WeakMap<Conversation, Conversation>();
  const withMatch = (c: Conversation, match: SearchMatch): Conversation => {
    let copy = matched.get(c);
    if (copy?.searchMatch !== match) matched.set(c, (copy = { ...c, searchMatch: match }));
    return copy;
  };
  const $items = computed([$state, ctx.cache.$index], ({ ids, matches }, byId) => {
    const next = ids.flatMap((id) => {
      const c = byId.get(id);
      if (!c) return [];
      const match = matches[id];
      return [match ? withMatch(c, match) : c];
    });
    if (next.length === items.length && next.every((c, i) => c === items[i])) return items;
    return (items = next);
  });

  const list = {
    $filters,
    $state,
    $items,
    $counts,
    has: (id: string) => order.has(id),
    setFilters,
    search,
    load,
    loadMore,
    loadCounts,
    dispose,
    reconcile,
    remove,
    scheduleCounts,
    adjustCounts,
  };
  return list;
}
