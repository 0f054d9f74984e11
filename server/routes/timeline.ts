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
  const { db, links } = c.get('services');
  const viewer = c.get('viewer');
  const page = await getTimeline(db, viewer, path.conversationId, query);
  return c.json({ ...page, items: page.items.map((item) => links.item(item, viewer.id)) });
};

/** 201 with the scheduled message; 200 with the original (as it is now) for a replayed key. */
export const sendMessageRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'sendMessage');
  const { db, dispatcher, links } = c.get('services');
  const viewer = c.get('viewer');
  const result = await sendMessage(db, viewer, path.conversationId, keyOf(headers), body);
  if (result.dueAt) dispatcher.wake(result.dueAt);
  return c.json(links.item(result.item, viewer.id), result.replay ? 200 : 201);
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
  const { db, links } = c.get('services');
  const viewer = c.get('viewer');
  return c.json(links.item(await cancelMessage(db, viewer, path.messageId), viewer.id));
};

export const retryMessageRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'retryMessage');
  const { db, dispatcher, links } = c.get('services');
  const viewer = c.get('viewer');
  const item = await retryMessage(db, viewer, path.messageId);
  dispatcher.wake();
  return c.json(links.item(item, viewer.id));
};

export const markConversationReadRoute: Handler = async (c) => {
  const { path, body } = inputOf(c, 'markConversationRead');
  const seq = await markRead(c.get('services').db, c.get('viewer'), path.conversationId, body.seq);
  return c.json({ seq });
};
