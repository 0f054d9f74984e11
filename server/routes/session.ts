import type { components } from '../../src/api/schema.js';
import type { Handler } from '../http/env.js';
import { tenantOf } from '../domain/users.js';

type Space = components['schemas']['Space'];

/** Any signed-in user; without inbox access no spaces and no capabilities (users.ts). */
export const getMe: Handler = async (c) => {
  const { db } = c.get('services');
  const v = c.get('viewer');
  const spaces = await db.query<Space & Record<string, unknown>>(
    `select s.id, s.name from spaces s join user_spaces us on us.space_id = s.id
     where us.user_id = $1 and $2::boolean order by s.position`,
    [v.id, v.inboxAccess === 'granted'],
  );
  const me: components['schemas']['Me'] = {
    user: v.user,
    tenant: await tenantOf(db, v.tenantId),
    spaces: spaces.map((s) => ({ id: s.id, name: s.name })),
    capabilities: v.capabilities,
    inboxAccess: v.inboxAccess,
  };
  return c.json(me);
};
