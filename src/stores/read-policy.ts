import { atom, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { unwrap } from '../api/middleware.js';
import type { Timers } from './context.js';
import type { ConversationsStore } from './conversations.js';

/**
 * `on-open` (default): what an open timeline shows while the page is visible counts as read.
 * `manual`: only `markRead` does.
 */
export type ReadPolicy = 'on-open' | 'manual';

export interface ReadPolicyStore {
  $policy: ReadableAtom<ReadPolicy>;
  setPolicy(policy: ReadPolicy): void;
  /**
   * Moves this user's read marker to `seq` (default: the newest known) and shows the conversation
   * as read at once. Never backwards; at most one request per conversation a second, later calls
   * joining the next one. Resolves with the seq the server has; never rejects (on failure the
   * marker stays where it was and the next call tries again).
   */
  markRead(conversationId: string, seq?: number): Promise<number>;
  /** An open timeline shows `seq` now; marks it read when the policy and the page visibility say so. */
  seen(conversationId: string, seq: number): void;
  dispose(): void;
}

export interface ReadPolicyDeps {
  client: InboxClient;
  conversations: ConversationsStore;
  timers: Timers;
  now: () => number;
  policy: ReadPolicy;
  throttleMs: number;
  /** Whether the user can see the page; `document.visibilityState` by default. */
  isVisible: () => boolean;
  /** The newest seq the open timelines hold for a conversation. */
  latestSeq(conversationId: string): number;
}

interface Marker {
  /** What the server has confirmed. */
  saved: number;
  /** The highest seq asked for. */
  wanted: number;
  lastSentAt: number;
  inFlight: boolean;
  timer: unknown;
  waiters: ((seq: number) => void)[];
}

export function createReadPolicy(deps: ReadPolicyDeps): ReadPolicyStore {
  const { client, conversations, timers, now } = deps;
  const $policy = atom<ReadPolicy>(deps.policy);
  const markers = new Map<string, Marker>();
  let disposed = false;

  const markerOf = (id: string): Marker => {
    let marker = markers.get(id);
    if (!marker) {
      marker = { saved: 0, wanted: 0, lastSentAt: -Infinity, inFlight: false, timer: undefined, waiters: [] };
      markers.set(id, marker);
    }
    return marker;
  };

  function schedule(id: string, marker: Marker): void {
    if (marker.inFlight || marker.timer !== undefined) return; // Joins the coming request.
    const wait = marker.lastSentAt + deps.throttleMs - now();
    if (wait <= 0) void flush(id, marker);
    else marker.timer = timers.setTimeout(() => void flush(id, marker), wait);
  }

  async function flush(id: string, marker: Marker): Promise<void> {
    marker.timer = undefined;
    const waiters = marker.waiters.splice(0);
    const seq = marker.wanted;
    if (disposed || seq <= marker.saved) {
      waiters.forEach((resolve) => resolve(marker.saved));
      return;
    }
    marker.inFlight = true;
    marker.lastSentAt = now();
    try {
      const saved = await unwrap(
        client.api.PUT('/conversations/{conversationId}/read', {
          params: { path: { conversationId: id } },
          body: { seq },
        }),
      );
      marker.saved = Math.max(marker.saved, saved.seq, seq);
    } catch {
      // Unread stays unread on the server; forget the wish so the next call asks again.
      marker.wanted = marker.saved;
    } finally {
      marker.inFlight = false;
    }
    waiters.forEach((resolve) => resolve(marker.saved));
    if (marker.wanted > marker.saved || marker.waiters.length) schedule(id, marker);
  }

  function markRead(id: string, seq?: number): Promise<number> {
    const cached = conversations.$conversationsById.get().get(id);
    const target = seq ?? Math.max(cached?.lastSeq ?? 0, deps.latestSeq(id));
    const marker = markerOf(id);
    // Optimistic: every list shows it read now; the next conversation update from the server wins.
    if (cached && cached.unreadCount > 0 && target >= cached.lastSeq)
      conversations.patchLocal(id, { unreadCount: 0 });
    if (disposed || target <= Math.max(marker.saved, marker.wanted)) {
      return marker.inFlight || marker.timer !== undefined
        ? new Promise((resolve) => marker.waiters.push(resolve))
        : Promise.resolve(marker.saved);
    }
    marker.wanted = target;
    const result = new Promise<number>((resolve) => marker.waiters.push(resolve));
    schedule(id, marker);
    return result;
  }

  return {
    $policy,
    setPolicy: (policy) => $policy.set(policy),
    markRead,
    seen(id, seq) {
      if ($policy.get() !== 'on-open' || !deps.isVisible()) return;
      const cached = conversations.$conversationsById.get().get(id)?.lastSeq ?? 0;
      void markRead(id, Math.max(seq, cached));
    },
    dispose() {
      disposed = true;
      for (const marker of markers.values()) {
        timers.clearTimeout(marker.timer);
        marker.timer = undefined;
        marker.waiters.splice(0).forEach((resolve) => resolve(marker.saved));
      }
    },
  };
}
