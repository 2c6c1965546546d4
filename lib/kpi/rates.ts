// Rate KPIs (DESIGN.md "KPIs"). SQL produces the counts; these turn them into percentages at full
// precision. "No data" is null, never 0: a rate over nothing is unknown, not zero.

/** numerator ÷ denominator × 100 at full precision; null when either is null or the denominator is 0. */
export function percent(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  // Scale first: with integer inputs numerator × 100 is exact, so the one division rounds once (1100/1000 → 110).
  return (numerator * 100) / denominator;
}

/** Logo churn % of the start cohort (cohort accounts at MRR 0 at the period end); null for an empty cohort. */
export const logoChurnRate = ({ cohortSize, churnedInCohort }: { cohortSize: number; churnedInCohort: number }) =>
  percent(churnedInCohort, cohortSize);

/** % of closed tickets resolved on first contact; null when no ticket was closed. */
export const firstContactResolution = (t: { resolvedFirstContact: number; closed: number }) =>
  percent(t.resolvedFirstContact, t.closed);

// Uncapped as a KPI: over 100 % shows over-use (the health factor caps it). A group passes Σ active users and Σ seats
// over the accounts that have seats.
/** License utilization %: distinct active users in 30 days ÷ licensed seats, uncapped; null when there are no seats. */
export const licenseUtilization = ({ activeUsers, seats }: { activeUsers: number; seats: number | null }) =>
  percent(activeUsers, seats);

/** Feature adoption %: accounts that used the feature in the period ÷ active accounts; null when no active account. */
export const adoption = ({ accountsUsing, activeAccounts }: { accountsUsing: number; activeAccounts: number }) =>
  percent(accountsUsing, activeAccounts);

/** % of accounts that completed onboarding; null when there is no account. */
export const onboardingCompletion = ({ completed, total }: { completed: number; total: number }) =>
  percent(completed, total);

/** Median in the values' own units (e.g. days to onboard); null when empty; an even count gives the mean of the middle two. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
