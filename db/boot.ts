import { sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { getDatabase } from './index';
import { migrateDatabase } from './migrate';
import { seedDemo } from './seed/demo';

/**
 * Runs once when the server starts (never during `next build`): opens the database, applies
 * migrations, and on the embedded default seeds the demo org the first time and refreshes the
 * planner's statistics (PGlite has no autovacuum; without them the health and playbook statements
 * ran 3–10× slower on the demo org).
 */
export async function bootDatabase(): Promise<void> {
  const handle = getDatabase();
  await migrateDatabase(handle, env.DATABASE_URL);
  const seed = env.SEED_DEMO === 'always' || (env.SEED_DEMO === 'auto' && handle.driver === 'pglite');
  if (seed) {
    const result = await seedDemo(handle.db, {});
    if (result.created) console.info('[tenure] seeded the demo org "Acme Analytics" (/demo)');
  }
  if (handle.driver === 'pglite') await handle.db.execute(sql`analyze`);
}

/** bootDatabase, or stop the server with the reason (a locked folder, an unreachable database). */
export async function bootOrExit(): Promise<void> {
  try {
    await bootDatabase();
  } catch (err) {
    console.error(`[tenure] could not start: ${(err as Error).message}`);
    process.exit(1);
  }
}
