import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { dataDir, env } from '@/lib/env';
import { lockDataDir } from './lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: DAL helpers that write accept either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

export type DatabaseHandle = {
  db: Database;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** Only for PGlite: the raw client, used to dump a migrated template in tests. */
  pglite?: PGlite;
};

// Next can evaluate this module more than once in one process; the handle lives on globalThis
// so the database is opened exactly once per process.
const holder = globalThis as unknown as { __tenureDb?: DatabaseHandle };

export const pgliteDir = () => path.join(dataDir, 'pglite');

/** Opens PostgreSQL through postgres.js. */
export function openPostgres(url: string, max = 10): DatabaseHandle {
  const client = postgres(url, { max, onnotice: () => {} });
  return {
    db: drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database,
    driver: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}

/** Wraps a PGlite instance (a folder, memory, or a loaded template). */
export function wrapPglite(client: PGlite, release?: () => void): DatabaseHandle {
  return {
    db: drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database,
    driver: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      release?.();
    },
  };
}

/** Opens the embedded database folder, holding an exclusive lock on it for this process. */
export function openEmbedded(dir = pgliteDir()): DatabaseHandle {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = lockDataDir(dir);
  return wrapPglite(new PGlite(dir), release);
}

/** PostgreSQL when DATABASE_URL is set, else the embedded folder (locked for this process). */
export function openFromEnv(poolSize = 10): DatabaseHandle {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, poolSize) : openEmbedded();
}

/** The process-wide handle: PostgreSQL when DATABASE_URL is set, else the embedded folder. */
export function getDatabase(): DatabaseHandle {
  if (!holder.__tenureDb) {
    if (process.env.NEXT_PHASE === 'phase-production-build') {
      throw new Error('The database must not be opened during `next build`.');
    }
    holder.__tenureDb = openFromEnv();
  }
  return holder.__tenureDb;
}

/** Installs a handle as the process-wide one (tests, scripts that open their own). */
export function useDatabase(handle: DatabaseHandle | undefined): void {
  holder.__tenureDb = handle;
}

/** Closes the process-wide handle, if any. */
export async function closeDatabase(): Promise<void> {
  const handle = holder.__tenureDb;
  holder.__tenureDb = undefined;
  await handle?.close();
}

/**
 * The typed Drizzle database, opened lazily on first use so that importing this module (during
 * `next build`, say) opens nothing.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = getDatabase().db;
    const value = Reflect.get(real, prop, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

/** Runs raw SQL and returns its rows; the two drivers return different shapes from execute(). */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { schema };
