import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { seedIfEmpty } from '../../../server/seed/seed.js';
import type { BenchBackend } from './backends.js';

export interface PreparedStore {
  store: { databaseUrl?: string; dataDir?: string | null };
  /** Removes a PGlite directory (a Postgres database goes with its cluster). */
  dispose(): Promise<void>;
}

/**
 * A migrated, seeded database that `prepare` changes before any server starts on it. PGlite
 * gets a directory rather than memory: the server process must find the data there.
 */
export async function preparedStore(
  backend: BenchBackend,
  prepare: (db: Db) => Promise<void>,
): Promise<PreparedStore> {
  const dir = backend.name === 'pglite' ? await mkdtemp(join(tmpdir(), 'inbox-bench-')) : null;
  const store = dir ? { dataDir: dir } : await backend.newStore();
  const db = await openDb({ databaseUrl: store.databaseUrl, dataDir: store.dataDir ?? null });
  try {
    await migrate(db);
    await seedIfEmpty(db);
    await prepare(db);
  } finally {
    await db.close();
  }
  return { store, dispose: async () => void (dir && (await rm(dir, { recursive: true, force: true }))) };
}
