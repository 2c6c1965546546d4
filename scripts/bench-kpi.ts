// `npm run bench:kpi [-- --accounts N --force --dashboard]`: seeds the demo data set (10,000 accounts by default) into
// a fresh database and prints the median of 5 runs of every KPI query and of the full portfolio card set. With
// --dashboard it times the portfolio dashboard's data loaders instead, against the raw SQL they send
// (scripts/bench-dashboard.ts).
// DATABASE_URL set → that PostgreSQL (refused when it already has orgs, unless --force); else PGlite in a temp folder.
// Revenue, usage, renewal and ticket rows come from the demo seed when it makes them; otherwise they are generated
// here with set-based SQL at DESIGN.md's sizes (per-user usage for 90 days, ≈ 5 M rows on PostgreSQL, monthly
// usage for 24 months); PGlite gets fewer usage rows, and the counts are printed.
import './stub-server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { queryRows, schema, useDatabase, type Database, type DatabaseHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { recomputeUsageUserMonths } from '@/db/usage-rollup';
import { DEMO_ORG_SLUG, seedDemo } from '@/db/seed/demo';
import { users } from '@/db/schema';
import { tenantCtxFor } from '@/lib/auth/testing';
import { env } from '@/lib/env';
import {
  addMonths, customPeriod, periodOf, previousPeriod, startOfMonth, trailingMonths, type Period,
} from '@/lib/kpi/period';
import { median, printMedians } from './bench-timing';



type Sizes = { days: number; maxUsers: number; activeShare: number };
const SIZES: Record<DatabaseHandle['driver'], Sizes> = {
  // ≈ 12 users an account (the 2 % archived have none), active 46 % of days: 10,000 × 12 × 90 × 0.46 ≈ 5 M rows
  postgres: { days: 90, maxUsers: 25, activeShare: 0.46 },
  // PGlite is one WASM process: about a fifth of that
  pglite: { days: 90, maxUsers: 10, activeShare: 0.23 },
};

/** The statements Drizzle sends while `on` (its logger sees the final SQL and parameters), for --dashboard. */
export type Capture = { on: boolean; statements: { sql: string; params: unknown[] }[] };
/** Runs one captured statement on the driver's own client, bypassing Drizzle. */
export type RawQuery = (text: string, params: unknown[]) => Promise<unknown>;
type Opened = { handle: DatabaseHandle; raw: RawQuery; capture: Capture; cleanup: () => Promise<void> };

async function open(force: boolean): Promise<Opened> {
  const capture: Capture = { on: false, statements: [] };
  const logger = { logQuery: (text: string, params: unknown[]) => { if (capture.on) capture.statements.push({ sql: text, params }); } };
  if (env.DATABASE_URL) {
    // built here rather than with openPostgres, to keep the client for raw statements and to add the logger
    const client = postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} });
    const handle: DatabaseHandle = {
      db: drizzlePostgres({ client, schema, casing: 'snake_case', logger }) as unknown as Database,
      driver: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
    const raw: RawQuery = (text, params) => client.unsafe(text, params as never[]);
    // names are resolved before a CASE runs, so ask whether the table exists first
    const [table] = await queryRows<{ found: boolean }>(handle.db, sql`select to_regclass('public.organizations') is not null as found`);
    const orgs = table.found ? (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from organizations`))[0].n : 0;
    if (orgs > 0 && !force) {
      await handle.close();
      console.error(`Refusing to benchmark: this database already has ${orgs} organization(s). Use an empty one, or --force.`);
      process.exit(1);
    }
    await migrateDatabase(handle, env.DATABASE_URL);
    return { handle, raw, capture, cleanup: () => handle.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenure-bench-'));
  const client = new PGlite(dir);
  const handle: DatabaseHandle = {
    db: drizzlePglite({ client, schema, casing: 'snake_case', logger }) as unknown as Database,
    driver: 'pglite',
    pglite: client,
    close: () => client.close(),
  };
  const raw: RawQuery = (text, params) => client.query(text, params);
  await migrateDatabase(handle);
  return { handle, raw, capture, cleanup: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const count = async (h: DatabaseHandle, table: string, orgId: string) =>
  (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`))[0].n;

/** Fills the tables the demo seed left empty, set-based, seeded so reruns give the same shape. */
async function generateMissing(h: DatabaseHandle, orgId: string, today: string, s: Sizes): Promise<string[]> {
  const run = (q: ReturnType<typeof sql>) => h.db.execute(q);
  const generated: string[] = [];
  const missing = async (table: string) => ((await count(h, table, orgId)) === 0 ? (generated.push(table), true) : false);
  await run(sql`select setseed(0.42)`);
  const inOrg = sql`a.org_id = ${orgId} and a.contract_start is not null`;
  if (await missing('revenue_changes')) {
    // MRR per seat by segment; 1–6 later changes: 55 % up, 30 % down, 15 % to 0 (a later one reactivates)
    await run(sql`insert into revenue_changes (org_id, account_id, effective_date, mrr, currency, recorded_at)
      with acc as (select a.id, a.contract_start as start, 1 + abs(hashtext(a.id::text)) % 6 as events,
          a.licensed_seats * case a.segment when 'enterprise' then 3000 when 'mid_market' then 4000 else 5000 end as base
        from accounts a where ${inOrg}),
      ev0 as (select acc.*, k, random() as r, random() as r2, random() as r3
        from acc cross join generate_series(1, acc.events) as k where ${today}::date - acc.start > 45),
      ev as (select id, base, 0 as k, start as d, 1.0::float8 as mult, false as churn from acc
        union all
        select id, base, k, start + 30 + floor(r2 * (${today}::date - start - 30))::int,
          case when r < 0.55 then 1.05 + r3 * 0.3 when r < 0.85 then 0.7 + r3 * 0.25 else 1.0 end, r >= 0.85 from ev0)
      select ${orgId}::uuid, id, d, case when churn then 0 else round(base * exp(sum(ln(mult)) over (partition by id order by d, k))) end,
        'USD', now() + k * interval '1 millisecond'
      from ev`);
  }
  if (await missing('renewals')) {
    await run(sql`insert into renewals (org_id, account_id, due_date, arr_due, outcome, renewed_arr, decided_at)
      select ${orgId}::uuid, id, due, arr,
        (case when due >= ${today}::date then 'pending' when r < 0.8 then 'renewed' when r < 0.9 then 'downgraded' else 'churned' end)::renewal_outcome,
        case when due >= ${today}::date then null when r < 0.8 then round(arr * (1 + r2 * 0.2)) when r < 0.9 then round(arr * 0.7) else 0 end,
        case when due < ${today}::date then due + interval '1 day' end
      from (select a.id, d::date as due, a.licensed_seats * 48000 as arr, random() as r, random() as r2 from accounts a
        cross join generate_series(a.contract_start + interval '1 year', ${today}::date + interval '1 year', interval '1 year') as d
        where ${inOrg}) t`);
  }
  if (await missing('tickets')) {
    await run(sql`insert into tickets (org_id, account_id, priority, opened_at, closed_at, resolved_first_contact)
      select ${orgId}::uuid, id, (array['low','normal','normal','high','urgent'])[1 + floor(r1 * 5)::int]::ticket_priority, o,
        case when r2 < 0.95 or o < now() - interval '30 days' then o + (1 + r3 * 96) * interval '1 hour' end, r4 < 0.68
      from (select a.id, random() as r1, random() as r2, random() as r3, random() as r4, now() - random() * interval '730 days' as o
        from accounts a cross join generate_series(1, 2 + abs(hashtext(a.id::text)) % 8) where ${inOrg}) t`);
  }
  const userCount = sql`greatest(1, (least(a.licensed_seats, ${s.maxUsers}) * (0.4 + (abs(hashtext(a.id::text)) % 60) / 100.0))::int)`;
  const feature = (key: string, share: number) => sql`${key}::text, case when random() < ${share} then 1 + floor(random() * 6)::int end`;
  if (await missing('usage_daily')) {
    await run(sql`insert into usage_daily (org_id, account_id, day, user_key, sessions, events, features)
      select ${orgId}::uuid, id, day, 'user-' || u, 1 + floor(random() * 4)::int, 5 + floor(random() * 60)::int,
        jsonb_strip_nulls(jsonb_build_object(${feature('dashboards', 0.8)}, ${feature('reports', 0.45)}, ${feature('export', 0.2)},
          ${feature('alerts', 0.3)}, ${feature('api', 0.1)}, ${feature('integrations', 0.15)}, ${feature('ai_assist', 0.08)}))
      from (select a.id, d::date as day, u from accounts a
        cross join generate_series(1, ${userCount}) as u
        cross join generate_series(${today}::date - ${s.days - 1}::int, ${today}::date, interval '1 day') as d
        where ${inOrg} and a.archived_at is null and a.contract_start <= d::date and random() < ${s.activeShare}) t`);
  }
  if (await missing('usage_user_months')) {
    // the per-user months of generated daily rows, with the write side's own roll-up
    await recomputeUsageUserMonths(h.db, orgId, sql`select distinct account_id, date_trunc('month', day)::date as month
      from usage_daily where org_id = ${orgId}`);
  }
  if (await missing('usage_monthly')) {
    const pick = (key: string, share: number) => sql`case when random() < ${share} then ${key}::text end`;
    await run(sql`insert into usage_monthly (org_id, account_id, month, active_users, active_days, sessions, events, features_used)
      select ${orgId}::uuid, a.id, m::date, greatest(1, floor(${userCount} * (0.5 + random() * 0.5)))::int, 8 + floor(random() * 20)::int,
        floor(random() * 2000)::int, floor(random() * 20000)::int,
        array_remove(array[${pick('dashboards', 0.95)}, ${pick('reports', 0.7)}, ${pick('export', 0.35)}, ${pick('alerts', 0.5)},
          ${pick('api', 0.2)}, ${pick('integrations', 0.3)}, ${pick('ai_assist', 0.15)}], null)
      from accounts a cross join generate_series(date_trunc('month', ${today}::date::timestamp) - interval '23 months',
        date_trunc('month', ${today}::date::timestamp), interval '1 month') as m
      where ${inOrg} and a.contract_start < m + interval '1 month'`);
  }
  for (const t of ['accounts', 'revenue_changes', 'renewals', 'tickets', 'usage_daily', 'usage_monthly', 'usage_user_months']) {
    await run(h.driver === 'postgres' ? sql`vacuum analyze ${sql.identifier(t)}` : sql`analyze ${sql.identifier(t)}`);
  }
  return generated;
}


async function main() {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, force: { type: 'boolean' }, dashboard: { type: 'boolean' } } });
  const accounts = Number(values.accounts ?? 10_000);
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error('--accounts must be a whole number ≥ 1');
  const { handle, raw, capture, cleanup } = await open(values.force === true);
  useDatabase(handle);
  try {
    const t0 = performance.now();
    const seeded = await seedDemo(handle.db, { accounts });
    if (!seeded.created) console.info('The demo org already exists (--force): benchmarking it as it is.');
    const [owner] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.test'));
    const ctx = await tenantCtxFor(owner.id, DEMO_ORG_SLUG);
    const kpis = await import('@/lib/dal/kpis');
    const { today } = await kpis.getKpiClock(ctx);
    const generated = await generateMissing(handle, ctx.orgId, today, SIZES[handle.driver]);
    console.info(`Data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${handle.driver} (demo org, today ${today}):`);
    for (const t of ['accounts', 'revenue_changes', 'renewals', 'tickets', 'usage_daily', 'usage_monthly', 'usage_user_months']) {
      const from = generated.includes(t) ? 'generated here' : 'demo seed';
      console.info(`  ${t.padEnd(16)} ${(await count(handle, t, ctx.orgId)).toLocaleString('en-US').padStart(10)}  (${from})`);
    }

    if (values.dashboard) {
      const { benchDashboard } = await import('./bench-dashboard');
      await benchDashboard({ ctx, today, raw, capture, median });
      return;
    }

    const month: Period = previousPeriod(periodOf('month', today));
    const trailing = trailingMonths(today, 12);
    const year = customPeriod(addMonths(startOfMonth(today), -11), addMonths(startOfMonth(today), 1));
    const [csm] = await queryRows<{ owner_id: string }>(handle.db, sql`
      select owner_id from accounts where org_id = ${ctx.orgId} and owner_id is not null group by owner_id order by count(*) desc limit 1`);
    const book = { kind: 'owner' as const, ownerId: csm.owner_id };
    const cases: [string, () => Promise<unknown>][] = [
      [`portfolio cards, ${month.start} month, org`, () => kpis.getPortfolioCards(ctx, month)],
      ['portfolio cards, trailing 12 months, org', () => kpis.getPortfolioCards(ctx, trailing)],
      ['portfolio cards, month, one CSM book', () => kpis.getPortfolioCards(ctx, month, book)],
      ['portfolio cards, month, enterprise segment', () => kpis.getPortfolioCards(ctx, month, { kind: 'segment', segment: 'enterprise' })],
      ['revenue KPIs (movements, retention, LTV), month', () => kpis.getRevenueKpis(ctx, month)],
      ['revenue KPIs, trailing 12 months', () => kpis.getRevenueKpis(ctx, trailing)],
      ['revenue series, 12 months', () => kpis.getRevenueSeries(ctx, year)],
      ['renewal KPIs, month', () => kpis.getRenewalKpis(ctx, month)],
      ['renewal series, 12 months', () => kpis.getRenewalSeries(ctx, year)],
      ['MAU + utilization (30 days), org', () => kpis.getUsageKpis(ctx)],
      ['MAU + utilization (30 days), one CSM book', () => kpis.getUsageKpis(ctx, book)],
      ['usage series (usage_monthly), 12 months', () => kpis.getUsageSeries(ctx, year)],
      ['adoption per feature, month', () => kpis.getAdoption(ctx, month)],
      ['adoption series, 12 months', () => kpis.getAdoptionSeries(ctx, year)],
      ['first contact resolution, month', () => kpis.getFirstContactResolution(ctx, month)],
      ['first contact resolution series, 12 months', () => kpis.getFirstContactResolutionSeries(ctx, year)],
      ['onboarding, month', () => kpis.getOnboarding(ctx, month)],
      ['onboarding series, 12 months', () => kpis.getOnboardingSeries(ctx, year)],
    ];
    await printMedians(cases);
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
