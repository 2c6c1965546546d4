import 'server-only';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { trailingMonthWindows, type Period } from '@/lib/kpi/period';
import { logoChurnRate } from '@/lib/kpi/rates';
import { arpa, arr, grossRevenueChurn, grr, ltv, nrr, quickRatio, type MovementTotals } from '@/lib/kpi/revenue';
import { movementDefs, revenueDefs } from './definitions';
import { revenueFigures, type WindowFigures } from './revenue-sql';
import { checkInputs, orgScope, type KpiScope } from './scope';
import { monthlyWindows, valuesWindows } from './sql';
import { kpi, point, toSeries, type Kpi, type KpiPoint, type KpiSeries } from './types';

const LTV_MONTHS = 6;
const NO_REVENUE = 'No revenue change has been recorded before the period end.';
const NO_COHORT = 'No account was paying at the period start, so there is no start cohort.';
const NO_PAYING = 'No account is paying at the period end.';
const NOTHING_LOST = 'Nothing was lost to contraction or churn in the period, so the ratio has no denominator.';

export type Movements = MovementTotals & { startMrr: number; endMrr: number };

/** Every revenue KPI of one period; money in minor units of `currency`, rates in percent at full precision. */
export type RevenueKpis = {
  currency: string;
  mrr: Kpi;
  arr: Kpi;
  arpa: Kpi;
  ltv: Kpi;
  logoChurn: Kpi;
  nrr: Kpi;
  grr: Kpi;
  grossRevenueChurn: Kpi;
  expansion: Kpi;
  quickRatio: Kpi;
  movements: Kpi<Movements>;
};

type Triple = { value: number | null; n: number; reason: string };
type RevenueKey = Exclude<keyof RevenueKpis, 'currency' | 'movements'>;

// The arithmetic of one window: lib/kpi does the math on the SQL sums; `churnRates` are the LTV windows' rates.
function revenueTriples(f: WindowFigures, churnRates: (number | null)[]): Record<RevenueKey, Triple> {
  const mrr = f.hasData ? f.endMrr : null;
  const active = f.activeAccountsAtEnd;
  const perAccount = f.hasData ? arpa({ mrr: f.endMrr, activeAccounts: active }) : null;
  const cohort = f.cohort.size;
  const grrValue = grr(f.cohort);
  const usable = churnRates.filter((r) => r !== null);
  const ltvReason =
    perAccount === null ? (f.hasData ? NO_PAYING : NO_REVENUE)
      : usable.length === 0 ? 'No month of the last six had a start cohort to measure churn on.'
        : 'No account churned in the last six months, so the lifetime is unbounded.';
  const movedAny = f.accountsMoved.any;
  return {
    mrr: { value: mrr, n: active, reason: NO_REVENUE },
    arr: { value: arr(mrr), n: active, reason: NO_REVENUE },
    arpa: { value: perAccount, n: active, reason: f.hasData ? NO_PAYING : NO_REVENUE },
    ltv: { value: ltv({ arpa: perAccount, monthlyChurnRates: churnRates }), n: active, reason: ltvReason },
    logoChurn: { value: logoChurnRate({ cohortSize: cohort, churnedInCohort: f.cohort.churned }), n: cohort, reason: NO_COHORT },
    nrr: { value: nrr(f.cohort), n: cohort, reason: NO_COHORT },
    grr: { value: grrValue, n: cohort, reason: NO_COHORT },
    grossRevenueChurn: { value: grossRevenueChurn(grrValue), n: cohort, reason: NO_COHORT },
    expansion: { value: f.hasData ? f.movements.expansion : null, n: f.accountsMoved.expansion, reason: NO_REVENUE },
    quickRatio: { value: quickRatio(f.movements), n: movedAny, reason: f.hasData ? NOTHING_LOST : NO_REVENUE },
  };
}

const churnRateOf = (f: WindowFigures) => logoChurnRate({ cohortSize: f.cohort.size, churnedInCohort: f.cohort.churned });

/** Builds the revenue KPIs of a period from its figures and those of the six LTV windows (oldest first). */
export function revenueKpisFrom(f: WindowFigures, ltvWindows: WindowFigures[]): RevenueKpis {
  const rates = ltvWindows.map(churnRateOf);
  const t = revenueTriples(f, rates);
  const one = (key: RevenueKey) => kpi(revenueDefs[key], t[key].value, t[key].n, t[key].reason);
  const ltvDetail = { churnMonths: rates.filter((r) => r !== null).length };
  return {
    currency: f.currency,
    mrr: one('mrr'),
    arr: one('arr'),
    arpa: one('arpa'),
    ltv: kpi(revenueDefs.ltv, t.ltv.value, t.ltv.n, t.ltv.reason, ltvDetail),
    logoChurn: kpi(revenueDefs.logoChurn, t.logoChurn.value, t.logoChurn.n, t.logoChurn.reason, { churned: f.cohort.churned }),
    nrr: one('nrr'),
    grr: one('grr'),
    grossRevenueChurn: one('grossRevenueChurn'),
    expansion: one('expansion'),
    quickRatio: one('quickRatio'),
    movements: kpi<Movements>(
      revenueDefs.movements,
      f.hasData ? { ...f.movements, startMrr: f.startMrr, endMrr: f.endMrr } : null,
      f.accountsMoved.any,
      NO_REVENUE,
      { ...f.accountsMoved },
    ),
  };
}

/** The revenue windows of a period: the period itself, then the six month-long LTV windows ending at its end. */
export const revenueWindowsOf = (period: Period) => valuesWindows([period, ...trailingMonthWindows(period.end, LTV_MONTHS)]);

/** Revenue KPIs (MRR, ARR, movements, logo churn, NRR, GRR, gross churn, expansion, ARPA, LTV, quick ratio) of the org's scope, one query. */
export async function getRevenueKpis(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<RevenueKpis> {
  await checkInputs(ctx, period, scope);
  const [f, ...ltvWindows] = await revenueFigures(ctx, scope, revenueWindowsOf(period));
  return revenueKpisFrom(f, ltvWindows);
}

export const revenueSeriesDefs = { ...revenueDefs, ...movementDefs } as const;
type SeriesKey = Exclude<keyof typeof revenueSeriesDefs, 'movements'>;
export type RevenueSeries = { currency: string } & Record<SeriesKey, KpiSeries>;

/** Monthly series of every revenue KPI and movement over the period (calendar months clipped to it), one query. */
export async function getRevenueSeries(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<RevenueSeries> {
  await checkInputs(ctx, period, scope);
  // Five whole months before the first bucket, so every bucket's LTV has its six monthly churn rates.
  const lead = LTV_MONTHS - 1;
  const all = await revenueFigures(ctx, scope, monthlyWindows(period, lead));
  const buckets = all.slice(lead).map((f, i): Record<SeriesKey, KpiPoint> => {
    const t = revenueTriples(f, all.slice(i, i + LTV_MONTHS).map(churnRateOf));
    const p = (x: Triple) => point(f, x.value, x.n, x.reason);
    const m = (value: number, n: number) => point(f, f.hasData ? value : null, n, NO_REVENUE);
    return {
      ...(Object.fromEntries(Object.entries(t).map(([k, x]) => [k, p(x)])) as Record<RevenueKey, KpiPoint>),
      newMrr: m(f.movements.newMrr, f.accountsMoved.new),
      contraction: m(f.movements.contraction, f.accountsMoved.contraction),
      churn: m(f.movements.churn, f.accountsMoved.churn),
      reactivation: m(f.movements.reactivation, f.accountsMoved.reactivation),
      net: m(f.movements.net, f.accountsMoved.any),
    };
  });
  const { movements: _, ...defs } = revenueSeriesDefs;
  return { currency: all[0]?.currency ?? 'USD', ...toSeries(defs, buckets) };
}
