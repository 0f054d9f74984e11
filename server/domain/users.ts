import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import { forbidden } from './errors.js';
import { capabilitiesFor, type Capabilities } from './capabilities.js';

type User = components['schemas']['User'];
type Tenant = components['schemas']['Tenant'];

/** The signed-in user with what the server needs to scope every query and event. */
export interface Viewer {
  id: string;
  tenantId: string;
  user: User;
  capabilities: Capabilities;
  teamIds: string[];
  spaceIds: string[];
}

const USER_SELECT = `
  select u.id, u.tenant_id, u.name, u.email, u.role, u.tenant_owner, u.note_access, u.avatar_url, u.avatar_color,
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

function toViewer(r: UserRow): Viewer {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    user: toUser(r),
    capabilities: capabilitiesFor({ role: r.role, tenantOwner: r.tenant_owner, noteAccess: r.note_access }),
    teamIds: r.team_ids,
    spaceIds: r.space_ids,
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

export async function usersOfSpace(db: Queryable, spaceId: string): Promise<User[]> {
  const rows = await db.query<UserRow>(
    `${USER_SELECT} where exists (select 1 from user_spaces us where us.user_id = u.id and us.space_id = $1) order by u.name`,
    [spaceId],
  );
  return rows.map(toUser);
}

export interface DemoUser {
  user: User;
  capabilities: Capabilities;
  token: string;
}

export async function allUsersWithTokens(db: Queryable): Promise<DemoUser[]> {
  const rows = await db.query<UserRow & { token: string }>(
    `select x.*, u2.token from (${USER_SELECT}) x join users u2 on u2.id = x.id order by case x.role when 'admin' then 0 when 'manager' then 1 else 2 end, x.name`,
  );
  return rows
    .map((r) => ({ ...toViewer(r), token: r.token }))
    .map((v) => ({ user: v.user, capabilities: v.capabilities, token: v.token }));
}

export async function tenantOf(db: Queryable, tenantId: string): Promise<Tenant> {
  const rows = await db.query<{ id: string; name: string; undo: number }>(
    'select id, name, undo_window_seconds as undo from tenants where id = $1',
    [tenantId],
  );
  const t = rows[0];
  if (!t) throw new Error(`tenant ${tenantId} is missing`);
  return { id: t.id, name: t.name, undoWindowSeconds: t.undo };
}

/** Members only: every space-scoped route answers 403 for a space the user does not belong to. */
export function requireSpace(viewer: Viewer, spaceId: string): void {
  if (!viewer.spaceIds.includes(spaceId)) {
    throw forbidden(`You are not a member of the space ${spaceId}.`);
  }
}
