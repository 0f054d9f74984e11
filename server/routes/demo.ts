import { approveInboxAccess } from '../domain/access.js';
import { summarize } from '../domain/capabilities.js';
import { receiveInbound } from '../domain/inbound.js';
import { allUsersWithTokens, type DemoUser } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';
import { notFound } from '../domain/errors.js';

/** POST /demo/inbound (the contract's injectInbound): a contact replies. Never in production. */
export const injectInbound: Handler = async (c) => {
  const { body } = inputOf(c, 'injectInbound');
  const item = await receiveInbound(c.get('services').db, body.conversationId, body.text);
  if (!item) throw notFound(`Conversation ${body.conversationId} does not exist.`);
  return c.json(item, 201);
};

const ROLE_NAMES: Record<string, string> = {
  admin: 'Inbox Admin',
  manager: 'Inbox Manager',
  agent: 'Inbox Agent',
};

/** POST /demo/inbox-access/{userId}/approve: support approves a request. Never in production. */
export const approveInboxAccessRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'approveInboxAccess');
  return c.json(await approveInboxAccess(c.get('services').db, path.userId));
};

const ACCESS_NOTES = {
  none: 'no inbox access yet',
  requested: 'inbox access requested',
  granted: null,
} as const;

/** "Inbox Agent · no note access", "Inbox Admin · tenant owner · Harbor Lane Bakery". */
function roleLabel(u: DemoUser, demoTenant: string): string {
  const extras = [
    u.user.tenantOwner ? 'tenant owner' : null,
    u.inboxAccess === 'granted' && !u.capabilities.readNotes ? 'no note access' : null,
    ACCESS_NOTES[u.inboxAccess],
    u.tenantName !== demoTenant ? u.tenantName : null,
  ].filter(Boolean);
  return [ROLE_NAMES[u.user.role] ?? u.user.role, ...extras].join(' · ');
}

/** GET /demo/users: the seeded users and their tokens, so the demo and tests can sign in as anyone. */
export const demoUsers: Handler = async (c) => {
  const users = await allUsersWithTokens(c.get('services').db);
  const demoTenant = users[0]?.tenantName ?? '';
  return c.json(
    users.map((u) => ({
      id: u.user.id,
      name: u.user.name,
      role: u.user.role,
      roleLabel: roleLabel(u, demoTenant),
      tenantOwner: u.user.tenantOwner,
      tenantName: u.tenantName,
      inboxAccess: u.inboxAccess,
      spaceIds: u.user.spaceIds,
      teamIds: u.user.teamIds,
      capabilities: u.capabilities,
      summary: summarize(u.capabilities),
      token: u.token,
    })),
  );
};
