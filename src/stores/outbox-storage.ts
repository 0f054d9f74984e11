import type { UserStorage } from './user-storage.js';
import { isRecord } from './user-storage.js';

/** A send as kept in storage until the server acknowledges it, so a reload re-sends it with the same key. */
export interface StoredSend {
  /** The Idempotency-Key: a replay returns the original, so re-sending never duplicates. */
  clientMessageId: string;
  conversationId: string;
  kind: 'message' | 'note';
  text: string;
  attachmentIds: string[];
  authorId: string;
  createdAt: string;
}

const NAME = 'outbox';

/**
 * Each change re-reads storage and edits only its own entry, so a send acknowledged in another tab
 * is not written back by this one.
 */
export function createOutboxStorage(storage: UserStorage) {
  const readAll = (userId: string): StoredSend[] => {
    const stored = storage.read(userId, NAME);
    return Array.isArray(stored) ? stored.filter(isStoredSend) : [];
  };
  return {
    readAll,
    add(userId: string, send: StoredSend): boolean {
      const others = readAll(userId).filter((s) => s.clientMessageId !== send.clientMessageId);
      return storage.write(userId, NAME, [...others, send]);
    },
    remove(userId: string, clientMessageId: string): void {
      const all = readAll(userId);
      const rest = all.filter((s) => s.clientMessageId !== clientMessageId);
      if (rest.length !== all.length) storage.write(userId, NAME, rest);
    },
  };
}

function isStoredSend(value: unknown): value is StoredSend {
  return (
    isRecord(value) &&
    typeof value['clientMessageId'] === 'string' &&
    typeof value['conversationId'] === 'string' &&
    (value['kind'] === 'message' || value['kind'] === 'note') &&
    typeof value['text'] === 'string' &&
    Array.isArray(value['attachmentIds']) &&
    value['attachmentIds'].every((id) => typeof id === 'string') &&
    typeof value['authorId'] === 'string' &&
    typeof value['createdAt'] === 'string'
  );
}
