import { atom, onStart, onStop, type ReadableAtom } from 'nanostores';
import type { Timers } from './context.js';

export interface ClockStore {
  /**
   * The time in ms, refreshed every 30 s while anything subscribes, so relative times
   * ("5 min") stay current with one timer for the whole inbox instead of one per row.
   */
  $now: ReadableAtom<number>;
  /** Stops ticking for good (the bundle was disposed). */
  dispose(): void;
}

export function createClockStore(timers: Timers, now: () => number, intervalMs = 30_000): ClockStore {
  const $now = atom(now());
  let timer: unknown;
  let disposed = false;

  function tick(): void {
    $now.set(now());
    if (!disposed) timer = timers.setTimeout(tick, intervalMs);
  }

  // onStart/onStop rather than onMount: onMount stops a second later on a real timer, which
  // would tick on past the last subscriber and escape injected timers.
  onStart($now, tick);
  onStop($now, () => {
    timers.clearTimeout(timer);
    timer = undefined;
  });

  return {
    $now,
    dispose() {
      disposed = true;
      timers.clearTimeout(timer);
    },
  };
}
