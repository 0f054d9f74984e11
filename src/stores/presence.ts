import { atom, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { unwrap } from '../api/middleware.js';
import type { InboxEvent, PresenceEntry, PresenceState } from '../api/types.js';
import type { Timers } from './context.js';
import type { DirectoryStore } from './directory.js';
import type { RealtimeStore } from './realtime.js';
import type { SessionStore } from './session.js';

export interface PresenceStore {
  /**
   * Who else is viewing or typing in each conversation now, by conversation id. The current user
   * and people who left are not listed; entries vanish 30 s after their last announcement.
   */
  $byConversation: ReadableAtom<Record<string, PresenceEntry[]>>;
  /**
   * Tells others this user is viewing, typing in or has left a conversation. Best effort: a repeat
   * of the same state within 15 s is skipped, and it never rejects.
   */
  announce(conversationId: string, state: PresenceState): Promise<void>;
  /**
   * For the composer, on every keystroke: announces `typing` (repeats are skipped as above), and
   * `viewing` again once the user has not typed there for 4 s.
   */
  typing(conversationId: string): Promise<void>;
  /** Announces `left` for the active conversation and stops following it. */
  dispose(): void;
}

export interface PresenceDeps {
  client: InboxClient;
  session: SessionStore;
  directory: DirectoryStore;
  realtime: RealtimeStore;
  /**
   * The conversation the user has open: announced as `viewing` (again every 15 s while it stays),
   * and as `left` when another one replaces it.
   */
  activeConversationId?: ReadableAtom<string | null>;
  timers: Timers;
  now: () => number;
}

/** How long an announcement lasts on the server unless repeated. */
export const PRESENCE_TTL_MS = 30_000;
/** Half the TTL: often enough to stay listed, rarely enough not to chatter. */
export const PRESENCE_REPEAT_MS = 15_000;
/** How long after the last keystroke someone counts as typing. */
export const TYPING_IDLE_MS = 4_000;

interface Held {
  entry: PresenceEntry;
  /** Local time at which the entry expires. */
  expiresAt: number;
}

export function createPresenceStore({
  client,
  session,
  directory,
  realtime,
  activeConversationId,
  timers,
  now,
}: PresenceDeps): PresenceStore {
  const $byConversation = atom<Record<string, PresenceEntry[]>>({});
  const held = new Map<string, Held[]>();
  const lastSent = new Map<string, { state: PresenceState; at: number }>();
  let pruneTimer: unknown;
  let disposed = false;

  function publish(): void {
    const t = now();
    const next: Record<string, PresenceEntry[]> = {};
    let soonest = Infinity;
    for (const [conversationId, entries] of held) {
      const live = entries.filter((h) => h.expiresAt > t);
      if (live.length === 0) {
        held.delete(conversationId);
        continue;
      }
      held.set(conversationId, live);
      next[conversationId] = live.map((h) => h.entry);
      soonest = Math.min(soonest, ...live.map((h) => h.expiresAt));
    }
    $byConversation.set(next);
    timers.clearTimeout(pruneTimer);
    pruneTimer = soonest === Infinity ? undefined : timers.setTimeout(publish, soonest - t);
  }

  function applyEvent(event: InboxEvent): void {
    if (event.type !== 'presence' || event.spaceId !== directory.$activeSpaceId.get()) return;
    const meId = session.$me.get()?.user.id;
    const received = now();
    // Age is measured on the server's clock (event time minus entry time) and expiry on ours,
    // so a skewed client clock neither hides fresh viewers nor keeps stale ones.
    const sentAt = Date.parse(event.at);
    const entries = event.presence
      .filter((entry) => entry.userId !== meId && entry.state !== 'left')
      .map((entry) => {
        const age = Math.max(0, sentAt - Date.parse(entry.at)) || 0;
        return { entry, expiresAt: received - age + PRESENCE_TTL_MS };
      });
    // Each event carries everyone present in that conversation, so it replaces what was there.
    held.set(event.conversationId, entries);
    publish();
  }

  async function announce(conversationId: string, state: PresenceState): Promise<void> {
    if (disposed) return;
    const at = now();
    const last = lastSent.get(conversationId);
    if (state !== 'left' && last?.state === state && at - last.at < PRESENCE_REPEAT_MS) return;
    if (state === 'left') lastSent.delete(conversationId);
    else lastSent.set(conversationId, { state, at });
    try {
      await unwrap(
        client.api.PUT('/conversations/{conversationId}/presence', {
          params: { path: { conversationId } },
          body: { state },
        }),
      );
    } catch {
      // Presence is decoration: never an error for the user. Forget the send so the next try goes out.
      if (lastSent.get(conversationId)?.at === at) lastSent.delete(conversationId);
    }
  }

  function clear(): void {
    held.clear();
    lastSent.clear();
    publish();
  }

  // This user's own presence: the active conversation, kept alive by a heartbeat, and typing.
  let active: string | null = null;
  let heartbeat: unknown;
  const typingTimers = new Map<string, unknown>();
  const ownState = (conversationId: string): PresenceState =>
    typingTimers.has(conversationId) ? 'typing' : 'viewing';

  function stopTyping(conversationId: string): void {
    timers.clearTimeout(typingTimers.get(conversationId));
    typingTimers.delete(conversationId);
  }

  function beat(): void {
    timers.clearTimeout(heartbeat);
    heartbeat = undefined;
    if (!active || disposed) return;
    void announce(active, ownState(active));
    heartbeat = timers.setTimeout(beat, PRESENCE_REPEAT_MS);
  }

  const stopFollowingActive = activeConversationId?.subscribe((id) => {
    if (id === active) return;
    const previous = active;
    active = id;
    if (previous) {
      stopTyping(previous);
      void announce(previous, 'left');
    }
    beat();
  });

  function typing(conversationId: string): Promise<void> {
    if (disposed) return Promise.resolve();
    timers.clearTimeout(typingTimers.get(conversationId));
    typingTimers.set(
      conversationId,
      timers.setTimeout(() => {
        typingTimers.delete(conversationId);
        void announce(conversationId, 'viewing');
      }, TYPING_IDLE_MS),
    );
    return announce(conversationId, 'typing');
  }

  const stopEvents = realtime.onEvent(applyEvent);
  const stopSpaceListener = directory.onSpaceChange(clear);

  return {
    $byConversation,
    announce,
    typing,
    dispose() {
      if (disposed) return;
      stopFollowingActive?.();
      if (active) void announce(active, 'left');
      disposed = true;
      stopEvents();
      stopSpaceListener();
      timers.clearTimeout(pruneTimer);
      timers.clearTimeout(heartbeat);
      for (const id of [...typingTimers.keys()]) stopTyping(id);
    },
  };
}
