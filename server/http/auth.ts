import type { MiddlewareHandler } from 'hono';
import { viewerByToken } from '../domain/users.js';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/** Bearer auth for every /api route, before validation, so an anonymous caller learns nothing else. */
export const bearerAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const header = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) {
    return problemResponse(
      401,
      'unauthorized',
      'Sign in first: send Authorization: Bearer <token>.',
      {},
      {
        'www-authenticate': 'Bearer realm="inbox"',
      },
    );
  }
  const viewer = await viewerByToken(c.get('services').db, m[1]!);
  if (!viewer) {
    return problemResponse(
      401,
      'unauthorized',
      'The token is not valid (it may have been revoked). Sign in again.',
      {},
      {
        'www-authenticate': 'Bearer realm="inbox", error="invalid_token"',
      },
    );
  }
  c.set('viewer', viewer);
  return next();
};
