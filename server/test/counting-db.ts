import type { Db, Queryable } from '../db/db.js';

/**
 * A Db whose every statement (transactions' included) is first shown to `onStatement`, which may
 * hold it back by returning a promise; everything else goes straight to `db`.
 */
export function observedDb(db: Db, onStatement: (sql: string) => void | Promise<void>): Db {
  const wrap = (q: Queryable): Queryable => ({
    query: async (sql, params) => {
      await onStatement(sql);
      return q.query(sql, params);
    },
    exec: async (sql) => {
      await onStatement(sql);
      return q.exec(sql);
    },
  });
  return {
    ...db,
    ...wrap(db),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    listen: (channel, cb) => db.listen(channel, cb),
    notify: (channel, payload) => db.notify(channel, payload),
    close: () => db.close(),
  };
}

/** A Db that counts the statements sent through it (transactions' included). */
export function countingDb(db: Db): { db: Db; readonly queries: number; reset(): void } {
  let queries = 0;
  return {
    db: observedDb(db, () => void queries++),
    get queries() {
      return queries;
    },
    reset: () => void (queries = 0),
  };
}
