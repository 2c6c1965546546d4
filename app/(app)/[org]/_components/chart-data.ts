// Turns the DAL's monthly revenue series into the plain rows the chart wrappers and their tables take.
import type { MovementRow, RetentionRow, TrendRow } from '@/components/charts/series';
import { formatMoney, formatMonth, formatValue, toMajor } from '@/components/dashboard/format';
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

export type RetentionCharts = {
  rows: RetentionRow[];
  cells: { label: string; cells: string[] }[];
  /** The latest month with a cohort, and the range of monthly NRR; null when no month had a start cohort. */
  summary: { month: string; nrr: string; grr: string; minNrr: string; maxNrr: string } | null;
};

/** Monthly NRR and GRR rows (percent, full precision for the chart; one decimal or "—" and why in the table). */
export function retentionCharts(s: RevenueSeries): RetentionCharts {
  const pct = (x: number) => formatValue(x, 'percent', s.currency);
  const months = s.nrr.points.map((p, i) => ({ label: formatMonth(p.start), nrr: p, grr: s.grr.points[i] }));
  const cell = (p: { value: number | null; reason: string | null }) => (p.value === null ? `— (${p.reason})` : pct(p.value));
  const known = months.filter((m) => m.nrr.value !== null && m.grr.value !== null);
  const nrrs = known.map((m) => m.nrr.value as number);
  const last = known.at(-1);
  return {
    rows: months.map((m) => ({ month: m.label, NRR: m.nrr.value, GRR: m.grr.value })),
    cells: months.map((m) => ({ label: m.label, cells: [cell(m.nrr), cell(m.grr), String(m.nrr.n)] })),
    summary: last ? {
      month: last.label, nrr: pct(last.nrr.value as number), grr: pct(last.grr.value as number),
      minNrr: pct(Math.min(...nrrs)), maxNrr: pct(Math.max(...nrrs)),
    } : null,
  };
}
