/**
 * One small database interface over PGlite (embedded, one connection) and postgres.js (a real
 * server through DATABASE_URL). Everything above this file speaks plain SQL with $1 parameters,
 * so the same queries and migrations run on both.
 */
export type Row = Record<string, unknown>;

/**
 * Parameter rule for both drivers: pass JSON as a string and cast it with `$n::text::jsonb`
 * and timestamps the same way (`$n::text::timestamptz`): postgres.js serializes by the type the
 * server infers, so it would JSON-encode such a string again or parse it as a JS Date.
 */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; inside it, use only the given tx (never the outer db). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves to an unsubscribe function. */
  listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgres://… selects a real Postgres; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined or null keeps the database in memory. */
  dataDir?: string | null | undefined;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir ?? null);
}
