// Turns the DAL's monthly revenue series into the plain rows the chart wrappers and their tables take.
import type { MovementRow, TrendRow } from '@/components/charts/series';
import { formatMoney, formatMonth, toMajor } from '@/components/dashboard/format';
import type { RevenueSeries } from '@/lib/dal/kpis';

export type RevenueCharts = {
  currency: string;
  movements: MovementRow[];
  trend: TrendRow[];
  /** Formatted cells per month for the screen-reader tables. */
  movementCells: { label: string; cells: string[] }[];
  trendCells: { label: string; cells: string[] }[];
  /** Any revenue before the period end (else the charts show their empty state). */
  hasRevenue: boolean;
  /** Any movement inside the period. */
  hasMovements: boolean;
  totals: { gained: string; lost: string; firstArr: string | null; lastArr: string | null };
};

/** Chart rows in major units (losses negative) plus formatted cells and totals, from the revenue series. */
export function revenueCharts(s: RevenueSeries): RevenueCharts {
  const c = s.currency;
  const v = (x: number | null) => x ?? 0;
  const months = s.arr.points.map((p, i) => ({
    label: formatMonth(p.start),
    newMrr: v(s.newMrr.points[i].value), expansion: v(s.expansion.points[i].value), reactivation: v(s.reactivation.points[i].value),
    contraction: v(s.contraction.points[i].value), churn: v(s.churn.points[i].value), arr: p.value,
  }));
  const money = (x: number) => formatMoney(x, c);
  const gained = months.reduce((sum, m) => sum + m.newMrr + m.expansion + m.reactivation, 0);
  const lost = months.reduce((sum, m) => sum + m.contraction + m.churn, 0);
  const arrs = months.map((m) => m.arr).filter((x): x is number => x !== null);
  return {
    currency: c,
    movements: months.map((m) => ({
      month: m.label,
      New: toMajor(m.newMrr, c), Expansion: toMajor(m.expansion, c), Reactivation: toMajor(m.reactivation, c),
      Contraction: -toMajor(m.contraction, c), Churn: -toMajor(m.churn, c),
    })),
    trend: months.map((m) => ({ month: m.label, ARR: m.arr === null ? null : toMajor(m.arr, c) })),
    movementCells: months.map((m) => ({
      label: m.label,
      cells: [m.newMrr, m.expansion, m.reactivation, -m.contraction, -m.churn].map((x) => formatMoney(x, c, { signed: true })),
    })),
    trendCells: months.map((m) => ({ label: m.label, cells: [m.arr === null ? 'No revenue yet' : money(m.arr)] })),
    hasRevenue: arrs.length > 0,
    hasMovements: gained + lost > 0,
    totals: {
      gained: money(gained), lost: money(lost),
      firstArr: arrs.length ? money(arrs[0]) : null, lastArr: arrs.length ? money(arrs[arrs.length - 1]) : null,
    },
  };
}
