import { setAssignment } from '../domain/assignment.js';
import { countConversations, getConversation, listConversations } from '../domain/conversation-query.js';
import { startConversation } from '../domain/new-conversation.js';
import { setConversationTags } from '../domain/tags.js';
import { setPresence } from '../domain/presence.js';
import { changeStatus } from '../domain/status.js';
import { requireSpace } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';
import { parseIfMatch } from '../http/preconditions.js';
import { conversationNotFound } from '../domain/errors.js';

export const listConversationsRoute: Handler = async (c) => {
  const { query } = inputOf(c, 'listConversations');
  const v = c.get('viewer');
  requireSpace(v, query.spaceId);
  const { db, cursors } = c.get('services');
  return c.json(await listConversations(db, v, query, cursors));
};

export const countConversationsRoute: Handler = async (c) => {
  const { query } = inputOf(c, 'countConversations');
  const v = c.get('viewer');
  requireSpace(v, query.spaceId);
  return c.json(await countConversations(c.get('services').db, v, query));
};

export const getConversationRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'getConversation');
  const conversation = await getConversation(c.get('services').db, c.get('viewer'), path.conversationId);
  // Invisible and missing look the same, so ids of other teams' conversations leak nothing.
  if (!conversation) throw conversationNotFound(path.conversationId);
  c.header('ETag', `"${conversation.version}"`);
  return c.json(conversation);
};

/** PUT /conversations/{id}/status: a legal move, based on the version the user saw (If-Match). */
export const setConversationStatusRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'setConversationStatus');
  const ifMatch = parseIfMatch(headers['if-match'] ?? '');
  const conversation = await changeStatus(
    c.get('services').db,
    c.get('viewer'),
    path.conversationId,
    body.status,
    ifMatch,
  );
  c.header('ETag', `"${conversation.version}"`);
  return c.json(conversation);
};

/** PUT /conversations/{id}/presence: viewing, typing or left; everyone who can see it is told. */
export const setPresenceRoute: Handler = async (c) => {
  const { path, body } = inputOf(c, 'setPresence');
  await setPresence(c.get('services').db, c.get('viewer'), path.conversationId, body.state);
  return c.body(null, 204);
};

/** POST /conversations: 201 with the new conversation, 200 with it again for a replayed key. */
export const createConversationRoute: Handler = async (c) => {
  const { headers, body } = inputOf(c, 'createConversation');
  const { db, dispatcher } = c.get('services');
  const result = await startConversation(db, c.get('viewer'), headers['idempotency-key'] ?? '', body);
  if (result.dueAt) dispatcher.wake(result.dueAt);
  c.header('ETag', `"${result.conversation.version}"`);
  return c.json(result.conversation, result.replay ? 200 : 201);
};

export const setConversationAssignmentRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'setConversationAssignment');
  const ifMatch = parseIfMatch(headers['if-match'] ?? '');
  const conversation = await setAssignment(
    c.get('services').db,
    c.get('viewer'),
    path.conversationId,
    body,
    ifMatch,
  );
  c.header('ETag', `"${conversation.version}"`);
  return c.json(conversation);
};

export const setConversationTagsRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'setConversationTags');
  const ifMatch = parseIfMatch(headers['if-match'] ?? '');
  const conversation = await setConversationTags(
    c.get('services').db,
    c.get('viewer'),
    path.conversationId,
    body.tagIds,
    ifMatch,
  );
  c.header('ETag', `"${conversation.version}"`);
  return c.json(conversation);
};
