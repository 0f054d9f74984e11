import type { UseStore } from 'idb-keyval';
import type * as Database from './outbox-database.js';
import type { UserStorage } from './user-storage.js';
import { isRecord } from './user-storage.js';

/**
 * A send as kept until the server acknowledges it, so a reload re-sends it with the same key. Only
 * what the request needs: never the token.
 */
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

/** Where unacknowledged sends wait, per user. Every method settles; none rejects. */
export interface OutboxStorage {
  /** The user's saved sends, oldest first. */
  readAll(userId: string): Promise<StoredSend[]>;
  /** False when the send could only be kept in memory (a reload would lose it). */
  add(send: StoredSend): Promise<boolean>;
  remove(userId: string, clientMessageId: string): Promise<void>;
}

/** Only what a request needs, so nothing else (a token, a whole object) is ever written. */
const record = (send: StoredSend): StoredSend => ({
  clientMessageId: send.clientMessageId,
  conversationId: send.conversationId,
  kind: send.kind,
  text: send.text,
  attachmentIds: [...send.attachmentIds],
  authorId: send.authorId,
  createdAt: send.createdAt,
});

const oldestFirst = (sends: StoredSend[]): StoredSend[] =>
  sends.sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** Kept in this page only: what a private window without IndexedDB gets. */
export function createMemoryOutboxStorage(): OutboxStorage {
  const byUser = new Map<string, Map<string, StoredSend>>();
  const mine = (userId: string): Map<string, StoredSend> => {
    let sends = byUser.get(userId);
    if (!sends) byUser.set(userId, (sends = new Map()));
    return sends;
  };
  return {
    readAll: (userId) => Promise.resolve(oldestFirst([...mine(userId).values()].map(record))),
    add(send) {
      mine(send.authorId).set(send.clientMessageId, record(send));
      return Promise.resolve(false);
    },
    remove(userId, clientMessageId) {
      mine(userId).delete(clientMessageId);
      return Promise.resolve();
    },
  };
}

/**
 * One IndexedDB database per user (`<prefix>:<userId>:outbox`), one record per send keyed by its
 * id, so tabs never overwrite each other's sends. When IndexedDB is missing or refuses (some
 * private modes), sends fall back to memory for the rest of the page's life rather than fail.
 */
export function createIndexedDbOutboxStorage(prefix = 'inbox-elements'): OutboxStorage {
  const stores = new Map<string, UseStore>();
  const memory = createMemoryOutboxStorage();
  let broken = false;
  // Loaded with the first send or resume, not with the first paint.
  const database = (): Promise<typeof Database> => (loading ??= import('./outbox-database.js'));
  let loading: Promise<typeof Database> | undefined;
  const storeOf = async (userId: string): Promise<UseStore> => {
    let store = stores.get(userId);
    if (!store) {
      const { yieldingStore } = await database();
      stores.set(userId, (store = yieldingStore(`${prefix}:${userId}:outbox`, 'sends')));
    }
    return store;
  };
  /** Runs against IndexedDB, or answers `fallback()` from memory once it has failed. */
  async function attempt<T>(run: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (broken) return fallback();
    try {
      return await run();
    } catch {
      broken = true;
      return fallback();
    }
  }
  return {
    readAll: (userId) =>
      attempt(
        async () => {
          const { values } = await database();
          const saved = ((await values(await storeOf(userId))) as unknown[]).filter(isStoredSend);
          // What was queued in memory before IndexedDB failed is not in the database.
          return oldestFirst(saved.filter((send) => send.authorId === userId));
        },
        () => memory.readAll(userId),
      ),
    add: (send) =>
      attempt(
        async () => {
          const { set } = await database();
          await set(send.clientMessageId, record(send), await storeOf(send.authorId));
          return true;
        },
        () => memory.add(send),
      ),
    remove(userId, clientMessageId) {
      void memory.remove(userId, clientMessageId);
      return attempt(
        async () => (await database()).del(clientMessageId, await storeOf(userId)),
        () => Promise.resolve(),
      );
    },
  };
}

const LEGACY_NAME = 'outbox';

/**
 * Moves what an earlier version kept in localStorage into `storage`, once: the old key is emptied
 * only after every send is safely in a storage that outlives the page.
 */
export async function migrateLegacyOutbox(
  legacy: UserStorage,
  storage: OutboxStorage,
  userId: string,
): Promise<void> {
  const old = legacy.read(userId, LEGACY_NAME);
  if (!Array.isArray(old) || old.length === 0) return;
  const sends = old.filter(isStoredSend).filter((send) => send.authorId === userId);
  const kept = await Promise.all(sends.map((send) => storage.add(send)));
  if (kept.every(Boolean)) legacy.write(userId, LEGACY_NAME, []);
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
