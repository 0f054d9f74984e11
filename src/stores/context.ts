import type { BackoffOptions } from '../api/events-stream.js';
import type { PageEventSource } from './page-events.js';
import type { OutboxStorage } from './outbox-storage.js';
import type { ReadPolicy } from './read-policy.js';

/** Timer functions, injectable so tests control debounces without waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The part of `Storage` preferences use; `localStorage` unless a test or host passes another. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface InboxStoreOptions {
  /** The space to open first; the user's first space when unset or not theirs. */
  spaceId?: string | undefined;
  timers?: Timers;
  /** How long counts wait for more realtime events before refetching (default 300 ms). */
  countsDebounceMs?: number;
  /** How long a search waits for more typing before it asks the server (default 250 ms). */
  searchDebounceMs?: number;
  /** Reconnect backoff of the realtime stream. */
  backoff?: BackoffOptions;
  /** The current time in ms, injectable so tests control the clock and presence expiry. */
  now?: () => number;
  /**
   * Where per-user preferences and drafts are kept: `localStorage` by default, `null` for memory
   * only (then unacknowledged sends stay in memory too, and a reload loses them).
   */
  storage?: PreferenceStorage | null;
  /**
   * Where unacknowledged sends wait: IndexedDB by default (one database per user, memory when the
   * browser refuses it), so a reload or crash re-sends them with the same key.
   */
  outboxStorage?: OutboxStorage;
  /** When conversations count as read: `on-open` (default) or `manual` (only `readPolicy.markRead`). */
  readPolicy?: ReadPolicy;
  /** Whether the user can see the page (default: `document.visibilityState`); `on-open` reads only then. */
  isVisible?: () => boolean;
  /** How long a draft waits for more typing before it is saved (default 400 ms). */
  draftDebounceMs?: number;
  /** The shortest time between two read-marker requests for one conversation (default 1000 ms). */
  readThrottleMs?: number;
  /** How often a waiting Request Access is checked for approval while the page is visible (default 30 s). */
  accessCheckMs?: number;
  /**
   * Calls back when the user may have come back (by default: the page became visible again, or the
   * browser came back online), so a user without the inbox notices approval at once.
   */
  onPageReturn?: PageEventSource;
  /**
   * Calls back when the page is going away (by default `pagehide`), so sends not yet answered
   * leave with a request the browser finishes after the page is gone.
   */
  onPageLeave?: PageEventSource;
}

/** The state of a load that has no list of its own. */
export interface LoadState<E = unknown> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: E | null;
}
