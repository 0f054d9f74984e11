// The IndexedDB side of the outbox, loaded with the first send or resume rather than the first paint.
import type { UseStore } from 'idb-keyval';

export { del, set, values } from 'idb-keyval';

/**
 * idb-keyval's store, except that its connection closes when another page asks to delete or
 * upgrade the database (a host clearing site data at sign-out, a newer version in another tab):
 * an open connection would otherwise block that page, and every later open behind it, until this
 * page closes. The next read or write opens the database again.
 */
export function yieldingStore(name: string, storeName: string): UseStore {
  let opening: Promise<IDBDatabase> | undefined;
  const connect = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not open ${name}`));
    });
  const open = () =>
    (opening ??= connect().then(
      (db) => {
        db.onversionchange = db.onclose = () => {
          db.close();
          opening = undefined;
        };
        return db;
      },
      (error: unknown) => {
        opening = undefined;
        throw error;
      },
    ));
  return async (mode, callback) =>
    callback((await open()).transaction(storeName, mode).objectStore(storeName));
}
