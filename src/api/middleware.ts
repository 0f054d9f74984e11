import type { Middleware } from 'openapi-fetch';
import { InboxApiError, isAbortError } from './errors.js';

/**
 * Returns the bearer token. Called before every request; called with `{ refresh: true }` after a
 * 401 so the host can renew an expired token before the one retry.
 */
export type TokenProvider = (options?: { refresh?: boolean }) => string | Promise<string>;

/**
 * Auth for every request: sets the bearer token, and on a 401 asks the token provider for a fresh
 * one and retries once. A second 401 is returned as is (and becomes an InboxApiError in unwrap).
 * Network failures become InboxApiError with status 0.
 */
export function authMiddleware(tokenProvider: TokenProvider): Middleware {
  // openapi-fetch hands the consumed request to onResponse, so keep an unread copy for the retry.
  const retryCopies = new Map<string, Request>();
  // Concurrent 401s share one refresh instead of each asking the host.
  let refreshing: Promise<string> | undefined;
  const refresh = (): Promise<string> => {
    refreshing ??= Promise.resolve(tokenProvider({ refresh: true })).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  return {
    async onRequest({ request, id }) {
      request.headers.set('Authorization', `Bearer ${await tokenProvider()}`);
      retryCopies.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options }) {
      const copy = retryCopies.get(id);
      retryCopies.delete(id);
      if (response.status !== 401 || !copy) return undefined;
      copy.headers.set('Authorization', `Bearer ${await refresh()}`);
      try {
        return await options.fetch(copy);
      } catch (error) {
        throw isAbortError(error) ? error : InboxApiError.network(error);
      }
    },
    onError({ error, id }) {
      retryCopies.delete(id);
      if (isAbortError(error) || error instanceof InboxApiError) return undefined;
      return InboxApiError.network(error);
    },
  };
}

/** The result shape every openapi-fetch call resolves to. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Data, or a thrown InboxApiError built from the problem+json body. The one place that turns an
 * openapi-fetch result into an error, so stores never look at `error`/`response` themselves.
 */
export async function unwrap<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw InboxApiError.fromResponse(response, error);
  return data as T;
}

/** A fresh key for `Idempotency-Key` (matches `^[A-Za-z0-9_-]+$`, 32 characters). */
export function idempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Headers for an idempotent send; spread into `params.header` or `headers`. */
export function idempotencyHeader(key: string = idempotencyKey()): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

/**
 * Headers for a conditional update based on the resource's `version`. Sent as an RFC 9110 entity
 * tag (quoted, like the ETag the server sends); an ETag string passes through unchanged.
 */
export function ifMatch(version: number | string): { 'If-Match': string } {
  const tag = String(version);
  return { 'If-Match': tag.startsWith('"') || tag.startsWith('W/') ? tag : `"${tag}"` };
}
