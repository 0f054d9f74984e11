import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The demo pages' policy, as their <meta http-equiv> states it, plus what only a header can say:
 * frame-ancestors (a meta tag cannot stop framing). A test keeps the two in step.
 */
export const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "frame-ancestors 'self'",
].join('; ');

/** API answers and the demo's own JSON routes: user data, never to be stored by a cache. */
const isApi = (path: string) => path === '/api' || path.startsWith('/api/') || path.startsWith('/demo/');

/**
 * Headers every response gets: nosniff everywhere; no-store on API answers (unless the route chose
 * its own caching, like an attachment's signed link); and on HTML pages a real Content-Security-Policy
 * and no Referer leaving the page (its URLs may carry a conversation id).
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('x-content-type-options', 'nosniff');
  if (isApi(c.req.path) && !headers.has('cache-control')) headers.set('cache-control', 'no-store');
  if (/^text\/html\b/i.test(headers.get('content-type') ?? '')) {
    headers.set('content-security-policy', DEMO_PAGE_CSP);
    headers.set('referrer-policy', 'no-referrer');
  }
};
