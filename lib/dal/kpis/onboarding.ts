import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import type { Period } from '@/lib/kpi/period';
import { onboardingCompletion } from '@/lib/kpi/rates';
import { onboardingDefs } from './definitions';
import { checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { monthlyWindows, num, numOrNull, startOfDay, valuesWindows } from './sql';
import { kpi, point, toSeries, type Kpi } from './types';

type OnboardingRow = { start: string; end: string; total: number; completed: number; median: number | null };

// As of each window's end: accounts whose contract started before it; completed = completed before it. Days are
// whole calendar days in the org's timezone; percentile_cont(0.5) is the median (mean of the middle two).
async function onboardingCounts(ctx: TenantCtx, scope: KpiScope, windows: SQL): Promise<OnboardingRow[]> {
  const done = sql`a.onboarding_completed_at < ${startOfDay(ctx, sql`win.w_end`)}`;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${windows})
    select win.w, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      count(a.id)::int as total, count(a.id) filter (where ${done})::int as completed,
      percentile_cont(0.5) within group (
        order by ((a.onboarding_completed_at at time zone (select o.timezone from organizations o where o.id = ${ctx.orgId}))::date - a.contract_start)
      ) filter (where ${done}) as median
    from win
    left join accounts a on a.org_id = ${ctx.orgId} and a.contract_start < win.w_end
      and ${inScope(ctx, scope, sql`a.id`, { portfolio: true })}
    group by win.w, win.w_start, win.w_end
    order by win.w`);
  return rows.map((r) => ({
    start: String(r.start), end: String(r.end), total: num(r.total), completed: num(r.completed), median: numOrNull(r.median),
  }));
}

const NO_ACCOUNTS = 'No account’s contract started before the period end.';
const NONE_DONE = 'No account completed onboarding before the period end.';

/** Onboarding completion % and median days to onboard as of the period end (no validation: callers check inputs). */
export async function queryOnboarding(ctx: TenantCtx, period: Period, scope: KpiScope): Promise<{ completion: Kpi; medianDays: Kpi }> {
  const [r] = await onboardingCounts(ctx, scope, valuesWindows([period]));
  return {
    completion: kpi(onboardingDefs.completion, onboardingCompletion(r), r.total, NO_ACCOUNTS, { completed: r.completed }),
    medianDays: kpi(onboardingDefs.medianDays, r.median, r.completed, r.total === 0 ? NO_ACCOUNTS : NONE_DONE),
  };
}

/** Onboarding: % of the scope's accounts (contract started before the period end) that completed, and the median days. */
export async function getOnboarding(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope) {
  await checkInputs(ctx, period, scope);
  return queryOnboarding(ctx, period, scope);
}

/** Monthly series of onboarding completion and median days, each as of the month's end, one query. */
export async function getOnboardingSeries(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope) {
  await checkInputs(ctx, period, scope);
  const rows = await onboardingCounts(ctx, scope, monthlyWindows(period));
  return toSeries(onboardingDefs, rows.map((r) => ({
    completion: point(r, onboardingCompletion(r), r.total, NO_ACCOUNTS),
    medianDays: point(r, r.median, r.completed, r.total === 0 ? NO_ACCOUNTS : NONE_DONE),
  })));
}
