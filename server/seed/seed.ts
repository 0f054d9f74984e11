import type { Db, Queryable } from '../db/db.js';
import { SENDERS, SENDER_PROFILES, SPACES, TAGS, TEAMS, TENANT, USERS } from './fixtures.js';
import { generateSeed } from './generate.js';
import { insert } from './insert.js';
import { insertUsers, seedMore, senderDaysStartToday } from './seed-more.js';

const SEED_LOCK = 7_270_002;

/** Seeds the demo data on first start only (a tenant row means it was seeded before). */
export async function seedIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [SEED_LOCK]);
    const existing = await tx.query('select 1 from tenants limit 1');
    if (existing.length > 0) return false;
    await seedAll(tx, now);
    return true;
  });
}

async function seedAll(tx: Queryable, now: Date): Promise<void> {
  // Northwind has used the inbox for a year; it sorts first wherever tenants are listed.
  const since = new Date(now.getTime() - 400 * 24 * 3600 * 1000).toISOString();
  await insert(
    tx,
    'tenants',
    'id text, name text, undo_window_seconds int, time_zone text, created_at timestamptz',
    [
      {
        id: TENANT.id,
        name: TENANT.name,
        undo_window_seconds: TENANT.undoWindowSeconds,
        time_zone: TENANT.timeZone,
        created_at: since,
      },
    ],
  );
  await insert(
    tx,
    'spaces',
    'id text, tenant_id text, name text, position int',
    SPACES.map((s) => ({ ...s, tenant_id: TENANT.id })),
  );
  await insert(
    tx,
    'teams',
    'id text, space_id text, name text, position int',
    TEAMS.map((t, i) => ({ id: t.id, space_id: t.spaceId, name: t.name, position: i })),
  );
  await insertUsers(
    tx,
    USERS.map((u) => ({ ...u, tenantId: TENANT.id, inboxAccess: 'granted' as const })),
  );
  await insert(
    tx,
    'sender_profiles',
    'id text, space_id text, name text, channel text, default_country text',
    SENDER_PROFILES.map((p) => ({
      id: p.id,
      space_id: p.spaceId,
      name: p.name,
      channel: p.channel,
      default_country: p.defaultCountry,
    })),
  );
  await insert(
    tx,
    'sender_profile_teams',
    'sender_profile_id text, team_id text',
    SENDER_PROFILES.flatMap((p) => p.teamIds.map((t) => ({ sender_profile_id: p.id, team_id: t }))),
  );
  await insert(
    tx,
    'senders',
    'id text, sender_profile_id text, address text, country text, daily_limit int, sent_today int',
    SENDERS.map((s) => ({
      id: s.id,
      sender_profile_id: s.profileId,
      address: s.address,
      country: s.country,
      daily_limit: s.dailyLimit,
      sent_today: s.sentToday,
    })),
  );
  await insert(
    tx,
    'tags',
    'id text, space_id text, name text, color text',
    TAGS.map((t) => ({ id: t.id, space_id: t.spaceId, name: t.name, color: t.color })),
  );

  const data = generateSeed(now);
  await insert(
    tx,
    'contacts',
    'id text, space_id text, name text, phone text, email text, company text, country text, notes text',
    data.contacts,
  );
  await insert(
    tx,
    'conversations',
    'id text, space_id text, channel text, contact_id text, sender_profile_id text, sender_id text, status text, origin text, version int, created_at timestamptz, created_by text, closed_at timestamptz, closed_by text, waiting_since timestamptz, last_activity_at timestamptz, last_seq int, last_inbound_seq int',
    data.conversations,
  );
  await insert(tx, 'conversation_teams', 'conversation_id text, team_id text', data.conversationTeams);
  await insert(
    tx,
    'conversation_assignees',
    'conversation_id text, user_id text',
    data.conversationAssignees,
  );
  await insert(tx, 'conversation_tags', 'conversation_id text, tag_id text', data.conversationTags);
  await insert(
    tx,
    'timeline_items',
    'conversation_id text, seq int, kind text, created_at timestamptz, text text, author_id text, direction text, status text, failure_reason text, event jsonb',
    data.items,
  );
  await insert(tx, 'read_markers', 'user_id text, conversation_id text, seq int', data.readMarkers);
  await seedMore(tx, now);
  await senderDaysStartToday(tx);
}
