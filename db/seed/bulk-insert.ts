import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db';

// ~1,000 rows per statement: big enough that 10,000 accounts (~185,000 rows) take a few hundred
// statements, small enough that one statement's JSON stays a few hundred kilobytes.
const CHUNK_ROWS = 1_000;

/**
 * Inserts rows in chunks, each chunk as ONE JSON parameter unpacked by json_to_recordset.
 * Measured on PGlite with 10,000 accounts: Drizzle's `insert().values()` spent half its time
 * building SQL with ~16,000 bind parameters per chunk; a single JSON parameter is several times
 * faster on both drivers. Rows must share their keys (the first row's keys pick the columns);
 * columns not given keep their database defaults.
 */
export async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]).filter((k) => k in columns);
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // the JSON keeps the camelCase keys; the record definition maps each to its type and column
  const target = keys.map((k) => quote(columns[k].keyAsName ? toSnakeCase(k) : columns[k].name)).join(', ');
  const record = keys.map((k) => `${quote(k)} ${columns[k].getSQLType()}`).join(', ');
  const select = keys.map(quote).join(', ');
  const head = `insert into ${quote(getTableName(table))} (${target}) select ${select} from json_to_recordset(`;
  const tail = `::json) as r(${record})`;

  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK_ROWS));
    await tx.execute(sql`${sql.raw(head)}${json}${sql.raw(tail)}`);
  }
}
