import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import type { AttachmentLinks } from '../domain/attachment-links.js';
import { findContact } from '../domain/contact-query.js';
import { canSeeConversation } from '../domain/conversation-lock.js';
import { getConversation } from '../domain/conversation-query.js';
import { loadItem } from '../domain/timeline.js';
import type { Viewer } from '../domain/users.js';

type InboxEvent = components['schemas']['InboxEvent'];

export interface EventRow {
  id: string;
  space_id: string;
  type: string;
  conversation_id: string | null;
  item_id: string | null;
  payload: Record<string, unknown> | null;
  created_at: Date;
  [k: string]: unknown;
}

interface Before {
  teamIds?: string[];
  assigneeIds?: string[];
}

function wasVisible(v: Viewer, before: Before): boolean {
  if (v.capabilities.seeAllConversations) return true;
  return (
    (before.assigneeIds ?? []).includes(v.id) || (before.teamIds ?? []).some((t) => v.teamIds.includes(t))
  );
}

/**
 * Renders one logged event for one subscriber, at delivery time: the conversation as they see
 * it now (scoping, unread, note-free preview), notes only with readNotes, and `removed` when a
 * change took a conversation out of their sight, attachment URLs signed for them. null = this
 * subscriber gets nothing.
 */
export async function renderEvent(
  db: Queryable,
  links: AttachmentLinks,
  v: Viewer,
  row: EventRow,
): Promise<InboxEvent | null> {
  const base = { id: String(row.id), spaceId: row.space_id, at: new Date(row.created_at).toISOString() };
  const payload = row.payload ?? {};
  switch (row.type) {
    case 'conversation.created':
    case 'conversation.updated': {
      if (!row.conversation_id) return null;
      // Per-user changes (a read marker) go to that user only.
      if (typeof payload.onlyUserId === 'string' && payload.onlyUserId !== v.id) return null;
      const conversation = await getConversation(db, v, row.conversation_id);
      const before = payload.before as Before | undefined;
      if (!conversation) {
        return before && wasVisible(v, before)
          ? { ...base, type: 'conversation.removed', conversationId: row.conversation_id }
          : null;
      }
      // A conversation that just came into sight is new to this subscriber.
      const type =
        row.type === 'conversation.updated' && before && !wasVisible(v, before)
          ? 'conversation.created'
          : row.type;
      return { ...base, type, conversation };
    }
    case 'timeline.item': {
      if (!row.item_id || !row.conversation_id) return null;
      if (!(await canSeeConversation(db, v, row.conversation_id))) return null;
      const item = await loadItem(db, row.item_id);
      if (!item || (item.kind === 'note' && !v.capabilities.readNotes)) return null;
      return { ...base, type: 'timeline.item', item: links.item(item, v.id) };
    }
    case 'presence': {
      if (!row.conversation_id || !(await canSeeConversation(db, v, row.conversation_id))) return null;
      const presence = (payload.presence ?? []) as components['schemas']['PresenceEntry'][];
      return { ...base, type: 'presence', conversationId: row.conversation_id, presence };
    }
    case 'contact.updated': {
      // Any member of the space may read its contacts; rendered as the contact is now.
      if (typeof payload.contactId !== 'string') return null;
      const contact = await findContact(db, v, payload.contactId);
      return contact ? { ...base, type: 'contact.updated', contact } : null;
    }
    case 'tag.changed': {
      const tag = payload.tag as components['schemas']['Tag'] | undefined;
      return tag ? { ...base, type: 'tag.changed', tag } : null;
    }
    default:
      return null;
  }
}
