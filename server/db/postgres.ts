import postgres from 'postgres';
import type { Db, Queryable, Row } from './db.js';

/** A real Postgres through postgres.js; a small pool plus one dedicated LISTEN connection. */
export async function openPostgres(url: string): Promise<Db> {
  const sql = postgres(url, {
    max: 8,
    onnotice: () => {},
    // JIT compiles a plan once its estimated cost is high, which a search's often is: it cost a
    // 220 ms search 35 ms of compiling. Our queries are short and many; none gains from it.
    connection: { jit: 'off' },
    // int8 (counts, bigserial ids) as strings is postgres.js' default; SQL casts where numbers matter.
  });

  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
    async exec(text: string) {
      await q.unsafe(text);
    },
  });
  const base = wrap(sql);
  await sql`select 1`;

  return {
    kind: 'postgres',
    ...base,
    transaction: async (fn) => (await sql.begin((tx) => fn(wrap(tx)))) as Awaited<ReturnType<typeof fn>>,
    async listen(channel, cb) {
      const sub = await sql.listen(channel, (payload) => cb(payload));
      return () => sub.unlisten();
    },
    async notify(channel, payload) {
      await sql`select pg_notify(${channel}, ${payload})`;
    },
    async close() {
      await sql.end({ timeout: 2 });
    },
  };
}
