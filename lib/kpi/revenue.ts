// Revenue KPIs (DESIGN.md "KPIs"). MRR amounts are integer minor units of the org's currency; rates
// are percentages at full precision; "no data" is null.
import { percent } from './rates';

export type MovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

/** Kind of one revenue change from previousMrr to newMrr (minor units); null when the MRR did not change. */
export function classifyMovement(
  previousMrr: number,
  newMrr: number,
  hadEarlierSubscription: boolean,
): MovementKind | null {
  if (previousMrr < 0 || newMrr < 0) throw new RangeError('MRR cannot be negative');
  if (newMrr === previousMrr) return null;
  if (previousMrr === 0) return hadEarlierSubscription ? 'reactivation' : 'new';
  if (newMrr === 0) return 'churn';
  return newMrr > previousMrr ? 'expansion' : 'contraction';
}

export type MrrChange = { previousMrr: number; newMrr: number; hadEarlierSubscription: boolean };

/** Movement sums in minor units, each ≥ 0; net = new + expansion + reactivation − contraction − churn. */
export type MovementTotals = {
  newMrr: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  net: number;
};

const totalsKey: Record<MovementKind, Exclude<keyof MovementTotals, 'net'>> = {
  new: 'newMrr',
  expansion: 'expansion',
  contraction: 'contraction',
  churn: 'churn',
  reactivation: 'reactivation',
};

/** Movement sums of revenue changes (minor units, each ≥ 0); net = Σ (newMrr − previousMrr); all 0 when empty. */
export function sumMovements(changes: readonly MrrChange[]): MovementTotals {
  const totals: MovementTotals = { newMrr: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, net: 0 };
  for (const { previousMrr, newMrr, hadEarlierSubscription } of changes) {
    const kind = classifyMovement(previousMrr, newMrr, hadEarlierSubscription);
    if (kind === null) continue;
    totals[totalsKey[kind]] += Math.abs(newMrr - previousMrr);
    totals.net += newMrr - previousMrr;
  }
  return totals;
}

/** Net revenue retention %: Σ cohort end MRR ÷ Σ cohort start MRR; null when the cohort's start MRR is 0. */
export const nrr = ({ startMrr, endMrr }: { startMrr: number; endMrr: number }) => percent(endMrr, startMrr);

/** Gross revenue retention %: Σ min(end, start) ÷ Σ start MRR over the cohort (≤ 100); null when start MRR is 0. */
export const grr = ({ startMrr, cappedEndMrr }: { startMrr: number; cappedEndMrr: number }) =>
  percent(cappedEndMrr, startMrr);

/** Gross revenue churn % = 100 − GRR; null when GRR is null. */
export const grossRevenueChurn = (grrPercent: number | null) => (grrPercent === null ? null : 100 - grrPercent);

/** ARR in minor units = MRR × 12; null stays null. */
export const arr = (mrr: number | null) => (mrr === null ? null : mrr * 12);

/** Average revenue per account in minor units (unrounded) = MRR ÷ active accounts; null when no active account. */
export const arpa = ({ mrr, activeAccounts }: { mrr: number; activeAccounts: number }) =>
  activeAccounts === 0 ? null : mrr / activeAccounts;

/** LTV in minor units (unrounded) = ARPA ÷ mean of the last 6 monthly logo churn % as a fraction; null if that mean is 0 or unknown. */
export function ltv({ arpa, monthlyChurnRates }: { arpa: number | null; monthlyChurnRates: readonly (number | null)[] }) {
  // Rates oldest first. A null month (no start cohort) is skipped, not counted as 0 %, which would inflate LTV.
  const rates = monthlyChurnRates.slice(-6).filter((r): r is number => r !== null);
  if (arpa === null || rates.length === 0) return null;
  const meanFraction = rates.reduce((a, b) => a + b, 0) / rates.length / 100;
  return meanFraction === 0 ? null : arpa / meanFraction;
}

/** Quick ratio (unitless) = (new + expansion + reactivation) ÷ (contraction + churn) MRR; null when nothing was lost. */
export function quickRatio(m: Pick<MovementTotals, 'newMrr' | 'expansion' | 'reactivation' | 'contraction' | 'churn'>) {
  const lost = m.contraction + m.churn;
  return lost === 0 ? null : (m.newMrr + m.expansion + m.reactivation) / lost;
}

/** Textbook expansion MRR (minor units) = end − start − new MRR; valid only if nothing churned, contracted or reactivated. */
export const expansionShortcut = ({ endMrr, startMrr, newMrr }: { endMrr: number; startMrr: number; newMrr: number }) =>
  endMrr - startMrr - newMrr;

export type RevenueChangeRow = { accountId: string; effectiveDate: string; recordedAt: number; mrr: number };

/** Sums over a period in minor units; the cohort is the accounts with MRR > 0 at the start. */
export type HistoryFigures = {
  movements: MovementTotals;
  startMrr: number;
  endMrr: number;
  activeAccountsAtEnd: number;
  cohort: { size: number; churned: number; startMrr: number; endMrr: number; cappedEndMrr: number };
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const byEffectiveOrder = (a: RevenueChangeRow, b: RevenueChangeRow) =>
  a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.recordedAt - b.recordedAt;

/** Reference replay for SQL tests: movements in [start, end), MRR at start and end and the start cohort, in minor units. */
export function movementsFromHistory(
  changes: readonly RevenueChangeRow[],
  period: { start: string; end: string },
): HistoryFigures {
  for (const d of [period.start, period.end, ...changes.map((c) => c.effectiveDate)]) {
    if (!isoDate.test(d)) throw new RangeError(`Not a YYYY-MM-DD date: ${d}`);
  }
  if (period.start > period.end) throw new RangeError('The period starts after it ends');
  const byAccount = new Map<string, RevenueChangeRow[]>();
  for (const c of changes) {
    const rows = byAccount.get(c.accountId);
    if (rows) rows.push(c);
    else byAccount.set(c.accountId, [c]);
  }

  // Per account, by effective date then recordedAt: MRR at start/end is the value after every change dated before
  // start/end (0 with none); changes dated inside [start, end) are the movements.
  const inPeriod: MrrChange[] = [];
  const figures = { startMrr: 0, endMrr: 0, activeAccountsAtEnd: 0 };
  const cohort = { size: 0, churned: 0, startMrr: 0, endMrr: 0, cappedEndMrr: 0 };
  for (const rows of byAccount.values()) {
    let mrr = 0;
    let atStart = 0;
    let everPaid = false;
    for (const row of rows.sort(byEffectiveOrder)) {
      if (row.effectiveDate >= period.end) break;
      if (row.effectiveDate < period.start) atStart = row.mrr;
      else inPeriod.push({ previousMrr: mrr, newMrr: row.mrr, hadEarlierSubscription: everPaid });
      mrr = row.mrr;
      everPaid ||= mrr > 0;
    }
    figures.startMrr += atStart;
    figures.endMrr += mrr;
    if (mrr > 0) figures.activeAccountsAtEnd += 1;
    // Only the start cohort counts for retention: an account that churned and came back is judged by its end
    // MRR (not churned); one that started inside the period is not in the cohort at all.
    if (atStart > 0) {
      cohort.size += 1;
      if (mrr === 0) cohort.churned += 1;
      cohort.startMrr += atStart;
      cohort.endMrr += mrr;
      cohort.cappedEndMrr += Math.min(mrr, atStart);
    }
  }
  return { movements: sumMovements(inPeriod), ...figures, cohort };
}
