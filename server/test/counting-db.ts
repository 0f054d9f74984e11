import type { Db, Queryable } from '../db/db.js';

/** A Db that counts the statements sent through it (transactions' included). */
export function countingDb(db: Db): { db: Db; readonly queries: number; reset(): void } {
  let queries = 0;
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      queries++;
      return q.query(sql, params);
    },
    exec: (sql) => {
      queries++;
      return q.exec(sql);
    },
  });
  const counted: Db = {
    ...db,
    ...wrap(db),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    listen: (channel, cb) => db.listen(channel, cb),
    notify: (channel, payload) => db.notify(channel, payload),
    close: () => db.close(),
  };
  return {
    db: counted,
    get queries() {
      return queries;
    },
    reset: () => void (queries = 0),
  };
}
