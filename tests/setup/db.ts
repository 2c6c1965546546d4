import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, openPostgres, useDatabase, wrapPglite } from '@/db/index';

// One handle per test file, installed process-wide so the DAL's lazy `db` finds it. Files do not
// share seed data: every test creates its own org, so they may run in parallel on PostgreSQL.
beforeAll(async () => {
  if (process.env.TEST_DB === 'postgres') {
    useDatabase(openPostgres(process.env.TEST_DATABASE_URL!, 4));
    return;
  }
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  useDatabase(wrapPglite(await PGlite.create({ loadDataDir: template })));
});

afterAll(async () => {
  await closeDatabase();
});
