// `npm run bench:kpi -- --dashboard`: the portfolio dashboard's data part (the DAL calls app/(app)/[org]/page.tsx and
// its sections make, in the same order and concurrency) against the raw SQL those calls send, captured with Drizzle's
// logger and replayed on the driver's own client: all at once (the pool runs them side by side, the lower bound) and
// one after another. Loaded by scripts/bench-kpi.ts after it stubs 'server-only' and seeds the data.
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getBiggestMoves, getKpiClock, getPortfolioCards, getRevenueSeries, getUpcomingRenewals, type KpiScope } from '@/lib/dal/kpis';
import { getOverview } from '@/lib/dal/overview';
import { previousPeriod, type Period } from '@/lib/kpi/period';
import { parseDashboardParams, resolveDashboardPeriod } from '@/lib/validation/dashboard';
import type { Capture, RawQuery } from './bench-kpi';

type Args = { ctx: TenantCtx; today: string; raw: RawQuery; capture: Capture; median: (fn: () => Promise<unknown>) => Promise<number> };

/** What the page awaits for one view: clock and overview first, then the three Suspense sections side by side. */
async function dashboardData(ctx: TenantCtx, period: Period, scope: KpiScope): Promise<void> {
  const [clock] = await Promise.all([getKpiClock(ctx), getOverview(ctx)]);
  await Promise.all([
    // KpiSection
    Promise.all([getPortfolioCards(ctx, period, scope), getPortfolioCards(ctx, previousPeriod(period), scope)]),
    // ChartsSection
    getRevenueSeries(ctx, period, scope),
    // ListsSection
    Promise.all([getUpcomingRenewals(ctx, { today: clock.today, scope, limit: 10 }), getBiggestMoves(ctx, period, { scope, limit: 5 })]),
  ]);
}

/** Prints, per dashboard view, the loader's median and the raw SQL's medians (parallel and sequential), with the ratio. */
export async function benchDashboard({ ctx, today, raw, capture, median }: Args): Promise<void> {
  const views: [string, Record<string, string>, KpiScope][] = [
    ['last 12 months, whole org (the default view)', {}, { kind: 'org' }],
    ['last quarter, whole org', { period: 'last_quarter' }, { kind: 'org' }],
    ['last 12 months, enterprise segment', { scope: 'enterprise' }, { kind: 'segment', segment: 'enterprise' }],
    ['last 12 months, my accounts (the owner’s book)', { scope: 'mine' }, { kind: 'owner', ownerId: ctx.userId }],
  ];
  console.info(`\nDashboard data vs its raw SQL, median of 5 runs after one warm-up (today ${today}):`);
  console.info('  loader ms   raw ∥ ms   raw seq ms   loader ÷ raw ∥   statements   view');
  for (const [name, params, scope] of views) {
    const { period } = resolveDashboardPeriod(parseDashboardParams(params), today);
    capture.statements = [];
    capture.on = true;
    await dashboardData(ctx, period, scope);
    capture.on = false;
    const statements = capture.statements;
    const loader = await median(() => dashboardData(ctx, period, scope));
    const parallel = await median(() => Promise.all(statements.map((s) => raw(s.sql, s.params))));
    const sequential = await median(async () => {
      for (const s of statements) await raw(s.sql, s.params);
    });
    const cells = [loader, parallel, sequential].map((ms) => ms.toFixed(1).padStart(9));
    console.info(`  ${cells.join('  ')}   ${(loader / parallel).toFixed(2).padStart(12)}×   ${String(statements.length).padStart(10)}   ${name}`);
  }
}
