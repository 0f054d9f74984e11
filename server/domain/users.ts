import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import { forbidden } from './errors.js';
import { capabilitiesFor, NO_CAPABILITIES, type Capabilities } from './capabilities.js';

type User = components['schemas']['User'];
type Tenant = components['schemas']['Tenant'];
export type InboxAccessState = components['schemas']['InboxAccessState'];

/** The signed-in user with what the server needs to scope every query and event. */
export interface Viewer {
  id: string;
  tenantId: string;
  user: User;
  capabilities: Capabilities;
  teamIds: string[];
  spaceIds: string[];
  /** Anything but `granted`: no spaces, no capabilities, only the access routes. */
  inboxAccess: InboxAccessState;
}

const USER_SELECT = `
  select u.id, u.tenant_id, u.name, u.email, u.role, u.tenant_owner, u.note_access, u.avatar_url, u.avatar_color, u.inbox_access,
    array(select tm.team_id from team_members tm join teams t on t.id = tm.team_id where tm.user_id = u.id order by t.position) as team_ids,
    array(select us.space_id from user_spaces us join spaces s on s.id = us.space_id where us.user_id = u.id order by s.position) as space_ids
  from users u`;

interface UserRow {
  id: string;
  tenant_id: string;
  name: string;
  email: string;
  role: string;
  tenant_owner: boolean;
  note_access: boolean;
  avatar_url: string | null;
  avatar_color: string;
  inbox_access: InboxAccessState;
  team_ids: string[];
  space_ids: string[];
  [k: string]: unknown;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1
      ? [words[0]!, words[words.length - 1]!].map((w) => [...w][0])
      : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase().slice(0, 3);
}

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    avatar: { url: r.avatar_url, initials: initials(r.name), color: r.avatar_color },
    role: r.role,
    teamIds: r.team_ids,
    spaceIds: r.space_ids,
    tenantOwner: r.tenant_owner,
  };
}

/**
 * Without inbox access a user has no spaces, teams or capabilities, whatever memberships wait for
 * them: everything scoped by those is then out of reach, realtime streams included.
 */
function toViewer(r: UserRow): Viewer {
  const granted = r.inbox_access === 'granted';
  const row = granted ? r : { ...r, team_ids: [], space_ids: [] };
  return {
    id: r.id,
    tenantId: r.tenant_id,
    user: toUser(row),
    capabilities: granted
      ? capabilitiesFor({ role: r.role, tenantOwner: r.tenant_owner, noteAccess: r.note_access })
      : NO_CAPABILITIES,
    teamIds: row.team_ids,
    spaceIds: row.space_ids,
    inboxAccess: r.inbox_access,
  };
}

export async function viewerByToken(db: Queryable, token: string): Promise<Viewer | null> {
  const rows = await db.query<UserRow>(`${USER_SELECT} where u.token = $1`, [token]);
  return rows[0] ? toViewer(rows[0]) : null;
}

export async function viewerById(db: Queryable, id: string): Promise<Viewer | null> {
  const rows = await db.query<UserRow>(`${USER_SELECT} where u.id = $1`, [id]);
  return rows[0] ? toViewer(rows[0]) : null;
}

/**
 * The users of a space who have the inbox, each with their open (active or unanswered)
 * conversations of that space, for the assignment picker.
 */
export async function usersOfSpace(db: Queryable, spaceId: string): Promise<User[]> {
  const rows = await db.query<UserRow & { open_conversations: number }>(
    `select x.*, (select count(*)::int from conversation_assignees a join conversations c on c.id = a.conversation_id
         where a.user_id = x.id and c.space_id = $1 and c.status in ('active', 'unanswered')) as open_conversations
     from (${USER_SELECT}) x
     where x.inbox_access = 'granted'
       and exists (select 1 from user_spaces us where us.user_id = x.id and us.space_id = $1)
     order by x.name`,
    [spaceId],
  );
  return rows.map((r) => ({ ...toUser(r), openConversations: Number(r.open_conversations) }));
}

export interface DemoUser {
  user: User;
  capabilities: Capabilities;
  token: string;
  inboxAccess: InboxAccessState;
  tenantName: string;
}

/** Every user with their token: the demo tenant's inbox users first, then the rest. */
export async function allUsersWithTokens(db: Queryable): Promise<DemoUser[]> {
  const rows = await db.query<UserRow & { token: string; tenant_name: string }>(
    `select x.*, u2.token, t.name as tenant_name
     from (${USER_SELECT}) x join users u2 on u2.id = x.id join tenants t on t.id = x.tenant_id
     order by t.created_at, t.id, x.inbox_access <> 'granted',
       case x.role when 'admin' then 0 when 'manager' then 1 else 2 end, x.name`,
  );
  return rows.map((r) => {
    const v = toViewer(r);
    return {
      user: toUser(r),
      capabilities: v.capabilities,
      token: r.token,
      inboxAccess: v.inboxAccess,
      tenantName: r.tenant_name,
    };
  });
}

export async function tenantOf(db: Queryable, tenantId: string): Promise<Tenant> {
  const rows = await db.query<{ id: string; name: string; undo: number; time_zone: string }>(
    'select id, name, undo_window_seconds as undo, time_zone from tenants where id = $1',
    [tenantId],
  );
  const t = rows[0];
  if (!t) throw new Error(`tenant ${tenantId} is missing`);
  return { id: t.id, name: t.name, undoWindowSeconds: t.undo, timeZone: t.time_zone };
}

/** Members only: every space-scoped route answers 403 for a space the user does not belong to. */
export function requireSpace(viewer: Viewer, spaceId: string): void {
  if (!viewer.spaceIds.includes(spaceId)) {
    throw forbidden(`You are not a member of the space ${spaceId}.`);
  }
}

/** Several users at once (the live event streams re-read theirs once per batch of events). */
export async function viewersByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, Viewer>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<UserRow>(
    `${USER_SELECT} where u.id in (select jsonb_array_elements_text($1::text::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, toViewer(r)]));
}
