/**
 * The authorization matrix: for every operation of the contract, what each seeded role gets.
 * Read a row against the product rules (README, openapi/inbox.yaml):
 * - admin Olivia sees and does everything in her tenant;
 * - manager Marco: his teams' conversations, assigns, edits contacts, manages tags, sees senders;
 * - agents (Aiko, João, two-space Lena, no-notes Samir): their teams' conversations, no contact
 *   edits, no tag management, no senders; Samir neither reads nor writes notes;
 * - Nadia (no access) and Tomás (requested): only GET /me and GET/POST /inbox-access;
 * - Grace, admin of another tenant: nothing of this tenant is visible to her;
 * - no token: 401 on every /api route.
 * Each request targets a resource the role could reach if allowed (a conversation of its own
 * teams), so a refusal can only come from the rule under test.
 */

export const ROLES = [
  'admin',
  'manager',
  'agent',
  'agent2',
  'twoSpaces',
  'noNotes',
  'noAccess',
  'requested',
  'owner2',
  'none',
] as const;
export type Role = (typeof ROLES)[number];

/** An expected answer: a status, or several where an allowed call may also meet a state conflict. */
export type Expect = number | readonly number[];

/** A column per role, in ROLES order. */
type Row = readonly [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];

const ok = 200;
const created = 201;
const F = 403;
const N = 404;
const U = 401;

/** Nadia, Tomás, no token: the three last-but-Grace columns of every inbox route. */
const LOCKED = [F, F] as const;

export const MATRIX: Record<string, Row> = {
  //                             admin    manager  agent    agent2   twoSp    noNotes  noAcc  req  Grace  none
  getMe: [ok, ok, ok, ok, ok, ok, ok, ok, ok, U],
  getInboxAccess: [ok, ok, ok, ok, ok, ok, ok, ok, ok, U],
  requestInboxAccess: [ok, ok, ok, ok, ok, ok, [created, ok], ok, ok, U],
  listSpaces: [ok, ok, ok, ok, ok, ok, ...LOCKED, ok, U],
  listTeams: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  listUsers: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  listChannels: [ok, ok, ok, ok, ok, ok, ...LOCKED, ok, U],
  listSenderProfiles: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  getSenderAvailability: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  listContacts: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  createContact: [created, created, F, F, F, F, ...LOCKED, F, U],
  getContact: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  updateContact: [ok, ok, F, F, F, F, ...LOCKED, N, U],
  listConversations: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  createConversation: [created, created, created, created, created, created, ...LOCKED, F, U],
  countConversations: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  getConversation: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  setConversationStatus: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  setConversationAssignment: [ok, ok, F, F, F, F, ...LOCKED, N, U],
  setConversationTags: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  markConversationRead: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  setPresence: [204, 204, 204, 204, 204, 204, ...LOCKED, N, U],
  getTimeline: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  sendMessage: [created, created, created, created, created, created, ...LOCKED, N, U],
  addNote: [created, created, created, created, created, F, ...LOCKED, N, U],
  // The message is the admin's (sent in each role's conversation): only its sender may undo it;
  // retrying one that did not fail is a conflict, i.e. past the authorization checks.
  cancelMessage: [ok, F, F, F, F, F, ...LOCKED, N, U],
  retryMessage: [409, 409, 409, 409, 409, 409, ...LOCKED, N, U],
  uploadAttachment: [created, created, created, created, created, created, ...LOCKED, created, U],
  getAttachment: [ok, ok, ok, ok, ok, ok, ...LOCKED, N, U],
  listTags: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  createTag: [created, created, F, F, F, F, ...LOCKED, F, U],
  getOnboarding: [ok, F, F, F, F, F, ...LOCKED, ok, U],
  skipOnboardingStep: [ok, F, F, F, F, F, ...LOCKED, ok, U],
  streamEvents: [ok, ok, ok, ok, ok, ok, ...LOCKED, F, U],
  // Reference-server simulator routes, outside /api and without a token: the same for everyone.
  injectInbound: [created, created, created, created, created, created, created, created, created, created],
  approveInboxAccess: [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok],
};

export function expected(operationId: string, role: Role): Expect | undefined {
  const row = MATRIX[operationId];
  return row?.[ROLES.indexOf(role)];
}

export function matches(status: number, want: Expect): boolean {
  return typeof want === 'number' ? status === want : want.includes(status);
}
