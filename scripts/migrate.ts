// `npm run db:migrate`: applies the committed migrations to the configured database. The server
// also migrates at start; this is for deploy pipelines that migrate before starting instances.
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';
import { openOrExit } from './open-or-exit';

async function main() {
  const handle = openOrExit();
  try {
    await migrateDatabase(handle, env.DATABASE_URL);
    console.info(`Migrations applied (${handle.driver === 'pglite' ? 'embedded database' : 'PostgreSQL'}).`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(`Migration failed: ${(err as Error).message}`);
  process.exit(1);
});
