import type { Channel } from '../channels/capabilities.js';
import type { OutboundMessage, Receipt } from '../channels/provider.js';
import type { Db } from '../db/db.js';
import { logEvents, type LogEvent } from './events-log.js';

interface ClaimedRow {
  id: string;
  dispatch_key: string;
  conversation_id: string;
  space_id: string;
  channel: Channel;
  contact_phone: string;
  sender_address: string | null;
  text: string | null;
  attachment_ids: string[];
  waiting_cleared: boolean;
  [k: string]: unknown;
}

/**
 * Takes outbound messages that are due — `scheduled` past their undo window, `queued` by a retry
 * or a window of 0, or under a claim whose lease ran out while the provider had them (`queued`
 * before its first receipt, `sent` or `delivered` before its last: its process died; a live one
 * renews its leases, see renewClaims) — under a fresh claim of `owner`, `scheduled` ones moving
 * to `queued`, in one transaction with their events. `FOR UPDATE SKIP LOCKED` lets several
 * server processes poll one Postgres: a row is claimed by exactly one of them, and a cancel
 * holding the row lock is skipped, then seen as cancelled. The conversations stop waiting:
 * someone answered. A new send gets a new idempotency key; a taken-over claim keeps its key, so
 * the provider recognises the message it already has and only answers its receipts.
 */
export async function claimDue(
  db: Db,
  owner: string,
  leaseSeconds: number,
  batch: number,
): Promise<OutboundMessage[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<ClaimedRow>(
      `with due as (
         select ti.id from timeline_items ti
         where ti.kind = 'message' and ti.direction = 'out'
           and ((ti.status = 'scheduled' and ti.scheduled_for <= now())
             or (ti.status = 'queued' and ti.dispatch_claimed_at is null)
             or (ti.status in ('queued', 'sent', 'delivered')
               and ti.dispatch_claimed_at < now() - make_interval(secs => $1::int)))
         order by coalesce(ti.scheduled_for, ti.created_at), ti.id
         limit $2::int
         for update skip locked),
       claimed as (
         update timeline_items ti set
           status = case when ti.status = 'scheduled' then 'queued' else ti.status end,
           dispatch_claimed_at = now(), dispatch_claimed_by = $3, dispatch_attempts = ti.dispatch_attempts + 1,
           dispatch_key = case
             when ti.status <> 'scheduled' and ti.dispatch_claimed_at is not null and ti.dispatch_key is not null
               then ti.dispatch_key
             when ti.dispatch_key is null then ti.id
             else ti.id || ':' || (ti.dispatch_attempts + 1)::text end
         from due where ti.id = due.id
         returning ti.id, ti.conversation_id, ti.text, ti.sender_id, ti.dispatch_key),
       waiting as (
         update conversations c set waiting_since = null, version = c.version + 1
         where c.id in (select conversation_id from claimed) and c.waiting_since is not null
         returning c.id)
       select cl.id, cl.dispatch_key, cl.conversation_id, c.space_id, c.channel, ct.phone as contact_phone,
         s.address as sender_address, cl.text,
         array(select a.id from attachments a where a.item_id = cl.id order by a.created_at, a.id) as attachment_ids,
         exists (select 1 from waiting w where w.id = cl.conversation_id) as waiting_cleared
       from claimed cl
       join conversations c on c.id = cl.conversation_id
       join contacts ct on ct.id = c.contact_id
       left join senders s on s.id = coalesce(cl.sender_id, c.sender_id)
       order by cl.id`,
      [leaseSeconds, batch, owner],
    );
    const events: LogEvent[] = [];
    const cleared = new Set<string>();
    for (const r of rows) {
      events.push({
        spaceId: r.space_id,
        type: 'timeline.item',
        conversationId: r.conversation_id,
        itemId: r.id,
      });
      if (r.waiting_cleared && !cleared.has(r.conversation_id)) {
        cleared.add(r.conversation_id);
        events.push({ spaceId: r.space_id, type: 'conversation.updated', conversationId: r.conversation_id });
      }
    }
    await logEvents(tx, events);
    return rows.map((r) => ({
      itemId: r.id,
      idempotencyKey: r.dispatch_key,
      conversationId: r.conversation_id,
      channel: r.channel,
      to: r.contact_phone,
      from: r.sender_address ?? '',
      text: r.text ?? '',
      attachmentIds: r.attachment_ids,
    }));
  });
}

/**
 * The heartbeat of a live dispatcher: its claims on messages still with the provider start a new
 * lease. A claim another process has taken over meanwhile is not its own any more and stays.
 */
export async function renewClaims(db: Db, owner: string, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await db.query(
    `update timeline_items set dispatch_claimed_at = now()
     where dispatch_claimed_by = $1 and dispatch_claimed_at is not null
       and id in (select jsonb_array_elements_text($2::text::jsonb))`,
    [owner, JSON.stringify(itemIds)],
  );
}

/**
 * The provider has nothing more to say about the message: the claim ends. One still `queued`
 * (no receipt came) keeps it, so it is taken over once the lease runs out.
 */
export async function finishDispatch(db: Db, owner: string, itemId: string): Promise<void> {
  await db.query(
    `update timeline_items set dispatch_claimed_at = null
     where id = $1 and dispatch_claimed_by = $2 and status not in ('scheduled', 'queued')`,
    [itemId, owner],
  );
}

const RANK = { queued: 0, sent: 1, delivered: 2, read: 3 } as const;
type Forward = keyof typeof RANK;

/**
 * A provider's receipt moves a message forward only (a late `sent` after `delivered` changes
 * nothing); `failed` only before delivery. (The sender's daily count was taken at the send.)
 */
export async function applyReceipt(db: Db, receipt: Receipt): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ status: string; conversation_id: string; space_id: string }>(
      `select ti.status, ti.conversation_id, c.space_id
       from timeline_items ti join conversations c on c.id = ti.conversation_id
       where ti.id = $1 and ti.kind = 'message' and ti.direction = 'out' for update of ti`,
      [receipt.itemId],
    );
    if (!row || !(row.status in RANK)) return false;
    const current = RANK[row.status as Forward];
    if (receipt.status === 'failed') {
      if (current > RANK.sent) return false;
      await tx.query(`update timeline_items set status = 'failed', failure_reason = $2 where id = $1`, [
        receipt.itemId,
        receipt.failureReason ?? 'The channel did not deliver the message.',
      ]);
    } else {
      if (RANK[receipt.status] <= current) return false;
      await tx.query('update timeline_items set status = $2 where id = $1', [receipt.itemId, receipt.status]);
    }
    await logEvents(tx, [
      {
        spaceId: row.space_id,
        type: 'timeline.item',
        conversationId: row.conversation_id,
        itemId: receipt.itemId,
      },
    ]);
    return true;
  });
}

/** The provider threw instead of answering: the message failed, and a retry may send it again. */
export async function failDispatch(db: Db, itemId: string): Promise<void> {
  await applyReceipt(db, {
    itemId,
    status: 'failed',
    at: new Date(),
    failureReason: "The channel provider didn't accept the message. Try again.",
  });
}
