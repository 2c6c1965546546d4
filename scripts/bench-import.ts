// Times the CSV import on 10,000 accounts and 30,000 stakeholders (scripts/gen-import-csv.ts files):
//   NODE_OPTIONS=--conditions=react-server npx tsx scripts/bench-import.ts [--dir DIR] [--runs 3]
// (the condition lets the DAL's `import 'server-only'` load outside Next). In-memory PGlite by
// default; BENCH_DATABASE_URL=postgres://… times a PostgreSQL server instead. Each run uses a fresh
// org, so every run creates the same rows; prints each step's median.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { openPostgres, useDatabase, wrapPglite, type DatabaseHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { memberships, organizations, users } from '@/db/schema';
import { tenantCtxFor } from '@/lib/auth/testing';
import { commitImport, previewImport } from '@/lib/dal/import';

async function open(): Promise<DatabaseHandle> {
  const url = process.env.BENCH_DATABASE_URL;
  const handle = url ? openPostgres(url, 2) : wrapPglite(new PGlite());
  await migrateDatabase(handle, url);
  return handle;
}

async function freshOrg(handle: DatabaseHandle) {
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const [org] = await handle.db.insert(organizations).values({ name: slug, slug }).returning();
  const [user] = await handle.db.insert(users).values({ name: 'Bench CSM', email: `${slug}@bench.example`, passwordHash: 'x' }).returning();
  await handle.db.insert(memberships).values({ orgId: org.id, userId: user.id, role: 'csm' });
  return tenantCtxFor(user.id, slug);
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, runs: { type: 'string' } } });
  const dir = values.dir ?? path.join(os.tmpdir(), 'tenure-import-bench');
  const runs = Number(values.runs ?? 3);
  const accounts = fs.readFileSync(path.join(dir, 'accounts.csv'), 'utf8');
  const people = fs.readFileSync(path.join(dir, 'stakeholders.csv'), 'utf8');
  // the same file with every seat count changed: 10,000 updates
  const changed = accounts.replace(/,(\d+),(\d{4}-\d{2}-\d{2}),/g, (_m, seats, start) => `,${Number(seats) + 1},${start},`);
  const handle = await open();
  useDatabase(handle);
  const steps: Record<string, number[]> = {};
  const record = (name: string, ms: number) => (steps[name] ??= []).push(ms);
  for (let i = 0; i < runs; i++) {
    const ctx = await freshOrg(handle);
    const check = (r: { ok: boolean }) => { if (!r.ok) throw new Error(`import refused: ${JSON.stringify(r).slice(0, 500)}`); };
    const [p1, pa] = await time(() => previewImport(ctx, 'accounts', accounts));
    if (!pa.ready) throw new Error(`accounts preview not ready: ${JSON.stringify(pa.errors.slice(0, 3))}`);
    record('preview 10,000 accounts (all new)', p1);
    const [c1, ra] = await time(() => commitImport(ctx, 'accounts', accounts));
    check(ra);
    record('commit 10,000 accounts (create)', c1);
    const [c2, rb] = await time(() => commitImport(ctx, 'accounts', changed));
    check(rb);
    record('commit 10,000 accounts (update seats)', c2);
    const [p2] = await time(() => previewImport(ctx, 'stakeholders', people));
    record('preview 30,000 stakeholders', p2);
    const [c3, rc] = await time(() => commitImport(ctx, 'stakeholders', people));
    check(rc);
    record('commit 30,000 stakeholders (create)', c3);
    const [c4, rd] = await time(() => commitImport(ctx, 'stakeholders', people));
    check(rd);
    record('commit 30,000 stakeholders (unchanged)', c4);
    console.log(`run ${i + 1}: ${Object.entries(steps).map(([k, v]) => `${k} ${(v[i] / 1000).toFixed(2)} s`).join('; ')}`);
  }
  console.log(`\n${handle.driver}, median of ${runs}:`);
  for (const [name, ms] of Object.entries(steps)) console.log(`  ${name.padEnd(42)} ${(median(ms) / 1000).toFixed(2)} s`);
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
