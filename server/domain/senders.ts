import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';

type SenderAvailability = components['schemas']['SenderAvailability'];

/**
 * Senders' daily limits. A sender's count (`sent_today`) belongs to the day in `sent_on`; on any
 * later day it counts as 0. "Today" is the tenant's: midnight in its time zone starts a new day.
 * A message takes its slot when it is accepted (not when the provider confirms it), inside the
 * transaction that creates it and under a row lock on the sender, so concurrent sends — in one
 * process or several on one Postgres — never exceed a limit. An undo gives the slot back.
 */

/** The tenant's current date, in SQL (the tenant id as a placeholder). */
export const tenantToday = (tenant: string) =>
  `(select (now() at time zone t.time_zone)::date from tenants t where t.id = ${tenant})`;

/** A sender's messages today, in SQL, given the alias of `senders` and the today expression. */
export const usedToday = (s: string, today: string) =>
  `(case when ${s}.sent_on = ${today} then ${s}.sent_today else 0 end)`;

interface SenderRow {
  id: string;
  country: string;
  daily_limit: number;
  used: number;
  [k: string]: unknown;
}

/** The profile's senders in one country with today's counts; locked when `lock` (in order of id). */
async function sendersIn(
  db: Queryable,
  tenantId: string,
  profileId: string,
  country: string,
  lock: boolean,
): Promise<SenderRow[]> {
  const rows = await db.query<SenderRow>(
    `select s.id, s.country, s.daily_limit, ${usedToday('s', tenantToday('$1'))} as used
     from senders s where s.sender_profile_id = $2 and s.country = $3
     order by s.id ${lock ? 'for update' : ''}`,
    [tenantId, profileId, country],
  );
  return rows.map((r) => ({ ...r, daily_limit: Number(r.daily_limit), used: Number(r.used) }));
}

export interface Selection {
  /** The number's country. */
  country: string | null;
  /** Where the senders that apply are; null when the profile has none for this number. */
  senderCountry: string | null;
  fallback: boolean;
  senders: SenderRow[];
}

/**
 * The senders that would send to a number of `country`: the profile's senders in that country;
 * when it has none there at all, those in its default country (the fallback). Senders that exist
 * but are used up do not trigger the fallback: a limit is a limit.
 */
async function select(
  db: Queryable,
  tenantId: string,
  profile: { id: string; defaultCountry: string | null },
  country: string | null,
  lock: boolean,
): Promise<Selection> {
  const own = country ? await sendersIn(db, tenantId, profile.id, country, lock) : [];
  if (own.length > 0) return { country, senderCountry: country, fallback: false, senders: own };
  const home = profile.defaultCountry;
  if (!home || home === country) return { country, senderCountry: null, fallback: false, senders: [] };
  const fallback = await sendersIn(db, tenantId, profile.id, home, lock);
  return fallback.length > 0
    ? { country, senderCountry: home, fallback: true, senders: fallback }
    : { country, senderCountry: null, fallback: false, senders: [] };
}

/** The least used sender with messages left (ties: by id), or null. */
const leastUsed = (senders: readonly SenderRow[]) =>
  senders
    .filter((s) => s.used < s.daily_limit)
    .sort((a, b) => a.used - b.used || (a.id < b.id ? -1 : 1))[0] ?? null;

async function take(tx: Queryable, tenantId: string, senderId: string): Promise<void> {
  await tx.query(
    `update senders s set sent_today = ${usedToday('s', tenantToday('$1'))} + 1, sent_on = ${tenantToday('$1')}
     where s.id = $2`,
    [tenantId, senderId],
  );
}

export type Reservation = Selection & { senderId: string | null };

/**
 * Sender selection for a new conversation: locks the candidate senders, takes one message from
 * the least used one with messages left. `senderId` null: none is left (or none exists).
 */
export async function reserveForNumber(
  tx: Queryable,
  tenantId: string,
  profile: { id: string; defaultCountry: string | null },
  country: string | null,
): Promise<Reservation> {
  const selection = await select(tx, tenantId, profile, country, true);
  const chosen = leastUsed(selection.senders);
  if (chosen) await take(tx, tenantId, chosen.id);
  return { ...selection, senderId: chosen?.id ?? null };
}

/** One more message from this sender (a send into its conversation); false when none is left. */
export async function reserveSender(tx: Queryable, tenantId: string, senderId: string): Promise<boolean> {
  const [row] = await tx.query<SenderRow>(
    `select s.id, s.country, s.daily_limit, ${usedToday('s', tenantToday('$1'))} as used
     from senders s where s.id = $2 for update`,
    [tenantId, senderId],
  );
  if (!row || Number(row.used) >= Number(row.daily_limit)) return false;
  await take(tx, tenantId, senderId);
  return true;
}

/** An undone message gives its slot back (only to today's count: yesterday's is over). */
export async function releaseSender(tx: Queryable, tenantId: string, senderId: string): Promise<void> {
  await tx.query(
    `update senders s set sent_today = greatest(s.sent_today - 1, 0)
     where s.id = $2 and s.sent_on = ${tenantToday('$1')}`,
    [tenantId, senderId],
  );
}

/** The daily limit of one sender, for a sentence ("its limit is 500 a day"). */
export async function dailyLimitOf(db: Queryable, senderId: string): Promise<number> {
  const [row] = await db.query<{ daily_limit: number }>('select daily_limit from senders where id = $1', [
    senderId,
  ]);
  return Number(row?.daily_limit ?? 0);
}

/** What selection would do now, without reserving and without naming a sender. */
export async function availability(
  db: Queryable,
  tenantId: string,
  profile: { id: string; defaultCountry: string | null },
  country: string | null,
): Promise<SenderAvailability> {
  const s = await select(db, tenantId, profile, country, false);
  const remainingToday = s.senders.reduce((n, x) => n + Math.max(0, x.daily_limit - x.used), 0);
  return {
    available: remainingToday > 0,
    country: s.country,
    senderCountry: s.senderCountry,
    fallback: s.fallback,
    remainingToday,
    dailyLimit: s.senders.reduce((n, x) => n + x.daily_limit, 0),
  };
}
