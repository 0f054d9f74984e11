import type { Context, MiddlewareHandler } from 'hono';
import { viewerById, viewerByToken } from '../domain/users.js';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/** The one route a signed link may open: GET (or HEAD) /api/attachments/{id}, with a plain id. */
const SIGNED_ROUTE = /^\/api\/attachments\/([A-Za-z0-9_-]{1,64})$/;

const unauthorized = (type: string, detail: string, error?: string) =>
  problemResponse(
    401,
    type,
    detail,
    {},
    {
      'www-authenticate': `Bearer realm="inbox"${error ? `, error="${error}"` : ''}`,
    },
  );

/** The attachment id when this request asks for an attachment with a signed link and no token. */
function signedAttachmentRequest(c: Context<AppEnv>): string | null {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null;
  if (c.req.header('authorization') !== undefined) return null;
  const m = SIGNED_ROUTE.exec(c.req.path);
  if (!m || c.req.query('signature') === undefined) return null;
  return m[1]!;
}

/**
 * A signed attachment link instead of a token (see AttachmentLinks): valid signature, not
 * expired, for a user who still exists. The download itself then applies that user's visibility.
 */
async function signedLinkAuth(c: Context<AppEnv>, attachmentId: string, next: () => Promise<void>) {
  const { db, links } = c.get('services');
  const check = links.check(attachmentId, {
    expires: c.req.query('expires'),
    user: c.req.query('user'),
    signature: c.req.query('signature'),
  });
  if (!check.ok && check.reason === 'expired')
    return unauthorized('link-expired', 'This link has expired. Reload the conversation to get a fresh one.');
  const viewer = check.ok ? await viewerById(db, check.userId) : null;
  if (!viewer)
    return unauthorized(
      'invalid-link',
      'This link is not valid (it may have been changed or copied wrongly). Reload the conversation to get a fresh one.',
    );
  c.set('viewer', viewer);
  c.set('signedAttachmentId', attachmentId);
  return next();
}

/**
 * Bearer auth for every /api route, before validation, so an anonymous caller learns nothing else.
 * The single exception: GET /api/attachments/{id} with a signed link and no Authorization header.
 */
export const bearerAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const signedId = signedAttachmentRequest(c);
  if (signedId !== null) return signedLinkAuth(c, signedId, next);
  const header = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return unauthorized('unauthorized', 'Sign in first: send Authorization: Bearer <token>.');
  const viewer = await viewerByToken(c.get('services').db, m[1]!);
  if (!viewer)
    return unauthorized(
      'unauthorized',
      'The token is not valid (it may have been revoked). Sign in again.',
      'invalid_token',
    );
  c.set('viewer', viewer);
  return next();
};
