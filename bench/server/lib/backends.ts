import {
  findPostgresBin,
  startPostgres,
  type PostgresCluster,
} from '../../../server/test/postgres-harness.js';

/** Where a scenario's servers keep their data: in-memory PGlite, or a database on a local Postgres. */
export interface BenchBackend {
  name: 'pglite' | 'postgres';
  /** Options for a fresh database (pass the same object to several processes to share it). */
  newStore(): Promise<{ databaseUrl?: string; dataDir?: string | null }>;
  stop(): Promise<void>;
}

export const pglite: BenchBackend = {
  name: 'pglite',
  newStore: async () => ({ dataDir: null }),
  stop: async () => {},
};

/** A throwaway local Postgres cluster (the test harness's), or null when none is installed. */
export async function postgresBackend(): Promise<BenchBackend | null> {
  const bin = findPostgresBin();
  if (!bin && !process.env.TEST_DATABASE_URL) return null;
  const cluster: PostgresCluster = await startPostgres(bin);
  return {
    name: 'postgres',
    newStore: () => cluster.backend.newStore(),
    stop: () => cluster.stop(),
  };
}
