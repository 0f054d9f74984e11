import { atom, computed, type ReadableAtom } from 'nanostores';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type { InboxClient } from '../api/client.js';
import type { Conversation, ConversationStatus, InboxEvent } from '../api/types.js';
import type { Timers } from './context.js';
import { sharingConversationRepeats } from './conversation-repeats.js';
import { createConversationCache, type ConversationIndex } from './conversation-cache.js';
import type { ConversationFilters } from './conversation-filters.js';
import { createConversationList, type ConversationListQuery, type LiveList } from './conversation-list.js';
import type { DirectoryStore } from './directory.js';
import type { RateLimitsStore } from './rate-limits.js';
import type { PreferencesStore } from './preferences.js';
import type { SessionStore } from './session.js';
import { createConversationEdits, type ConversationEdits } from './conversation-edits.js';
import { createStatusChange } from './status-change.js';

/** A status change the server accepted: what `inbox-status-change` tells the host. */
export interface StatusChanged {
  conversationId: string;
  from: ConversationStatus;
  to: ConversationStatus;
  /** The conversation as the server has it after the change. */
  conversation: Conversation;
}

export interface ConversationsStore extends ConversationEdits {
  /**
   * Every conversation this store has seen, by id: the one copy all lists read from. The value is a
   * read-only index (`get`, `has`, `size`, `values`) over a Map changed in place, published anew on
   * every change; a view of one conversation follows `conversation(id)` instead.
   */
  $conversationsById: ReadableAtom<ConversationIndex>;
  /** One cached conversation; its subscribers hear only changes to it, not to the other thousands. */
  conversation(id: string): ReadableAtom<Conversation | undefined>;
  /** The selected conversation; timeline, composer and details follow it unless pinned. */
  $activeConversationId: ReadableAtom<string | null>;
  $activeConversation: ReadableAtom<Conversation | undefined>;
  selectConversation(id: string | null): void;
  /**
   * A new list with its own filters; all lists share the cache and the realtime stream. Without a
   * `sort` the list follows `preferences.$sort`, also when it changes later; a `sort` pins it.
   */
  createConversationList(filters?: ConversationFilters): ConversationListQuery;
  /**
   * Changes the status, sending the cached `version` as If-Match. Every list and count shows the
   * new status at once and rolls back on failure. Rejects with an InboxApiError whose message is
   * for people: on 412 the conversation as it is now is taken in and the message says so; on 409
   * (a move the server refuses) it is the server's detail. See `legalStatusMoves`.
   */
  setStatus(conversationId: string, status: ConversationStatus): Promise<Conversation>;
  /**
   * The status change as elements make it (list row menus, the timeline header): setStatus that
   * never rejects. Resolves with the status it left and the conversation after the change, or null
   * when it failed; the failure is in `$statusChangeError` until the next change or a dismiss.
   */
  changeStatus(conversationId: string, status: ConversationStatus): Promise<StatusChanged | null>;
  /** The last status change that failed, and why. */
  $statusChangeError: ReadableAtom<{ conversationId: string; error: InboxApiError } | null>;
  dismissStatusChangeError(): void;
  /**
   * Selects the most recent conversation with a contact (to open another contact found by number);
   * resolves with it, or null when the user can see none.
   */
  openLatestWith(contactId: string): Promise<Conversation | null>;
  /** Stores a conversation (e.g. a mutation's answer) unless a newer version is known. */
  upsertConversation(conversation: Conversation): boolean;
  /**
   * Fetches one conversation into the cache, for views that show a conversation no list has loaded
   * (a timeline pinned by id). Resolves with the cached conversation, or undefined when the user
   * cannot see it; never rejects.
   */
  loadConversation(conversationId: string): Promise<Conversation | undefined>;
  /**
   * Keeps one conversation in the cache while a view shows it by id (a pinned timeline or composer):
   * fetched now if missing, and again after a space switch empties the cache. Returns the release.
   */
  keepLoaded(conversationId: string): () => void;
  /**
   * Changes facts about a cached conversation that only concern this user and carry no version
   * (its unread count after reading it). Nothing happens when it is not cached.
   */
  patchLocal(conversationId: string, patch: Pick<Partial<Conversation>, 'unreadCount'>): void;
  /** Realtime reducer for `conversation.*` events; true when it changed anything. */
  applyEvent(event: InboxEvent): boolean;
  /** Reloads every live list (after a resync). */
  reloadLists(): Promise<void>;
  dispose(): void;
}

export interface ConversationsDeps {
  client: InboxClient;
  session: SessionStore;
  directory: DirectoryStore;
  preferences: PreferencesStore;
  timers: Timers;
  now: () => number;
  countsDebounceMs: number;
  searchDebounceMs: number;
  /** Where a list's "too many requests" wait shows and counts down; the list reloads when it ends. */
  rateLimits?: RateLimitsStore | undefined;
}

export function createConversationsStore({
  client,
  session,
  directory,
  preferences,
  timers,
  now,
  countsDebounceMs,
  searchDebounceMs,
  rateLimits,
}: ConversationsDeps): ConversationsStore {
  const cache = createConversationCache();
  const $activeConversationId = atom<string | null>(null);
  const lists = new Set<LiveList>();
  // Versions of conversations removed from view, so a replayed older event cannot bring one back.
  const removedAt = new Map<string, number>();

  const knownVersion = (id: string): number => cache.get(id)?.version ?? removedAt.get(id) ?? -Infinity;
  const share = sharingConversationRepeats();

  /** The cache rule: an older or equal version never overwrites a newer one. */
  function store(incoming: readonly Conversation[]): Conversation[] {
    const fresher = incoming.filter((c) => c.version > knownVersion(c.id));
    if (fresher.length === 0) return [];
    for (const c of fresher) {
      removedAt.delete(c.id);
      share(c);
    }
    cache.set(fresher);
    return fresher;
  }

  function upsertConversation(conversation: Conversation): boolean {
    const [fresh] = store([conversation]);
    if (!fresh) return false;
    for (const list of lists) list.reconcile(fresh);
    return true;
  }

  const meId = (): string | undefined => session.$me.get()?.user.id;
  const $statusChangeError = atom<{ conversationId: string; error: InboxApiError } | null>(null);

  const setStatus = createStatusChange({
    client,
    get: cache.get,
    upsert: upsertConversation,
    replace(conversation) {
      cache.set([conversation]);
      for (const list of lists) list.reconcile(conversation);
    },
    lists: () => lists,
    meId,
    now,
  });

  function removeConversation(id: string): void {
    const current = cache.get(id);
    if (current) {
      removedAt.set(id, current.version);
      cache.delete(id);
    }
    for (const list of lists) list.remove(id);
  }

  function applyEvent(event: InboxEvent): boolean {
    if (event.spaceId !== directory.$activeSpaceId.get()) return false;
    switch (event.type) {
      case 'conversation.created':
      case 'conversation.updated':
        if (!upsertConversation(event.conversation)) return false;
        break;
      case 'conversation.removed':
        // Counts may cover it even when no list had loaded it, so always recount.
        removeConversation(event.conversationId);
        break;
      default:
        return false;
    }
    for (const list of lists) list.scheduleCounts();
    return true;
  }

  async function reloadLists(): Promise<void> {
    await Promise.all([...lists].map((list) => list.load()));
  }

  // Conversations shown by id, with how many views hold each.
  const kept = new Map<string, number>();

  async function loadConversation(conversationId: string): Promise<Conversation | undefined> {
    try {
      const params = { path: { conversationId } };
      upsertConversation(await unwrap(client.api.GET('/conversations/{conversationId}', { params })));
    } catch {
      // The view shows the reason: its own requests fail the same way.
    }
    return cache.get(conversationId);
  }

  const reloadKept = () =>
    Promise.all([...kept.keys()].map((id) => (cache.get(id) ? undefined : loadConversation(id))));

  let hadSpace = false;
  const stopSpaceListener = directory.onSpaceChange(() => {
    // Another space's conversations and selection mean nothing here. Before the first space only
    // a view of one conversation (by id) can have filled the cache or chosen one: that stands in
    // any space, and emptying it made the view load its conversation again.
    if (hadSpace) {
      cache.clear();
      $statusChangeError.set(null);
      removedAt.clear();
      $activeConversationId.set(null);
    }
    hadSpace = true;
    return Promise.all([reloadLists(), reloadKept()]).then(() => undefined);
  });

  const edits = createConversationEdits({
    client,
    upsert: upsertConversation,
    get: cache.get,
    load: (id) => loadConversation(id),
  });

  return {
    ...edits,
    $conversationsById: cache.$index,
    conversation: cache.conversation,
    $activeConversationId,
    $activeConversation: computed([cache.$index, $activeConversationId], (byId, id) =>
      id ? byId.get(id) : undefined,
    ),
    selectConversation: (id) => $activeConversationId.set(id),
    createConversationList(filters) {
      const list = createConversationList(
        {
          client,
          cache,
          store,
          spaceId: () => directory.$activeSpaceId.get(),
          meId,
          timers,
          countsDebounceMs,
          searchDebounceMs,
          now,
          rateLimits,
          sortPreference: preferences.$sort,
          release: (released) => lists.delete(released),
        },
        filters,
      );
      lists.add(list);
      return list;
    },
    setStatus,
    async changeStatus(conversationId, status) {
      $statusChangeError.set(null);
      const from = cache.get(conversationId)?.status;
      try {
        const conversation = await setStatus(conversationId, status);
        return { conversationId, from: from ?? conversation.status, to: status, conversation };
      } catch (thrown) {
        $statusChangeError.set({ conversationId, error: InboxApiError.from(thrown) });
        return null;
      }
    },
    $statusChangeError,
    dismissStatusChangeError: () => $statusChangeError.set(null),
    async openLatestWith(contactId) {
      const spaceId = directory.$activeSpaceId.get();
      if (!spaceId) return null;
      try {
        const query = { spaceId, contactId, sort: 'latest' as const, limit: 1 };
        const [latest] = (await unwrap(client.api.GET('/conversations', { params: { query } }))).items;
        if (!latest) return null;
        upsertConversation(latest);
        $activeConversationId.set(latest.id);
        return cache.get(latest.id) ?? latest;
      } catch {
        return null;
      }
    },
    upsertConversation,
    loadConversation,
    keepLoaded(conversationId) {
      kept.set(conversationId, (kept.get(conversationId) ?? 0) + 1);
      if (!cache.get(conversationId)) void loadConversation(conversationId);
      return () => {
        const holders = (kept.get(conversationId) ?? 1) - 1;
        if (holders > 0) kept.set(conversationId, holders);
        else kept.delete(conversationId);
      };
    },
    patchLocal(conversationId, patch) {
      const current = cache.get(conversationId);
      if (!current) return;
      const next = { ...current, ...patch };
      cache.set([next]);
      for (const list of lists) list.reconcile(next);
    },
    applyEvent,
    reloadLists,
    dispose() {
      stopSpaceListener();
      for (const list of [...lists]) list.dispose();
    },
  };
}
