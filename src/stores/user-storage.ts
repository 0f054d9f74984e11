import type { PreferenceStorage } from './context.js';

/** JSON values kept per user under `inbox-elements:<userId>:<name>`. */
export interface UserStorage {
  read(userId: string, name: string): unknown;
  /** False when the value could only be kept in memory (storage blocked or full). */
  write(userId: string, name: string, value: unknown): boolean;
}

/**
 * `storage` undefined means localStorage; null keeps everything in memory only. Storage is guarded
 * like the preferences: blocked (sandboxed iframe), full, or throwing (Safari private mode) it must
 * never break the inbox.
 */
export function createUserStorage(storage?: PreferenceStorage | null): UserStorage {
  const target = (): PreferenceStorage | null => {
    if (storage !== undefined) return storage;
    try {
      return globalThis.localStorage;
    } catch {
      return null;
    }
  };
  const key = (userId: string, name: string): string => `inbox-elements:${userId}:${name}`;
  return {
    read(userId, name) {
      try {
        const raw = target()?.getItem(key(userId, name));
        return raw ? (JSON.parse(raw) as unknown) : undefined;
      } catch {
        return undefined; // Unreadable or corrupt: start from nothing rather than fail.
      }
    },
    write(userId, name, value) {
      try {
        const store = target();
        store?.setItem(key(userId, name), JSON.stringify(value));
        return store !== null;
      } catch {
        return false;
      }
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
