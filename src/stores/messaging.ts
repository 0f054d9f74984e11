import { createCollisionsStore, type CollisionsStore } from './collisions.js';
import { draftsStore, type DraftsStore } from './drafts.js';
import { createEmojiPreferences, type EmojiPreferencesStore } from './emoji-preferences.js';
import type { InboxPart } from './inbox-store.js';
import { createOutbox, type OutboxStore } from './outbox.js';
import { createIndexedDbOutboxStorage, createMemoryOutboxStorage } from './outbox-storage.js';
import { documentIsVisible, pageLeaves } from './page-events.js';
import { createReadPolicy, type ReadPolicyStore } from './read-policy.js';
import { createTimelineStore, type TimelineStore } from './timeline.js';
import { createUploadsStore, type UploadsStore } from './uploads.js';

/** What reading and writing in a conversation needs: the timeline, the composer and their stores. */
export interface MessagingStores {
  /** Open conversation timelines: `timeline.open(conversationId)`. */
  readonly timeline: TimelineStore;
  /** Sends, notes, undo, retry and uploads; unacknowledged sends survive a reload. */
  readonly outbox: OutboxStore;
  /** Unsent text per conversation and composer tab (the same store as `use(draftsStore)`). */
  readonly drafts: DraftsStore;
  /** Files attached per conversation, uploading or ready to go with the next message. */
  readonly uploads: UploadsStore;
  /** The emoji picker's skin tone and recently used emoji, kept per user in this browser. */
  readonly emoji: EmojiPreferencesStore;
  /** New replies or notes from others that arrived while the agent had a draft (the composer warns). */
  readonly collisions: CollisionsStore;
  /** When conversations count as read, and `markRead`. */
  readonly readPolicy: ReadPolicyStore;
}

/** The timelines, the outbox and what they share; `store.use(messagingStores)`. */
export const messagingStores: InboxPart<MessagingStores> = (store, context) => {
  const { client, session, directory, conversations, realtime, rateLimits } = store;
  const { options, timers, now, userStorage, onDispose } = context;
  const drafts = store.use(draftsStore);
  const uploads = createUploadsStore(client);
  const stopFollowingSpace = directory.onSpaceChange(() => uploads.reset());
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
  // Sends a crash or reload interrupted go out again with their keys; nobody waits for them here.
  context.whenOpen(() => void outbox.resume());
  onDispose(() => {
    stopFollowingSpace();
    timeline.dispose();
    outbox.dispose();
    collisions.dispose();
    readPolicy.dispose();
    emoji.dispose();
  });
  return { timeline, outbox, drafts, uploads, emoji, collisions, readPolicy };
};
