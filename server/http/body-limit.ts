import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/**
 * Caps every request body except uploads (which have their own, per-channel limit) while it is
 * read: a body without Content-Length is cut off at the limit instead of being buffered whole.
 */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () =>
      problemResponse(
        413,
        'payload-too-large',
        `The request body is larger than ${maxBytes} bytes. Send less at once.`,
      ),
  });
  return async (c, next) => {
    if (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) return next();
    return limit(c, next);
  };
}
