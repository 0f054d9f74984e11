import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import type { Me } from '../api/types.js';
import { realTimers, type InboxStoreOptions } from './context.js';
import { createClockStore, type ClockStore } from './clock.js';
import { createConversationsStore, type ConversationsStore } from './conversations.js';
import { createDirectoryStore, type DirectoryStore } from './directory.js';
import { createPreferencesStore, type PreferencesStore } from './preferences.js';
import { createPresenceStore, type PresenceStore } from './presence.js';
import { createRealtimeStore, type RealtimeStore } from './realtime.js';
import { createSessionStore, type SessionStore } from './session.js';

/** One inbox: a client and every store built on it. Two bundles share nothing. */
export interface InboxStore {
  readonly client: InboxClient;
  readonly session: SessionStore;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationsStore;
  readonly realtime: RealtimeStore;
  /** The signed-in user's remembered choices (list order), kept in localStorage per user. */
  readonly preferences: PreferencesStore;
  /** Who else is viewing or typing in each conversation; announce this user's own presence. */
  readonly presence: PresenceStore;
  /** One shared 30 s tick for relative times. */
  readonly clock: ClockStore;
  /**
   * Loads the session, opens the preferred (or first) space with its directory and lists, and
   * connects realtime. Idempotent while running or done; rejects with an InboxApiError.
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
  const preferences = createPreferencesStore(session, options.storage);
  const conversations = createConversationsStore({
    client,
    session,
    directory,
    preferences,
    timers,
    now,
    countsDebounceMs: options.countsDebounceMs ?? 300,
    searchDebounceMs: options.searchDebounceMs ?? 250,
  });
  const realtime = createRealtimeStore({ client, directory, conversations, backoff: options.backoff });
  const presence = createPresenceStore({ client, session, directory, realtime, timers, now });
  const clock = createClockStore(timers, now);
  let starting: Promise<Me> | undefined;
  let disposed = false;

  async function run(): Promise<Me> {
    const me = await session.loadSession();
    if (!me) throw session.$sessionState.get().error ?? InboxApiError.from(undefined);
    if (disposed) return me;
    // Stream first, so nothing that happens while the lists load is missed.
    realtime.connect();
    const preferred = me.spaces.find((s) => s.id === options.spaceId) ?? me.spaces[0];
    const spaceId = directory.$activeSpaceId.get() ?? preferred?.id;
    if (spaceId) await directory.setActiveSpace(spaceId);
    return me;
  }

  return {
    client,
    session,
    directory,
    conversations,
    realtime,
    preferences,
    presence,
    clock,
    start() {
      starting ??= run().catch((error: unknown) => {
        starting = undefined; // Let the host try again.
        throw error;
      });
      return starting;
    },
    dispose() {
      disposed = true;
      realtime.dispose();
      conversations.dispose();
      presence.dispose();
      preferences.dispose();
      clock.dispose();
    },
  };
}
