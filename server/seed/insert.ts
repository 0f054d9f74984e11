import type { Queryable } from '../db/db.js';

/** Inserts rows in one statement; jsonb_to_recordset works identically on PGlite and postgres.js. */
export async function insert(
  tx: Queryable,
  table: string,
  columns: string,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .join(', ');
  await tx.query(
    `insert into ${table} (${names}) select ${names} from jsonb_to_recordset($1::text::jsonb) as x(${columns})`,
    [JSON.stringify(rows)],
  );
}
