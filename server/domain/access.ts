import type { components } from '../../src/api/schema.js';
import type { Db, Queryable } from '../db/db.js';
import { notFound } from './errors.js';
import type { InboxAccessState, Viewer } from './users.js';

type InboxAccess = components['schemas']['InboxAccess'];

/** Operations a signed-in user without the inbox may still call: who they are, and asking for it. */
export const OPEN_WITHOUT_INBOX: ReadonlySet<string> = new Set([
  'getMe',
  'getInboxAccess',
  'requestInboxAccess',
]);

export const INBOX_ACCESS_REQUIRED = "Your account doesn't have the Inbox yet. Request access first.";

async function accessOf(db: Queryable, userId: string): Promise<InboxAccess | null> {
  const [row] = await db.query<{ state: InboxAccessState; requested_at: Date | string | null }>(
    `select u.inbox_access as state, r.requested_at from users u
     left join inbox_access_requests r on r.user_id = u.id where u.id = $1`,
    [userId],
  );
  if (!row) return null;
  return {
    state: row.state,
    alreadyRequested: row.state === 'requested',
    requestedAt: row.requested_at ? new Date(row.requested_at).toISOString() : null,
  };
}

/** GET /inbox-access. */
export async function getInboxAccess(db: Queryable, v: Viewer): Promise<InboxAccess> {
  return (await accessOf(db, v.id))!;
}

/**
 * POST /inbox-access, "Request Access": the first request is recorded (`created`, "Request
 * Received!"); a repeat before approval changes nothing and says so ("Request Already Sent");
 * a user who has the inbox is told so. Two requests at once record one.
 */
export async function requestInboxAccess(
  db: Db,
  v: Viewer,
): Promise<{ access: InboxAccess; created: boolean }> {
  return db.transaction(async (tx) => {
    const moved = await tx.query(
      `update users set inbox_access = 'requested' where id = $1 and inbox_access = 'none' returning id`,
      [v.id],
    );
    if (moved.length > 0) {
      await tx.query(
        `insert into inbox_access_requests (user_id, requested_at, granted_at) values ($1, now(), null)
         on conflict (user_id) do update set requested_at = now(), granted_at = null`,
        [v.id],
      );
      return { access: { ...(await accessOf(tx, v.id))!, alreadyRequested: false }, created: true };
    }
    return { access: (await accessOf(tx, v.id))!, created: false };
  });
}

/** Support approves (the reference server's simulator route): the user has the inbox from now on. */
export async function approveInboxAccess(db: Db, userId: string): Promise<InboxAccess> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(`update users set inbox_access = 'granted' where id = $1 returning id`, [
      userId,
    ]);
    if (rows.length === 0) throw notFound(`User ${userId} does not exist.`);
    await tx.query(
      `insert into inbox_access_requests (user_id, requested_at, granted_at) values ($1, now(), now())
       on conflict (user_id) do update set granted_at = coalesce(inbox_access_requests.granted_at, now())`,
      [userId],
    );
    return (await accessOf(tx, userId))!;
  });
}
