import type { Queryable } from '../db/db.js';
import { ACCESS_USERS, ALERTS_PROFILE, ALERTS_SENDER, HARBOR, type MoreUser } from './more-fixtures.js';
import { insert } from './insert.js';

const DAY = 24 * 3600 * 1000;

/** Users with their spaces and teams (the demo tenant's and the extra ones alike). */
export async function insertUsers(tx: Queryable, users: readonly MoreUser[]): Promise<void> {
  await insert(
    tx,
    'users',
    'id text, tenant_id text, name text, email text, role text, tenant_owner boolean, note_access boolean, token text, avatar_color text, inbox_access text',
    users.map((u) => ({
      id: u.id,
      tenant_id: u.tenantId,
      name: u.name,
      email: u.email,
      role: u.role,
      tenant_owner: u.tenantOwner,
      note_access: u.noteAccess,
      token: u.token,
      avatar_color: u.color,
      inbox_access: u.inboxAccess,
    })),
  );
  await insert(
    tx,
    'user_spaces',
    'user_id text, space_id text',
    users.flatMap((u) => u.spaceIds.map((s) => ({ user_id: u.id, space_id: s }))),
  );
  await insert(
    tx,
    'team_members',
    'team_id text, user_id text',
    users.flatMap((u) => u.teamIds.map((t) => ({ team_id: t, user_id: u.id }))),
  );
}

async function insertProfile(
  tx: Queryable,
  profile: { id: string; spaceId: string; name: string; channel: string; defaultCountry: string | null },
  sender: {
    id: string;
    profileId: string;
    address: string;
    country: string;
    dailyLimit: number;
    sentToday: number;
  },
): Promise<void> {
  await insert(
    tx,
    'sender_profiles',
    'id text, space_id text, name text, channel text, default_country text',
    [
      {
        id: profile.id,
        space_id: profile.spaceId,
        name: profile.name,
        channel: profile.channel,
        default_country: profile.defaultCountry,
      },
    ],
  );
  await insert(
    tx,
    'senders',
    'id text, sender_profile_id text, address text, country text, daily_limit int, sent_today int',
    [
      {
        id: sender.id,
        sender_profile_id: sender.profileId,
        address: sender.address,
        country: sender.country,
        daily_limit: sender.dailyLimit,
        sent_today: sender.sentToday,
      },
    ],
  );
}

/** Users in each inbox-access state, the nearly used-up profile, and the half-onboarded tenant. */
export async function seedMore(tx: Queryable, now: Date): Promise<void> {
  await insertUsers(tx, ACCESS_USERS);
  await insert(
    tx,
    'inbox_access_requests',
    'user_id text, requested_at timestamptz',
    ACCESS_USERS.filter((u) => u.inboxAccess === 'requested').map((u) => ({
      user_id: u.id,
      requested_at: new Date(now.getTime() - (u.requestedDaysAgo ?? 1) * DAY).toISOString(),
    })),
  );
  await insertProfile(tx, ALERTS_PROFILE, ALERTS_SENDER);

  const h = HARBOR;
  await insert(
    tx,
    'tenants',
    'id text, name text, undo_window_seconds int, time_zone text, created_at timestamptz',
    [
      {
        id: h.tenant.id,
        name: h.tenant.name,
        undo_window_seconds: h.tenant.undoWindowSeconds,
        time_zone: h.tenant.timeZone,
        created_at: new Date(now.getTime() - 2 * DAY).toISOString(),
      },
    ],
  );
  await insert(tx, 'spaces', 'id text, tenant_id text, name text, position int', [
    { ...h.space, tenant_id: h.tenant.id },
  ]);
  await insert(tx, 'teams', 'id text, space_id text, name text, position int', [
    { id: h.team.id, space_id: h.team.spaceId, name: h.team.name, position: 0 },
  ]);
  await insertProfile(tx, h.profile, h.sender);
  await insertUsers(tx, [h.owner]);
}

/** The seeded daily counts are today's, in each tenant's own time zone. */
export async function senderDaysStartToday(tx: Queryable): Promise<void> {
  await tx.query(
    `update senders s set sent_on = (now() at time zone t.time_zone)::date
     from sender_profiles p join spaces sp on sp.id = p.space_id join tenants t on t.id = sp.tenant_id
     where p.id = s.sender_profile_id`,
  );
}
