import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { periodOf, type Period } from '@/lib/kpi/period';
import { percent } from '@/lib/kpi/rates';
import { renewalRate } from '@/lib/kpi/renewals';
import { renewalDefs } from './definitions';
import { checkAsOf, checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { monthlyWindows, num, valuesWindows } from './sql';
import { kpi, point, toSeries, type Kpi, type KpiSeries } from './types';

type Sums = {
  start: string; end: string; pending: number; renewed: number; downgraded: number; churned: number;
  arrDue: number; cappedArr: number; renewedArr: number;
};

/** Renewal KPIs of a period; ARR sums in minor units, rates in percent. `pending` renewals are not in any rate. */
export type RenewalKpis = { byCount: Kpi; byValue: Kpi; renewedArr: Kpi; pending: number };

// A renewal marked renewed without an amount is taken as renewed at its ARR due; churned, or downgraded without
// an amount, as 0.
const renewedAmount = sql`coalesce(r.renewed_arr, case when r.outcome = 'renewed' then r.arr_due else 0 end)`;

async function renewalSums(ctx: TenantCtx, scope: KpiScope, windows: SQL): Promise<Sums[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${windows})
    select win.w, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      count(r.id) filter (where r.outcome = 'pending')::int as pending,
      count(r.id) filter (where r.outcome = 'renewed')::int as renewed,
      count(r.id) filter (where r.outcome = 'downgraded')::int as downgraded,
      count(r.id) filter (where r.outcome = 'churned')::int as churned,
      coalesce(sum(r.arr_due) filter (where r.outcome <> 'pending'), 0)::float8 as arr_due,
      coalesce(sum(least(${renewedAmount}, r.arr_due)) filter (where r.outcome <> 'pending'), 0)::float8 as capped_arr,
      coalesce(sum(${renewedAmount}) filter (where r.outcome <> 'pending'), 0)::float8 as renewed_arr
    from win
    left join renewals r on r.org_id = ${ctx.orgId} and r.due_date >= win.w_start and r.due_date < win.w_end
      and ${inScope(ctx, scope, sql`r.account_id`)}
    group by win.w, win.w_start, win.w_end
    order by win.w`);
  return rows.map((r) => ({
    start: String(r.start),
    end: String(r.end),
    pending: num(r.pending),
    renewed: num(r.renewed),
    downgraded: num(r.downgraded),
    churned: num(r.churned),
    arrDue: num(r.arr_due),
    cappedArr: num(r.capped_arr),
    renewedArr: num(r.renewed_arr),
  }));
}

function triples(s: Sums) {
  const decided = s.renewed + s.downgraded + s.churned;
  const reason = s.pending > 0
    ? `None of the renewals due in the period is decided yet (${s.pending} pending).`
    : 'No renewal was due in the period.';
  return {
    byCount: { value: renewalRate(s), n: decided, reason },
    byValue: { value: percent(s.cappedArr, decided === 0 ? 0 : s.arrDue), n: decided, reason },
    renewedArr: { value: percent(s.renewedArr, decided === 0 ? 0 : s.arrDue), n: decided, reason },
  };
}

/** Builds the renewal KPIs from the SQL counts and sums of one period. */
function renewalKpisFrom(s: Sums): RenewalKpis {
  const t = triples(s);
  const counts = { pending: s.pending, renewed: s.renewed, downgraded: s.downgraded, churned: s.churned };
  return {
    byCount: kpi(renewalDefs.byCount, t.byCount.value, t.byCount.n, t.byCount.reason, counts),
    byValue: kpi(renewalDefs.byValue, t.byValue.value, t.byValue.n, t.byValue.reason, { arrDue: s.arrDue, cappedArr: s.cappedArr, pending: s.pending }),
    renewedArr: kpi(renewalDefs.renewedArr, t.renewedArr.value, t.renewedArr.n, t.renewedArr.reason, { arrDue: s.arrDue, renewedArr: s.renewedArr, pending: s.pending }),
    pending: s.pending,
  };
}

/** Renewal KPIs for the scope's renewals due in the period (no validation: callers check inputs). */
export async function queryRenewalKpis(ctx: TenantCtx, period: Period, scope: KpiScope): Promise<RenewalKpis> {
  const [s] = await renewalSums(ctx, scope, valuesWindows([period]));
  return renewalKpisFrom(s);
}

/** Renewal rate by count and by value, and renewed ARR (uncapped), over the renewals due in the period; one query. */
export async function getRenewalKpis(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<RenewalKpis> {
  await checkInputs(ctx, period, scope);
  return queryRenewalKpis(ctx, period, scope);
}

/** Quarterly renewed ARR, %: Σ renewed ÷ Σ due over the decided renewals due in the quarter containing `date`, uncapped. */
export async function getQuarterlyRenewedArr(ctx: TenantCtx, date: string, scope: KpiScope = orgScope): Promise<Kpi> {
  checkAsOf(date);
  const quarter = periodOf('quarter', date);
  await checkInputs(ctx, quarter, scope);
  return (await queryRenewalKpis(ctx, quarter, scope)).renewedArr;
}

/** Monthly series of the renewal KPIs over the period (by due date), one query. */
export async function getRenewalSeries(
  ctx: TenantCtx,
  period: Period,
  scope: KpiScope = orgScope,
): Promise<Record<keyof typeof renewalDefs, KpiSeries>> {
  await checkInputs(ctx, period, scope);
  const sums = await renewalSums(ctx, scope, monthlyWindows(period));
  return toSeries(renewalDefs, sums.map((s) => {
    const t = triples(s);
    return {
      byCount: point(s, t.byCount.value, t.byCount.n, t.byCount.reason),
      byValue: point(s, t.byValue.value, t.byValue.n, t.byValue.reason),
      renewedArr: point(s, t.renewedArr.value, t.renewedArr.n, t.renewedArr.reason),
    };
  }));
}
