import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';

type TimelineItem = components['schemas']['TimelineItem'];
type MessageItem = components['schemas']['MessageItem'];

/** Attachment `url`s here are bare; routes and events sign them per user (AttachmentLinks.item). */
export const ITEM_COLUMNS = `ti.id, ti.conversation_id, ti.seq, ti.kind, ti.created_at, ti.text, ti.author_id, ti.direction,
  ti.status, ti.client_message_id, ti.failure_reason, ti.scheduled_for, ti.event,
  coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name, 'contentType', a.content_type, 'size', a.size,
    'url', '/api/attachments/' || a.id) order by a.created_at) from attachments a where a.item_id = ti.id), '[]'::json) as attachments`;

export interface ItemRow {
  id: string;
  conversation_id: string;
  seq: number;
  kind: 'message' | 'note' | 'event';
  created_at: Date;
  text: string | null;
  author_id: string | null;
  direction: 'in' | 'out' | null;
  status: MessageItem['status'] | null;
  client_message_id: string | null;
  failure_reason: string | null;
  scheduled_for: Date | null;
  event: unknown;
  attachments: unknown;
  [k: string]: unknown;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toTimelineItem(r: ItemRow): TimelineItem {
  const base = {
    id: r.id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    createdAt: iso(r.created_at)!,
  };
  if (r.kind === 'note') return { ...base, kind: 'note', text: r.text ?? '', authorId: r.author_id ?? '' };
  if (r.kind === 'event')
    return { ...base, kind: 'event', event: r.event as components['schemas']['TimelineEvent'] };
  return {
    ...base,
    kind: 'message',
    direction: r.direction ?? 'in',
    text: r.text ?? '',
    attachments: (typeof r.attachments === 'string'
      ? JSON.parse(r.attachments)
      : r.attachments) as MessageItem['attachments'],
    status: r.status ?? 'delivered',
    authorId: r.author_id,
    clientMessageId: r.client_message_id,
    failureReason: r.failure_reason,
    scheduledFor: iso(r.scheduled_for),
  } as MessageItem;
}

export async function loadItem(db: Queryable, itemId: string): Promise<TimelineItem | null> {
  const rows = await db.query<ItemRow>(`select ${ITEM_COLUMNS} from timeline_items ti where ti.id = $1`, [
    itemId,
  ]);
  return rows[0] ? toTimelineItem(rows[0]) : null;
}
