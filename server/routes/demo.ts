import { summarize } from '../domain/capabilities.js';
import { receiveInbound } from '../domain/inbound.js';
import { allUsersWithTokens } from '../domain/users.js';
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

function roleLabel(role: string, tenantOwner: boolean, readNotes: boolean): string {
  const extras = [tenantOwner ? 'tenant owner' : null, readNotes ? null : 'no note access'].filter(Boolean);
  return [ROLE_NAMES[role] ?? role, ...extras].join(' · ');
}

/** GET /demo/users: the seeded users and their tokens, so the demo and tests can sign in as anyone. */
export const demoUsers: Handler = async (c) => {
  const users = await allUsersWithTokens(c.get('services').db);
  return c.json(
    users.map((u) => ({
      id: u.user.id,
      name: u.user.name,
      role: u.user.role,
      roleLabel: roleLabel(u.user.role, u.user.tenantOwner, u.capabilities.readNotes),
      tenantOwner: u.user.tenantOwner,
      spaceIds: u.user.spaceIds,
      teamIds: u.user.teamIds,
      capabilities: u.capabilities,
      summary: summarize(u.capabilities),
      token: u.token,
    })),
  );
};
