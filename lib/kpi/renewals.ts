// Renewal KPIs (DESIGN.md "KPIs"): over the renewals due in the period whose outcome is decided. Pending
// renewals are counted apart ("n pending") by the caller and never passed here. ARR is in minor units.
import { percent } from './rates';

/** A decided renewal: ARR up for renewal and ARR renewed (0 when churned), both in minor units. */
export type RenewalRow = { arrDue: number; renewedArr: number };

/** Renewal rate by count, %: (renewed + downgraded) ÷ decided renewals; null when none is decided. */
export const renewalRate = (r: { renewed: number; downgraded: number; churned: number }) =>
  percent(r.renewed + r.downgraded, r.renewed + r.downgraded + r.churned);

/** Renewal rate by value, %: Σ min(renewed ARR, ARR due) ÷ Σ ARR due (≤ 100); null when nothing was due. */
export const renewalRateByValue = (rows: readonly RenewalRow[]) =>
  percent(sum(rows, (r) => Math.min(r.renewedArr, r.arrDue)), sum(rows, (r) => r.arrDue));

/** Quarterly renewed ARR, %: Σ renewed ÷ Σ ARR due, uncapped (expansion can take it over 100); null when nothing was due. */
export const quarterlyRenewedArr = (rows: readonly RenewalRow[]) =>
  percent(sum(rows, (r) => r.renewedArr), sum(rows, (r) => r.arrDue));

const sum = (rows: readonly RenewalRow[], f: (r: RenewalRow) => number) => rows.reduce((t, r) => t + f(r), 0);
