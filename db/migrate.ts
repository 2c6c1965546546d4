import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { DatabaseHandle } from './index';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 7_242_019;

/**
 * Applies the committed migrations. On PostgreSQL it holds an advisory lock on one dedicated
 * connection, so several instances starting together migrate once and the others wait.
 */
export async function migrateDatabase(handle: DatabaseHandle, url?: string): Promise<void> {
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error('migrateDatabase needs the PostgreSQL URL');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzle({ client, casing: 'snake_case' }), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}
