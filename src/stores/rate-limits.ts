import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Timers } from './context.js';

/** The server said "too many requests" and when to come back. */
export interface RateLimit {
  /** When the wait ends (ms, this browser's clock). */
  until: number;
  /** Whole seconds left, counting down once a second; at least 1 while the limit holds. */
  secondsLeft: number;
}

/**
 * Where a limit shows: `send:<conversationId>` for the composer of that conversation, `list` for
 * the conversation lists.
 */
export type RateLimitScope = `send:${string}` | 'list';

export interface RateLimitsStore {
  /** The limit on a scope, ticking each second, or null when there is none. Same atom per scope. */
  $limit(scope: RateLimitScope): ReadableAtom<RateLimit | null>;
  /**
   * Holds a scope until `until`; `onEnd` runs once when the wait is over (what retries by itself).
   * A later hold on the same scope moves the end; every `onEnd` given meanwhile runs then.
   */
  hold(scope: RateLimitScope, until: number, onEnd?: () => void): void;
  /** Ends a scope's limit early (the request went through after all), without `onEnd`. */
  release(scope: RateLimitScope): void;
  dispose(): void;
}

/** One timer for every countdown, running only while some scope is held. */
export function createRateLimits(timers: Timers, now: () => number): RateLimitsStore {
  const atoms = new Map<RateLimitScope, WritableAtom<RateLimit | null>>();
  const held = new Map<RateLimitScope, { until: number; ends: Set<() => void> }>();
  let timer: unknown;
  let disposed = false;

  const atomOf = (scope: RateLimitScope): WritableAtom<RateLimit | null> => {
    let limit = atoms.get(scope);
    if (!limit) atoms.set(scope, (limit = atom<RateLimit | null>(null)));
    return limit;
  };

  function tick(): void {
    timers.clearTimeout(timer);
    timer = undefined;
    if (disposed) return;
    const at = now();
    let next = Infinity;
    for (const [scope, { until, ends }] of [...held]) {
      const left = until - at;
      if (left <= 0) {
        held.delete(scope);
        atomOf(scope).set(null);
        ends.forEach((end) => end());
        continue;
      }
      const secondsLeft = Math.ceil(left / 1000);
      if (atomOf(scope).get()?.secondsLeft !== secondsLeft) atomOf(scope).set({ until, secondsLeft });
      // Wake when the shown number changes: the next whole second, or the end.
      next = Math.min(next, left - (secondsLeft - 1) * 1000);
    }
    if (next !== Infinity) timer = timers.setTimeout(tick, next);
  }

  return {
    $limit: atomOf,
    hold(scope, until, onEnd) {
      if (disposed) return;
      const ends = held.get(scope)?.ends ?? new Set<() => void>();
      if (onEnd) ends.add(onEnd);
      held.set(scope, { until, ends });
      atomOf(scope).set(null); // A fresh countdown, even when the seconds match the old one.
      tick();
    },
    release(scope) {
      if (!held.delete(scope)) return;
      atomOf(scope).set(null);
      tick();
    },
    dispose() {
      disposed = true;
      timers.clearTimeout(timer);
      held.clear();
    },
  };
}
