import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import type { Me } from '../api/types.js';
import { createAccessStore, type AccessStore } from './access.js';
import { realTimers, type InboxStoreOptions } from './context.js';
import { createClockStore, type ClockStore } from './clock.js';
import { createCollisionsStore, type CollisionsStore } from './collisions.js';
import { createContactsStore, type ContactsStore } from './contacts.js';
import { createConversationsStore, type ConversationsStore } from './conversations.js';
import { createDirectoryStore, type DirectoryStore } from './directory.js';
import { createDraftsStore, type DraftsStore } from './drafts.js';
import { createEmojiPreferences, type EmojiPreferencesStore } from './emoji-preferences.js';
import { createOutbox, type OutboxStore } from './outbox.js';
import { createIndexedDbOutboxStorage, createMemoryOutboxStorage } from './outbox-storage.js';
import { pageLeaves, pageReturns } from './page-events.js';
import { createPreferencesStore, type PreferencesStore } from './preferences.js';
import { createPresenceStore, type PresenceStore } from './presence.js';
import { createReadPolicy, documentIsVisible, type ReadPolicyStore } from './read-policy.js';
import { createRateLimits, type RateLimitsStore } from './rate-limits.js';
import { createRealtimeStore, type RealtimeStore } from './realtime.js';
import { createSessionStore, type SessionStore } from './session.js';
import { createTimelineStore, type TimelineStore } from './timeline.js';
import { createUploadsStore, type UploadsStore } from './uploads.js';
import { createUserStorage } from './user-storage.js';

/** One inbox: a client and every store built on it. Two bundles share nothing. */
export interface InboxStore {
  readonly client: InboxClient;
  readonly session: SessionStore;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationsStore;
  /** Contacts by id: loaded, found by number, created and edited. */
  readonly contacts: ContactsStore;
  readonly realtime: RealtimeStore;
  /** The signed-in user's remembered choices (list order, space, open sections), kept per user. */
  readonly preferences: PreferencesStore;
  /** Who else is viewing or typing in each conversation; announce this user's own presence. */
  readonly presence: PresenceStore;
  /** One shared 30 s tick for relative times. */
  readonly clock: ClockStore;
  /** Open conversation timelines: `timeline.open(conversationId)`. */
  readonly timeline: TimelineStore;
  /** Sends, notes, undo, retry and uploads; unacknowledged sends survive a reload. */
  readonly outbox: OutboxStore;
  /** "Too many requests" waits with their countdowns, where they show (a composer, the lists). */
  readonly rateLimits: RateLimitsStore;
  /** Files attached per conversation, uploading or ready to go with the next message. */
  readonly uploads: UploadsStore;
  /** Unsent text per conversation and composer tab, kept per user in this browser. */
  readonly drafts: DraftsStore;
  /** The emoji picker's skin tone and recently used emoji, kept per user in this browser. */
  readonly emoji: EmojiPreferencesStore;
  /** New replies or notes from others that arrived while the agent had a draft (the composer warns). */
  readonly collisions: CollisionsStore;
  /** When conversations count as read, and `markRead`. */
  readonly readPolicy: ReadPolicyStore;
  /** Inbox access (Request Access, noticing approval) and the onboarding steps. */
  readonly access: AccessStore;
  /**
   * Loads the session, re-sends what the outbox kept from an earlier visit, opens the preferred (or
   * first) space with its directory and lists, and connects realtime. Idempotent while running or
   * done; rejects with an InboxApiError. A user without inbox access gets only the session (every
   * other route would refuse them); once `access` notices approval, the rest starts by itself.
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
  const contacts = createContactsStore(client, directory);
  const realtime = createRealtimeStore({ client, directory, conversations, backoff: options.backoff });
  const stopContactEvents = realtime.onEvent((event) => contacts.applyEvent(event));
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
  const uploads = createUploadsStore(client);
  const stopFollowingSpace = directory.onSpaceChange((spaceId) => {
    uploads.reset();
    preferences.rememberSpace(spaceId);
  });
  const drafts = createDraftsStore(session, userStorage, timers, options.draftDebounceMs ?? 400);
  const emoji = createEmojiPreferences(session, userStorage);
  // The outbox and the timelines feed each other (answers go in, pending sends come out); the
  // closures below run only after every store exists.
  const outbox = createOutbox({
    client,
    session,
    drafts,
    storage:
      options.outboxStorage ??
      (options.storage === null ? createMemoryOutboxStorage() : createIndexedDbOutboxStorage()),
    legacyStorage: userStorage,
    rateLimits,
    connection: realtime.$connection,
    timers,
    now,
    onItem: (item) => timeline.upsertItem(item),
    findMessage: (clientMessageId) => timeline.findByClientMessageId(clientMessageId),
    onPageLeave: options.onPageLeave ?? pageLeaves,
  });
  const readPolicy = createReadPolicy({
    client,
    conversations,
    timers,
    now,
    policy: options.readPolicy ?? 'on-open',
    throttleMs: options.readThrottleMs ?? 1000,
    isVisible: options.isVisible ?? documentIsVisible,
    latestSeq: (conversationId) => timeline.latestSeq(conversationId),
  });
  // Before the timelines: it must see each item before they take it in, to tell new from updated.
  const collisions = createCollisionsStore({
    realtime,
    drafts,
    meId: () => session.$me.get()?.user.id,
    usersById: directory.$usersById,
    conversationsById: conversations.$conversationsById,
    latestSeq: (conversationId) => timeline.latestSeq(conversationId),
  });
  const timeline = createTimelineStore({
    client,
    session,
    directory,
    conversations,
    realtime,
    pending: outbox.$pending,
    onSeen: (conversationId, seq) => readPolicy.seen(conversationId, seq),
    timers,
  });
  let starting: Promise<Me> | undefined;
  let opened = false;
  let disposed = false;
  const access = createAccessStore({
    client,
    session,
    timers,
    isVisible: options.isVisible ?? documentIsVisible,
    onPageReturn: options.onPageReturn ?? pageReturns,
    checkEveryMs: options.accessCheckMs ?? 30_000,
    onGranted: () => begin(),
  });

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
    // Sends a crash or reload interrupted go out again with their keys; nobody waits for them here.
    void outbox.resume();
    // Stream first, so nothing that happens while the lists load is missed.
    realtime.connect();
    // The host's choice first, then the space this user last opened, then their first.
    const mine = (id: string | null | undefined) => me.spaces.find((s) => s.id === id);
    const preferred = mine(options.spaceId) ?? mine(preferences.$spaceId.get()) ?? me.spaces[0];
    const spaceId = directory.$activeSpaceId.get() ?? preferred?.id;
    if (spaceId) await directory.setActiveSpace(spaceId);
    return me;
  }

  return {
    client,
    session,
    directory,
    conversations,
    contacts,
    realtime,
    preferences,
    presence,
    clock,
    timeline,
    outbox,
    rateLimits,
    uploads,
    drafts,
    emoji,
    collisions,
    readPolicy,
    access,
    start() {
      return starting ?? begin();
    },
    dispose() {
      disposed = true;
      access.dispose();
      stopFollowingSpace();
      stopContactEvents();
      realtime.dispose();
      conversations.dispose();
      presence.dispose();
      timeline.dispose();
      outbox.dispose();
      rateLimits.dispose();
      collisions.dispose();
      readPolicy.dispose();
      drafts.dispose();
      emoji.dispose();
      preferences.dispose();
      clock.dispose();
    },
  };
}
