import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { conflict } from './errors.js';

export type IdempotentOperation = 'sendMessage' | 'addNote' | 'createConversation';

interface KeyBody {
  fingerprint: string;
  /** What the first request made: a timeline item, or a conversation for createConversation. */
  itemId?: string;
}

/** A stable digest of what a request asks for; the same key must always ask for the same thing. */
export function fingerprint(operation: IdempotentOperation, parts: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, parts]))
    .digest('base64url');
}

const reused = () =>
  conflict(
    'idempotency-key-reused',
    'This Idempotency-Key was already used for a different message. Send a new key for a new message.',
  );

/**
 * Reserves `key` for this user inside the caller's transaction. Returns null when the key is
 * new (the caller creates the item, then calls `completeKey`), or the id of the item the first
 * request with this key created. A concurrent request with the same key waits on the unique
 * index until the first one commits, then sees its row: two identical requests make one item.
 */
export async function reserveKey(
  tx: Queryable,
  userId: string,
  key: string,
  operation: IdempotentOperation,
  print: string,
): Promise<string | null> {
  const body: KeyBody = { fingerprint: print };
  const inserted = await tx.query(
    `insert into idempotency_keys (user_id, key, operation, status, body)
     values ($1, $2, $3, 201, $4::text::jsonb) on conflict (user_id, key) do nothing returning key`,
    [userId, key, operation, JSON.stringify(body)],
  );
  if (inserted.length > 0) return null;
  const [row] = await tx.query<{ operation: string; body: unknown }>(
    'select operation, body from idempotency_keys where user_id = $1 and key = $2',
    [userId, key],
  );
  const stored = (typeof row?.body === 'string' ? JSON.parse(row.body) : row?.body) as KeyBody | undefined;
  if (!row || row.operation !== operation || stored?.fingerprint !== print || !stored.itemId) throw reused();
  return stored.itemId;
}

/** Records which item the key created (same transaction as the reservation). */
export async function completeKey(tx: Queryable, userId: string, key: string, itemId: string): Promise<void> {
  await tx.query(
    `update idempotency_keys set body = body || jsonb_build_object('itemId', $3::text)
     where user_id = $1 and key = $2`,
    [userId, key, itemId],
  );
}

/** The key is someone else's client message id in this conversation: never reuse it. */
export async function assertKeyFree(tx: Queryable, conversationId: string, key: string): Promise<void> {
  const rows = await tx.query(
    'select 1 from timeline_items where conversation_id = $1 and client_message_id = $2',
    [conversationId, key],
  );
  if (rows.length > 0) throw reused();
}
