import { cancelMessage, retryMessage } from '../domain/message-actions.js';
import { addNote } from '../domain/notes.js';
import { markRead } from '../domain/read-marker.js';
import { sendMessage } from '../domain/send.js';
import { getTimeline } from '../domain/timeline-page.js';
import { inputOf, type Handler } from '../http/env.js';

/** The contract makes Idempotency-Key required; the validator has already checked its shape. */
const keyOf = (headers: Record<string, string | undefined>) => headers['idempotency-key'] ?? '';

export const getTimelineRoute: Handler = async (c) => {
  const { path, query } = inputOf(c, 'getTimeline');
  return c.json(await getTimeline(c.get('services').db, c.get('viewer'), path.conversationId, query));
};

/** 201 with the scheduled message; 200 with the original (as it is now) for a replayed key. */
export const sendMessageRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'sendMessage');
  const { db, dispatcher } = c.get('services');
  const result = await sendMessage(db, c.get('viewer'), path.conversationId, keyOf(headers), body);
  if (result.dueAt) dispatcher.wake(result.dueAt);
  return c.json(result.item, result.replay ? 200 : 201);
};

export const addNoteRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'addNote');
  const result = await addNote(
    c.get('services').db,
    c.get('viewer'),
    path.conversationId,
    keyOf(headers),
    body.text,
  );
  return c.json(result.item, result.replay ? 200 : 201);
};

export const cancelMessageRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'cancelMessage');
  return c.json(await cancelMessage(c.get('services').db, c.get('viewer'), path.messageId));
};

export const retryMessageRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'retryMessage');
  const { db, dispatcher } = c.get('services');
  const item = await retryMessage(db, c.get('viewer'), path.messageId);
  dispatcher.wake();
  return c.json(item);
};

export const markConversationReadRoute: Handler = async (c) => {
  const { path, body } = inputOf(c, 'markConversationRead');
  const seq = await markRead(c.get('services').db, c.get('viewer'), path.conversationId, body.seq);
  return c.json({ seq });
};
