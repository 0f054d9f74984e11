// The timeline's view model and its pure merge rules, shared by the timeline and the outbox.
import type { InboxApiError } from '../api/errors.js';
import type { DeliveryStatus, TimelineItem } from '../api/types.js';
import { EMPTY, interner } from './interner.js';

/**
 * Where a send stands: `queued` waits (its turn behind an earlier send of the conversation, the
 * network, or the server's limit), `sending` has a request out, `failed` was refused (Retry sends
 * it again).
 */
export type PendingState = 'queued' | 'sending' | 'failed';

/** A send (message or note) the server has not acknowledged yet, or has refused. */
export interface PendingEntry {
  kind: 'pending';
  /** The client message id (also the Idempotency-Key), unique and stable: use it as the key. */
  clientMessageId: string;
  conversationId: string;
  /** What the server will make of it. */
  itemKind: 'message' | 'note';
  text: string;
  attachmentIds: string[];
  authorId: string;
  /** When the user pressed send (this browser's clock). */
  createdAt: string;
  /** `scheduled` until the server has it; `failed` when the server refused it (the text stays here). */
  status: 'scheduled' | 'failed';
  /** What a person sees: queued, sending, or failed. */
  state: PendingState;
  /** True while the server cannot be reached and the send waits to try again with the same key. */
  retrying: boolean;
  /** When the next try is due (ms) while `retrying`, else null. */
  retryAt: number | null;
  /** The server answered "too many requests": the wait is the one it asked for. */
  rateLimited: boolean;
  /** Why it failed (readable `detail`), or the last reason it is retrying. */
  error: InboxApiError | null;
  /** An estimate until the server answers with `scheduledFor`; null for notes or no undo window. */
  undoUntil: number | null;
}

/** What a timeline renders: the server's items and this browser's sends, in order. */
export type TimelineEntry = TimelineItem | PendingEntry;

/**
 * A key that stays the same when a pending send becomes the server's message, so a list keyed by
 * it moves the bubble instead of replacing it.
 */
export function entryKey(entry: TimelineEntry): string {
  if (entry.kind === 'pending') return entry.clientMessageId;
  return entry.kind === 'message' && entry.clientMessageId ? entry.clientMessageId : entry.id;
}

/** When the undo window of an entry ends (ms), or null when it cannot be undone. */
export function undoDeadline(entry: TimelineEntry): number | null {
  if (entry.kind === 'pending') return entry.status === 'scheduled' ? entry.undoUntil : null;
  if (entry.kind !== 'message' || entry.status !== 'scheduled' || !entry.scheduledFor) return null;
  const at = Date.parse(entry.scheduledFor);
  return Number.isNaN(at) ? null : at;
}

// The forward order of a delivery; failed and cancelled are handled on their own.
const RANK: Record<DeliveryStatus, number> = {
  scheduled: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: -1,
  cancelled: -1,
};

/**
 * Whether a delivery status may replace another: never backwards along
 * scheduled → queued → sent → delivered → read. Cancelled is final and only follows scheduled;
 * failed may follow anything before delivered; a failed message moves on only by a retry (queued+).
 */
export function acceptsStatus(from: DeliveryStatus, to: DeliveryStatus): boolean {
  if (from === to) return true;
  if (from === 'cancelled') return false;
  if (to === 'cancelled') return from === 'scheduled';
  if (to === 'failed') return RANK[from] < RANK.delivered;
  if (from === 'failed') return RANK[to] >= RANK.queued;
  return RANK[to] >= RANK[from];
}

/** The item to keep when `incoming` arrives for the id of `current`. */
export function mergeItem(current: TimelineItem | undefined, incoming: TimelineItem): TimelineItem {
  if (!current) return incoming;
  if (
    current.kind === 'message' &&
    incoming.kind === 'message' &&
    !acceptsStatus(current.status, incoming.status)
  )
    return current;
  // A replay of what is already here keeps the same object, so nothing downstream re-renders.
  return JSON.stringify(current) === JSON.stringify(incoming) ? current : incoming;
}

/** The index of the first item whose seq is at least `seq` (items ascend by seq). */
export function seqIndex(items: readonly TimelineItem[], seq: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Upserts items by seq (unique within a conversation), ascending. Returns `items` itself when
 * nothing changed. A live item costs a binary search and one copy, however long the thread.
 */
export function mergeItems(
  items: readonly TimelineItem[],
  incoming: readonly TimelineItem[],
): TimelineItem[] {
  let merged: TimelineItem[] | undefined;
  for (const item of incoming) {
    const list = merged ?? items;
    const at = seqIndex(list, item.seq);
    const current = list[at]?.seq === item.seq ? list[at] : undefined;
    const next = mergeItem(current, item);
    if (next === current) continue;
    merged ??= items.slice();
    if (current) merged[at] = next;
    else if (at === merged.length) merged.push(next);
    else merged.splice(at, 0, next);
  }
  return merged ?? (items as TimelineItem[]);
}

/**
 * Makes a thread's items share what each of them repeats. Parsed JSON gives every item its own copy
 * of the conversation id, its author's id, its kind, a message's direction and delivery status, an
 * event's type, and an empty attachment list: about 100 bytes a message, a third of a thread's data.
 * The values stay equal, so it writes them in place.
 */
export function sharingRepeats(): (item: TimelineItem) => TimelineItem {
  const shared = interner();
  return (item) => {
    item.conversationId = shared(item.conversationId);
    item.kind = shared(item.kind);
    if (item.kind === 'event') {
      item.event.type = shared(item.event.type);
      return item;
    }
    if (item.authorId) item.authorId = shared(item.authorId);
    if (item.kind === 'message') {
      item.direction = shared(item.direction);
      item.status = shared(item.status);
      if (item.attachments.length === 0) item.attachments = EMPTY;
    }
    return item;
  };
}

/**
 * What the user may see: cancelled messages are gone, and a note never shows to someone without
 * `readNotes` even if one slipped through (the server already leaves them out).
 */
export function isVisibleItem(item: TimelineItem, canReadNotes: boolean): boolean {
  if (item.kind === 'message') return item.status !== 'cancelled';
  if (item.kind === 'note') return canReadNotes;
  return true;
}
