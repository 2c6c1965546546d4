// `npx tsx scripts/bench-health.ts [--accounts N] [--force | --reuse]`: seeds the demo data set (10,000 accounts by
// default) into a fresh database (DATABASE_URL → that PostgreSQL, refused when it has orgs unless --force, or
// measured as it is with --reuse when an earlier run seeded it; else PGlite in a temp folder) and prints the median
// of 5 runs (after a warm-up) of the health recompute for every account, for one account, the preview (band changes
// + 12-month backtest), the sweep's check, and the demo seed's history backfill.
// The seed makes usage for 90 days (≈ 5 M per-user rows at 10,000 accounts), tickets, stakeholders and surveys; its
// playbook run is skipped unless --playbooks.
import './stub-server-only';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { openPostgres, queryRows, useDatabase, wrapPglite, type Database, type DatabaseHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedHealth } from '@/db/seed/health';
import { users } from '@/db/schema';
import { tenantCtxFor } from '@/lib/auth/testing';
import { env } from '@/lib/env';
import { loadActiveConfig } from '@/lib/health/config';
import { scoreInputs } from '@/lib/health/health-factors';
import { gatherInputs } from '@/lib/health/inputs';
import { currentPairs } from '@/lib/health/inputs-sql';
import { recomputeHealth, writeScores } from '@/lib/health/recompute';
import { orgsMissingToday } from '@/lib/jobs/health-sweep';
import { defaultHealthBands, defaultHealthWeights } from '@/lib/kpi/health';
import { printMedians } from './bench-timing';

const localRequire = Module.createRequire(__filename);

// The demo seed's playbook run over the seeded history is not part of this benchmark and takes minutes at 10,000
// accounts: replace it with a no-op unless --playbooks (db/seed/demo.ts is loaded after this, dynamically).
function skipPlaybooks() {
  const file = path.join(__dirname, '..', 'db', 'seed', 'playbooks.ts');
  if (!fs.existsSync(file)) return;
  const noop = new Module(file);
  noop.exports = { seedPlaybooks: async () => ({ playbooks: 0, alerts: 0 }) };
  noop.loaded = true;
  localRequire.cache[file] = noop;
}


async function open(force: boolean, reuse: boolean): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void>; seeded: boolean }> {
  if (env.DATABASE_URL) {
    const handle = openPostgres(env.DATABASE_URL, 10);
    const [t] = await queryRows<{ found: boolean }>(handle.db, sql`select to_regclass('public.organizations') is not null as found`);
    const orgs = t.found ? (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from organizations`))[0].n : 0;
    if (orgs > 0 && reuse) {
      await migrateDatabase(handle, env.DATABASE_URL);
      return { handle, cleanup: () => handle.close(), seeded: true };
    }
    if (orgs > 0 && !force) {
      await handle.close();
      console.error(`Refusing to benchmark: this database already has ${orgs} organization(s). Use an empty one, --reuse (measure it as it is) or --force.`);
      process.exit(1);
    }
    await migrateDatabase(handle, env.DATABASE_URL);
    return { handle, cleanup: () => handle.close(), seeded: false };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenure-bench-health-'));
  const handle = wrapPglite(new PGlite(dir));
  await migrateDatabase(handle);
  return { handle, seeded: false, cleanup: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}


class Rollback extends Error {}
/** Runs fn in a transaction that is rolled back: writes are timed but leave nothing behind. */
const rolledBack = (db: Database, fn: (tx: Database) => Promise<unknown>) =>
  db.transaction(async (tx) => { await fn(tx as unknown as Database); throw new Rollback(); }).catch((e) => { if (!(e instanceof Rollback)) throw e; });

async function main() {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, force: { type: 'boolean' }, reuse: { type: 'boolean' }, playbooks: { type: 'boolean' } } });
  if (!values.playbooks) skipPlaybooks();
  const { seedDemo } = await import('@/db/seed/demo');
  const accounts = Number(values.accounts ?? 10_000);
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error('--accounts must be a whole number ≥ 1');
  const { handle, cleanup, seeded } = await open(values.force === true, values.reuse === true);
  useDatabase(handle);
  const db = handle.db;
  try {
    const t0 = performance.now();
    if (!seeded) await seedDemo(db, { accounts });
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.test'));
    const ctx = await tenantCtxFor(owner.id, 'demo');
    if (handle.driver === 'postgres') await db.execute(sql`vacuum analyze`);
    const counts = await queryRows<Record<string, number>>(db, sql`select
      (select count(*) from accounts where org_id = ${ctx.orgId})::int as accounts,
      (select count(*) from usage_daily where org_id = ${ctx.orgId})::int as usage_daily,
      (select count(*) from usage_user_months where org_id = ${ctx.orgId})::int as usage_user_months,
      (select count(*) from tickets where org_id = ${ctx.orgId})::int as tickets,
      (select count(*) from stakeholders where org_id = ${ctx.orgId})::int as stakeholders,
      (select count(*) from survey_responses where org_id = ${ctx.orgId})::int as survey_responses,
      (select count(*) from health_scores where org_id = ${ctx.orgId})::int as health_scores`);
    console.info(`Data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${handle.driver}:`);
    for (const [k, v] of Object.entries(counts[0])) console.info(`  ${k.padEnd(18)} ${Number(v).toLocaleString('en-US').padStart(10)}`);

    const [one] = await queryRows<{ id: string }>(db, sql`select id from accounts where org_id = ${ctx.orgId} and archived_at is null order by id limit 1`);
    const { previewHealthConfig } = await import('@/lib/dal/health-config');
    const draft = { weights: { ...defaultHealthWeights, nps: 30 }, bands: defaultHealthBands };
    let allInputs: Awaited<ReturnType<typeof gatherInputs>> | undefined;
    const cases: [string, () => Promise<unknown>][] = [
      [`recompute all ${accounts.toLocaleString('en-US')} accounts (inputs + score + upsert)`, () => db.transaction((tx) => recomputeHealth(tx, ctx.orgId, 'all'))],
      ['  of which: inputs statement(s) only', () => db.transaction((tx) => gatherInputs(tx, ctx.orgId, currentPairs(ctx.orgId, 'all')))],
      ['  of which: scores + upsert only (inputs gathered once before)', async () => {
        const config = await loadActiveConfig(db, ctx.orgId);
        const rows = scoreInputs(allInputs ??= await db.transaction((tx) => gatherInputs(tx, ctx.orgId, currentPairs(ctx.orgId, 'all'))), config);
        await db.transaction((tx) => writeScores(tx, ctx.orgId, rows, { current: true }));
      }],
      ['recompute one account', () => db.transaction((tx) => recomputeHealth(tx, ctx.orgId, [one.id]))],
      ['sweep check (orgs lacking today\'s rows)', () => orgsMissingToday(db)],
      ['preview: band changes + 12-month backtest', () => previewHealthConfig(ctx, draft)],
    ];
    if (accounts <= 1_000) {
      cases.push(['demo seed health backfill (history + today), rolled back', () => rolledBack(db, (tx) => seedHealth(tx, [ctx.orgId], new Date()))]);
    }
    if (process.env.BENCH_ONLY) cases.splice(0, cases.length, ...cases.filter(([n]) => n.includes(process.env.BENCH_ONLY!)));
    await printMedians(cases);
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
