import 'server-only';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import type { Period } from '@/lib/kpi/period';
import { queryOnboarding } from './onboarding';
import { queryRenewalKpis } from './renewals';
import { revenueKpisFrom, revenueWindowsOf, type Movements } from './revenue';
import { revenueFigures } from './revenue-sql';
import { checkAsOf, checkInputs, orgScope, type KpiScope } from './scope';
import { queryFirstContactResolution } from './support';
import type { Kpi } from './types';
import { queryUsageKpis } from './usage';

export type PortfolioCardKey =
  | 'arr' | 'mrr' | 'nrr' | 'grr' | 'logoChurn' | 'expansion' | 'quickRatio' | 'arpa' | 'ltv'
  | 'renewalRate' | 'renewalRateByValue' | 'mau' | 'utilization' | 'fcr' | 'onboarding' | 'onboardingDays';

/** The dashboard's card set for one period and scope; money in minor units of `currency`. */
export type PortfolioCards = {
  period: Period;
  scope: KpiScope;
  /** The as-of date of MAU and utilization (their 30 days end on it). */
  asOf: string;
  currency: string;
  cards: Record<PortfolioCardKey, Kpi>;
  movements: Kpi<Movements>;
  /** Renewals due in the period still pending, listed apart from the renewal rate. */
  renewalsPending: number;
};

/**
 * Every portfolio card for the org's scope and period in five independent queries run together (revenue with the
 * LTV windows, renewals, usage, tickets, onboarding). MAU and utilization are as of `asOf`, by default today in the
 * org's timezone or the period's last day if that is earlier.
 */
export async function getPortfolioCards(
  ctx: TenantCtx,
  period: Period,
  scope: KpiScope = orgScope,
  opts: { asOf?: string } = {},
): Promise<PortfolioCards> {
  checkAsOf(opts.asOf);
  await checkInputs(ctx, period, scope);
  const [figures, renewals, usage, fcr, onboarding] = await Promise.all([
    revenueFigures(ctx, scope, revenueWindowsOf(period)),
    queryRenewalKpis(ctx, period, scope),
    queryUsageKpis(ctx, scope, opts.asOf, period.end),
    queryFirstContactResolution(ctx, period, scope),
    queryOnboarding(ctx, period, scope),
  ]);
  const [f, ...ltvWindows] = figures;
  const revenue = revenueKpisFrom(f, ltvWindows);
  return {
    period,
    scope,
    asOf: usage.asOf,
    currency: revenue.currency,
    cards: {
      arr: revenue.arr,
      mrr: revenue.mrr,
      nrr: revenue.nrr,
      grr: revenue.grr,
      logoChurn: revenue.logoChurn,
      expansion: revenue.expansion,
      quickRatio: revenue.quickRatio,
      arpa: revenue.arpa,
      ltv: revenue.ltv,
      renewalRate: renewals.byCount,
      renewalRateByValue: renewals.byValue,
      mau: usage.mau,
      utilization: usage.utilization,
      fcr,
      onboarding: onboarding.completion,
      onboardingDays: onboarding.medianDays,
    },
    movements: revenue.movements,
    renewalsPending: renewals.pending,
  };
}
