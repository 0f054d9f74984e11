import type { Queryable } from '../db/db.js';
import type { LockedConversation } from './conversation-lock.js';
import { conflict, type DomainError } from './errors.js';
import { countryName } from './phone.js';
import { dailyLimitOf, reserveForNumber, reserveSender, type Reservation } from './senders.js';
import type { Viewer } from './users.js';

/** 409 when selection found nothing, naming the country and never a sender. */
export function noSenderAvailable(profileName: string, r: Reservation): DomainError {
  const where = countryName(r.country);
  return conflict(
    'no-sender-available',
    r.senderCountry
      ? `No sender of “${profileName}” has messages left today for ${where}. Try again tomorrow or pick another sender profile.`
      : `“${profileName}” has no sender for ${where}. Pick another sender profile.`,
  );
}

/**
 * One message of the day from the conversation's sender (it keeps its sender, so the contact
 * always hears from the same number); 409 sender-limit-reached when it has none left. A
 * conversation without a sender yet gets one by selection, as a new conversation would.
 */
export async function takeSenderSlot(tx: Queryable, v: Viewer, conv: LockedConversation): Promise<string> {
  if (conv.sender_id) {
    if (await reserveSender(tx, v.tenantId, conv.sender_id)) return conv.sender_id;
    const limit = await dailyLimitOf(tx, conv.sender_id);
    throw conflict(
      'sender-limit-reached',
      `This conversation's sender has no messages left today (its limit is ${limit.toLocaleString('en')} a day). Try again tomorrow, or start a new conversation from another sender profile.`,
    );
  }
  const [row] = await tx.query<{ country: string | null; name: string; default_country: string | null }>(
    `select ct.country, p.name, p.default_country from contacts ct, sender_profiles p
     where ct.id = $1 and p.id = $2`,
    [conv.contact_id, conv.sender_profile_id],
  );
  const r = await reserveForNumber(
    tx,
    v.tenantId,
    { id: conv.sender_profile_id, defaultCountry: row?.default_country ?? null },
    row?.country ?? null,
  );
  if (!r.senderId) throw noSenderAvailable(row?.name ?? 'This sender profile', r);
  await tx.query('update conversations set sender_id = $2 where id = $1', [conv.id, r.senderId]);
  return r.senderId;
}

export interface OutboundDraft {
  conversationId: string;
  seq: number;
  text: string;
  /** The Idempotency-Key, kept as the message's client id. */
  key: string;
  senderId: string;
}

/**
 * Appends an outbound message held as `scheduled` for the tenant's undo window (0: `queued` at
 * once, nothing to undo); the dispatcher sends it from there.
 */
export async function insertOutbound(
  tx: Queryable,
  v: Viewer,
  m: OutboundDraft,
): Promise<{ id: string; dueAt: Date }> {
  const [row] = await tx.query<{ id: string; due: Date | string }>(
    `with tenant as (select undo_window_seconds as undo from tenants where id = $7)
     insert into timeline_items (conversation_id, seq, kind, text, author_id, direction, status, client_message_id,
       sender_id, scheduled_for)
     select $1, $2::int, 'message', $3, $4, 'out', case when tenant.undo > 0 then 'scheduled' else 'queued' end, $5,
       $6, case when tenant.undo > 0 then now() + make_interval(secs => tenant.undo) end
     from tenant
     returning id, coalesce(scheduled_for, now()) as due`,
    [m.conversationId, m.seq, m.text, v.id, m.key, m.senderId, v.tenantId],
  );
  return { id: row!.id, dueAt: new Date(row!.due) };
}
