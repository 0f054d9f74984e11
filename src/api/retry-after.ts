import type { InboxApiError } from './errors.js';

/** Statuses whose `Retry-After` says when the server wants to be asked again. */
const HONOURED = new Set([429, 503]);

/**
 * How long the server asked us to wait (ms, never negative), from a 429 or 503's `Retry-After`:
 * delay-seconds or an HTTP date (RFC 9110 §10.2.3). Null when there is none or it is unreadable.
 */
export function retryAfterMs(error: InboxApiError, now: number): number | null {
  const value = error.retryAfter?.trim();
  if (!value || !HONOURED.has(error.status)) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
