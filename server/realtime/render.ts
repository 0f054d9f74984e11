import type { components } from '../../src/api/schema.js';
import type { AttachmentLinks } from '../domain/attachment-links.js';
import { canSeeLoaded } from '../domain/conversation-lock.js';
import { toConversation } from '../domain/conversation-render.js';
import type { Viewer } from '../domain/users.js';
import type { Snapshot } from './snapshot.js';

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

/**
 * One event for one kind of subscriber: subscribers with the same `key` receive exactly the same
 * bytes, so `make` runs once per key and event, however many streams share it.
 */
export interface Audience {
  key: string;
  make(): InboxEvent;
}

function wasVisible(v: Viewer, before: Before): boolean {
  if (v.capabilities.seeAllConversations) return true;
  return (
    (before.assigneeIds ?? []).includes(v.id) || (before.teamIds ?? []).some((t) => v.teamIds.includes(t))
  );
}

/**
 * What one logged event is for one subscriber, decided in memory from the batch's snapshot: the
 * conversation as they see it now (scoping, unread, note-free preview), notes only with readNotes,
 * `removed` when a change took a conversation out of their sight, attachment URLs signed for
 * them. null = this subscriber gets nothing.
 */
export function audienceOf(
  links: AttachmentLinks,
  v: Viewer,
  row: EventRow,
  snap: Snapshot,
): Audience | null {
  const base = { id: String(row.id), spaceId: row.space_id, at: new Date(row.created_at).toISOString() };
  const payload = row.payload ?? {};
  const state = row.conversation_id ? snap.conversations.get(row.conversation_id) : undefined;
  const visible = state !== undefined && canSeeLoaded(v, state.row);
  switch (row.type) {
    case 'conversation.created':
    case 'conversation.updated': {
      const conversationId = row.conversation_id;
      if (!conversationId) return null;
      // Per-user changes (a read marker) go to that user only.
      if (typeof payload.onlyUserId === 'string' && payload.onlyUserId !== v.id) return null;
      const before = payload.before as Before | undefined;
      if (!visible) {
        return before && wasVisible(v, before)
          ? { key: 'removed', make: () => ({ ...base, type: 'conversation.removed', conversationId }) }
          : null;
      }
      // A conversation that just came into sight is new to this subscriber.
      const type =
        row.type === 'conversation.updated' && before && !wasVisible(v, before)
          ? 'conversation.created'
          : row.type;
      const notes = v.capabilities.readNotes;
      const unread = state.unread.get(v.id) ?? 0;
      return {
        key: `${type}|notes:${notes}|senders:${v.capabilities.seeSenders}|unread:${unread}`,
        make: () => {
          const preview = notes ? state.withNotes : state.messagesOnly;
          const conversation = toConversation({ ...state.row, ...preview, unread_count: unread }, v);
          return { ...base, type, conversation };
        },
      };
    }
    case 'timeline.item': {
      if (!row.item_id || !visible) return null;
      const item = snap.items.get(row.item_id);
      if (!item || (item.kind === 'note' && !v.capabilities.readNotes)) return null;
      // Attachment URLs are signed per user; everything else is the same for all who may see it.
      const signed = item.kind === 'message' && item.attachments.length > 0;
      return {
        key: signed ? `user:${v.id}` : 'all',
        make: () => ({ ...base, type: 'timeline.item', item: links.item(item, v.id) }),
      };
    }
    case 'presence': {
      if (!row.conversation_id || !visible) return null;
      const presence = (payload.presence ?? []) as components['schemas']['PresenceEntry'][];
      const conversationId = row.conversation_id;
      return { key: 'all', make: () => ({ ...base, type: 'presence', conversationId, presence }) };
    }
    case 'contact.updated': {
      // Any member of the contact's space may read it; rendered as the contact is now.
      const contact =
        typeof payload.contactId === 'string' ? snap.contacts.get(payload.contactId) : undefined;
      if (!contact || !v.spaceIds.includes(contact.spaceId)) return null;
      return { key: 'all', make: () => ({ ...base, type: 'contact.updated', contact }) };
    }
    case 'tag.changed': {
      const tag = payload.tag as components['schemas']['Tag'] | undefined;
      return tag ? { key: 'all', make: () => ({ ...base, type: 'tag.changed', tag }) } : null;
    }
    default:
      return null;
  }
}

/** The SSE frame of one event. */
export const frame = (event: InboxEvent): string =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
