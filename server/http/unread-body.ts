import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * An answer given before the request body was read (a 413 by Content-Length, a 401 before a
 * large upload) says `Connection: close`. Otherwise the client may reuse the connection for its
 * next request while the server is still draining, then cutting, the unread body: that next
 * request would fail with "other side closed" through no fault of its own.
 */
export const closeOnUnreadBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const req = c.req.raw;
  const announced =
    Number(req.headers.get('content-length') ?? 0) > 0 || req.headers.has('transfer-encoding');
  if (announced && !req.bodyUsed) c.res.headers.set('connection', 'close');
};
