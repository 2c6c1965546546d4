// The read side of the KPI engine (DESIGN.md "KPIs"): per org, per period and scope, aggregated in SQL; the
// arithmetic on the sums lives in lib/kpi. Every function takes the TenantCtx first and filters by its org.
export { getAdoption, getAdoptionSeries, type Adoption } from './adoption';
export { getKpiClock, type KpiClock } from './clock';
export { getOnboarding, getOnboardingSeries } from './onboarding';
export { getPortfolioCards, type PortfolioCardKey, type PortfolioCards } from './portfolio';
export { getQuarterlyRenewedArr, getRenewalKpis, getRenewalSeries, type RenewalKpis } from './renewals';
export { getRevenueKpis, getRevenueSeries, type Movements, type RevenueKpis, type RevenueSeries } from './revenue';
export { orgScope, type KpiScope, type Segment } from './scope';
export { getFirstContactResolution, getFirstContactResolutionSeries } from './support';
export type { Kpi, KpiBasis, KpiDefinition, KpiPoint, KpiSeries, KpiUnit } from './types';
export { getUsageKpis, getUsageSeries, type UsageKpis } from './usage';
export { getBiggestMoves, getUpcomingRenewals, type AccountMove, type UpcomingRenewal } from './lists';
export { getAccountActiveDays, getAccountUsageTrend, type AccountUsageMonth, type AccountUsageTrend } from './account-usage';
export { getAccountFeatureUse, type AccountFeatureUse, type AccountFeatures } from './account-features';
