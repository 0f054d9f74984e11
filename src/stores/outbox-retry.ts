// When a send that did not get through is tried again: the server's word first, else backoff.
import type { InboxApiError } from '../api/errors.js';
import { backoffDelay, type BackoffOptions } from '../api/events-stream.js';
import { retryAfterMs } from '../api/retry-after.js';

/** Full jitter from 1 s, never more than 30 s between tries. */
export const RETRY_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 30_000 };

/** Worth trying again with the same key: nothing reached a verdict on the message itself. */
export function isRetryable(error: InboxApiError): boolean {
  return error.status === 0 || error.status >= 500 || [401, 408, 425, 429].includes(error.status);
}

export interface RetryWait {
  /** How long to wait before the next try. */
  ms: number;
  /** The server said when (429/503 with `Retry-After`): the wait is its, to be shown as a countdown. */
  told: boolean;
  /** Too many requests: the person is rate-limited, not offline. */
  rateLimited: boolean;
}

/**
 * The wait before try `attempt + 1` (attempt counts from 0): exactly what `Retry-After` asks on a
 * 429 or 503, else a random delay in [0, min(cap, base·2^attempt)) so many clients that failed
 * together do not come back together.
 */
export function retryWait(
  error: InboxApiError,
  attempt: number,
  now: number,
  backoff: BackoffOptions = RETRY_BACKOFF,
): RetryWait {
  const asked = retryAfterMs(error, now);
  const rateLimited = error.status === 429;
  if (asked !== null) return { ms: asked, told: true, rateLimited };
  return { ms: backoffDelay(attempt, backoff), told: false, rateLimited };
}
