import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable, Row } from './db.js';

/**
 * PGlite is a single connection. Its query(), exec() and transaction() already run under one
 * exclusive lock, so a transaction is never interleaved with statements from other requests;
 * the only rule for callers is to use the `tx` handed to the callback inside a transaction.
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? await PGlite.create(dataDir, { extensions: { pg_trgm } }) : await inMemory();

  const wrap = (q: PGlite | Transaction): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);

  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, cb) {
      const unsubscribe = await pg.listen(channel, cb);
      return async () => {
        if (!pg.closed) await unsubscribe();
      };
    },
    async notify(channel, payload) {
      await pg.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}

/**
 * A new database in memory is the same cluster every time: PGlite makes it (initdb, about 1.5 s)
 * once per process, keeps its files (40 MB, in memory) and starts later ones from them (about
 * 0.4 s). Only the empty cluster is kept: each database still migrates and seeds itself.
 */
let emptyCluster: Promise<Blob> | undefined;
async function inMemory(): Promise<PGlite> {
  const image = await emptyCluster?.catch(() => undefined);
  if (image) return PGlite.create({ extensions: { pg_trgm }, loadDataDir: image });
  const pg = await PGlite.create({ extensions: { pg_trgm } });
  emptyCluster ??= pg.dumpDataDir('none');
  await emptyCluster.catch(() => undefined);
  return pg;
}
