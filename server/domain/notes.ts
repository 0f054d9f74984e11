import type { components } from '../../src/api/schema.js';
import type { Db } from '../db/db.js';
import { forbidden } from './errors.js';
import { lockVisibleConversation } from './conversation-lock.js';
import { logEvents } from './events-log.js';
import { assertKeyFree, completeKey, fingerprint, reserveKey } from './idempotency.js';
import { loadItem } from './timeline.js';
import type { Viewer } from './users.js';

type NoteItem = components['schemas']['NoteItem'];

/**
 * POST /conversations/{id}/notes: an internal note (writeNotes, 403 otherwise). Its events are
 * rendered only for readers (realtime/render.ts); a note is not conversation activity, so the
 * list order stays, but the readers' preview changes, hence the new version.
 */
export async function addNote(
  db: Db,
  v: Viewer,
  conversationId: string,
  key: string,
  text: string,
): Promise<{ item: NoteItem; replay: boolean }> {
  if (!v.capabilities.writeNotes)
    throw forbidden('You may not write internal notes. Ask an admin for note access.');
  return db.transaction(async (tx) => {
    const conv = await lockVisibleConversation(tx, v, conversationId);
    const print = fingerprint('addNote', { conversationId, text });
    const original = await reserveKey(tx, v.id, key, 'addNote', print);
    if (original) return { item: (await loadItem(tx, original)) as NoteItem, replay: true };
    await assertKeyFree(tx, conversationId, key);
    const seq = conv.last_seq + 1;
    const [row] = await tx.query<{ id: string }>(
      `insert into timeline_items (conversation_id, seq, kind, text, author_id, client_message_id)
       values ($1, $2::int, 'note', $3, $4, $5) returning id`,
      [conversationId, seq, text, v.id, key],
    );
    await completeKey(tx, v.id, key, row!.id);
    await tx.query('update conversations set last_seq = $2::int, version = version + 1 where id = $1', [
      conversationId,
      seq,
    ]);
    await logEvents(tx, [
      { spaceId: conv.space_id, type: 'timeline.item', conversationId, itemId: row!.id },
      { spaceId: conv.space_id, type: 'conversation.updated', conversationId },
    ]);
    return { item: (await loadItem(tx, row!.id)) as NoteItem, replay: false };
  });
}
