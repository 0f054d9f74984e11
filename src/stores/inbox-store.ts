import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import type { Me } from '../api/types.js';
import { realTimers, type InboxStoreOptions, type Timers } from './context.js';
import { createClockStore, type ClockStore } from './clock.js';
import { createConversationsStore, type ConversationsStore } from './conversations.js';
import { createDirectoryStore, type DirectoryStore } from './directory.js';
import { createPreferencesStore, type PreferencesStore } from './preferences.js';
import { createPresenceStore, type PresenceStore } from './presence.js';
import { createRateLimits, type RateLimitsStore } from './rate-limits.js';
import { createRealtimeStore, type RealtimeStore } from './realtime.js';
import { createSessionStore, type SessionStore } from './session.js';
import { createUserStorage, type UserStorage } from './user-storage.js';

/**
 * A part of the store that is built the first time something asks for it (`store.use(part)`), once
 * per store. The list needs no outbox and the access gate no timelines: a page loads and runs only
 * the parts of the elements it shows.
 */
export type InboxPart<T> = (store: InboxStore, context: InboxPartContext) => T;

/** What a part gets besides the store: the store's options and the hooks of its life. */
export interface InboxPartContext {
  readonly options: InboxStoreOptions;
  readonly timers: Timers;
  readonly now: () => number;
  readonly userStorage: UserStorage;
  /** Runs once the inbox has opened for a user with access (at once if it already has). */
  readonly whenOpen: (callback: () => void) => void;
  /** Loads the session again and opens the inbox, as `start` does: what granted access leads to. */
  readonly reopen: () => Promise<Me>;
  /** Runs when the store is disposed, parts built later before parts built earlier. */
  readonly onDispose: (callback: () => void) => void;
}

/**
 * One inbox: a client and the stores every element shares. What only some elements need is a part
 * they build with `use`: `use(messagingStores)` (timelines, outbox, drafts), `use(contactsStore)`,
 * `use(accessStore)` (access and onboarding).
 * Two bundles share nothing.
 */
export interface InboxStore {
  readonly client: InboxClient;
  readonly session: SessionStore;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationsStore;
  readonly realtime: RealtimeStore;
  /** The signed-in user's remembered choices (list order, space, open sections), kept per user. */
  readonly preferences: PreferencesStore;
  /** Who else is viewing or typing in each conversation; announce this user's own presence. */
  readonly presence: PresenceStore;
  /** One shared 30 s tick for relative times. */
  readonly clock: ClockStore;
  /** "Too many requests" waits with their countdowns, where they show (a composer, the lists). */
  readonly rateLimits: RateLimitsStore;
  /** The part of this store built by `part`: built on the first call, the same one after. */
  use<T>(part: InboxPart<T>): T;
  /**
   * Loads the session, opens the preferred (or first) space with its directory and lists, and
   * connects realtime; parts built by then (the outbox) start too, e.g. re-sending what an earlier
   * visit kept. Idempotent while running or done; rejects with an InboxApiError. A user without
   * inbox access gets only the session (every other route would refuse them); once the access
   * part (`use(accessStore)`, built by the access gate) notices approval, the rest starts by itself.
   */
  start(): Promise<Me>;
  /** Closes the stream and drops every list; the bundle stays readable but goes quiet. */
  dispose(): void;
}

export function createInboxStore(client: InboxClient, options: InboxStoreOptions = {}): InboxStore {
  const timers = options.timers ?? realTimers;
  const now = options.now ?? Date.now;
  const session = createSessionStore(client);
  const directory = createDirectoryStore(client, session);
  const userStorage = createUserStorage(options.storage);
  const preferences = createPreferencesStore(session, userStorage);
  const rateLimits = createRateLimits(timers, now);
  const conversations = createConversationsStore({
    client,
    session,
    directory,
    preferences,
    timers,
    now,
    countsDebounceMs: options.countsDebounceMs ?? 300,
    searchDebounceMs: options.searchDebounceMs ?? 250,
    rateLimits,
  });
  const realtime = createRealtimeStore({ client, directory, conversations, backoff: options.backoff });
  const presence = createPresenceStore({
    client,
    session,
    directory,
    realtime,
    activeConversationId: conversations.$activeConversationId,
    timers,
    now,
  });
  const clock = createClockStore(timers, now);
  const stopFollowingSpace = directory.onSpaceChange((spaceId) => preferences.rememberSpace(spaceId));
  let starting: Promise<Me> | undefined;
  let opened = false;
  let disposed = false;

  const parts = new Map<InboxPart<unknown>, unknown>();
  const whenOpen: Array<() => void> = [];
  const disposeParts: Array<() => void> = [];
  const partContext: InboxPartContext = {
    options,
    timers,
    now,
    userStorage,
    reopen: () => begin(),
    whenOpen: (callback) => {
      if (disposed) return;
      if (opened) callback();
      else whenOpen.push(callback);
    },
    // A part built after dispose (an element that kept the old store) goes quiet at once.
    onDispose: (callback) => (disposed ? callback() : disposeParts.unshift(callback)),
  };

  function begin(): Promise<Me> {
    starting = run().catch((error: unknown) => {
      starting = undefined; // Let the host try again.
      throw error;
    });
    return starting;
  }

  async function run(): Promise<Me> {
    const me = await session.loadSession();
    if (!me) throw session.$sessionState.get().error ?? InboxApiError.from(undefined);
    if (disposed || (me.inboxAccess ?? 'granted') !== 'granted' || opened) return me;
    opened = true;
    // Before the stream connects: what parts do first (re-send a kept send) waits for nothing.
    for (const callback of whenOpen.splice(0)) callback();
    // Stream first, so nothing that happens while the lists load is missed.
    realtime.connect();
    // The host's choice first, then the space this user last opened, then their first.
    const mine = (id: string | null | undefined) => me.spaces.find((s) => s.id === id);
    const preferred = mine(options.spaceId) ?? mine(preferences.$spaceId.get()) ?? me.spaces[0];
    const spaceId = directory.$activeSpaceId.get() ?? preferred?.id;
    if (spaceId) await directory.setActiveSpace(spaceId);
    return me;
  }

  const store: InboxStore = {
    client,
    session,
    directory,
    conversations,
    realtime,
    preferences,
    presence,
    clock,
    rateLimits,
    use<T>(part: InboxPart<T>): T {
      if (!parts.has(part)) parts.set(part, part(store, partContext));
      return parts.get(part) as T;
    },
    start() {
      return starting ?? begin();
    },
    dispose() {
      disposed = true;
      stopFollowingSpace();
      for (const dispose of disposeParts.splice(0)) dispose();
      realtime.dispose();
      conversations.dispose();
      presence.dispose();
      rateLimits.dispose();
      preferences.dispose();
      clock.dispose();
    },
  };
  return store;
}
