import type { Queryable } from '../db/db.js';
import type { OutboundMessage } from './provider.js';

/** What the simulator's provider side remembers of one send. */
export interface LedgerEntry {
  /** True for the first hand-over under this key: only that one sends anything. */
  fresh: boolean;
  sentAt: Date;
}

/**
 * The simulator's provider-side records, by idempotency key. A real provider keeps these on its
 * side; the simulator keeps them in memory (one process) or in the database (every server
 * process on one Postgres sees the same sends, as they would all call the same provider).
 */
export interface SendLedger {
  record(message: OutboundMessage): Promise<LedgerEntry>;
}

export function memoryLedger(): SendLedger {
  const sent = new Map<string, Date>();
  return {
    async record(message) {
      const at = sent.get(message.idempotencyKey);
      if (at) return { fresh: false, sentAt: at };
      const now = new Date();
      sent.set(message.idempotencyKey, now);
      return { fresh: true, sentAt: now };
    },
  };
}

/** simulator_sends: one row per key; concurrent hand-overs of one key meet on its primary key. */
export function databaseLedger(db: Queryable): SendLedger {
  return {
    async record(message) {
      const [row] = await db.query<{ dispatches: number; sent_at: Date }>(
        `insert into simulator_sends (idempotency_key, item_id, channel, recipient, body)
         values ($1, $2, $3, $4, $5)
         on conflict (idempotency_key) do update set dispatches = simulator_sends.dispatches + 1
         returning dispatches, sent_at`,
        [message.idempotencyKey, message.itemId, message.channel, message.to, message.text],
      );
      return { fresh: Number(row!.dispatches) === 1, sentAt: new Date(row!.sent_at) };
    },
  };
}

/** How often the provider really sent this message (0 or 1 if every attempt reused its key). */
export async function ledgerSends(
  db: Queryable,
  itemId: string,
): Promise<{ sends: number; dispatches: number }> {
  const [row] = await db.query<{ sends: number; dispatches: number }>(
    `select count(*)::int as sends, coalesce(sum(dispatches), 0)::int as dispatches
     from simulator_sends where item_id = $1`,
    [itemId],
  );
  return { sends: Number(row?.sends ?? 0), dispatches: Number(row?.dispatches ?? 0) };
}
