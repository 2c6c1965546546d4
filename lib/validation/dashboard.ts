import { z } from 'zod';
import { segmentEnum } from '@/db/schema/enums';
import { addDays, customPeriod, daysBetween, periodOf, trailingMonths, type Period } from '@/lib/kpi/period';
import { isoDateSchema } from './accounts';

// The dashboard's search params: which period and whose accounts. A bad value falls back to its default, so a
// hand-edited URL still shows a dashboard; an invalid custom range says why next to its date fields.

export const DASHBOARD_PERIODS = ['last12', 'this_month', 'last_month', 'this_quarter', 'last_quarter', 'custom'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export const DASHBOARD_PERIOD_LABELS: Record<DashboardPeriod, string> = {
  last12: 'Last 12 months',
  this_month: 'This month',
  last_month: 'Last month',
  this_quarter: 'This quarter',
  last_quarter: 'Last quarter',
  custom: 'Custom range',
};

export const DASHBOARD_SCOPES = ['all', 'mine', ...segmentEnum.enumValues] as const;
export type DashboardScope = (typeof DASHBOARD_SCOPES)[number];

export const DASHBOARD_SCOPE_LABELS: Record<DashboardScope, string> = {
  all: 'All accounts',
  mine: 'My accounts',
  enterprise: 'Segment: Enterprise',
  mid_market: 'Segment: Mid-market',
  smb: 'Segment: SMB',
};

/** The longest custom range: the KPI series has one bucket per month, and ten years is plenty. */
const MAX_CUSTOM_DAYS = 3660;

const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), isoDateSchema.optional()).catch(undefined);

const dashboardParamsSchema = z.object({
  period: z.enum(DASHBOARD_PERIODS).default('last12').catch('last12'),
  scope: z.enum(DASHBOARD_SCOPES).default('all').catch('all'),
  from: optionalDate,
  to: optionalDate,
});

export type DashboardParams = z.infer<typeof dashboardParamsSchema>;

/** Parses the dashboard's search params (first value of repeated ones); anything invalid falls back to its default. */
export function parseDashboardParams(raw: Record<string, string | string[] | undefined> | undefined): DashboardParams {
  const first = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return dashboardParamsSchema.parse(first);
}

export type ResolvedPeriod = {
  period: Period;
  /** The choice actually used (custom falls back to last12 when its dates are missing or wrong). */
  choice: DashboardPeriod;
  /** Why the custom range was not used, shown next to its date fields. */
  customError: string | null;
};

/** The period of a choice as of the org's `today`; a custom range runs from `from` to `to` inclusive. */
export function resolveDashboardPeriod(p: DashboardParams, today: string): ResolvedPeriod {
  switch (p.period) {
    case 'this_month': return { period: periodOf('month', today), choice: 'this_month', customError: null };
    case 'last_month': return { period: periodOf('month', addDays(periodOf('month', today).start, -1)), choice: 'last_month', customError: null };
    case 'this_quarter': return { period: periodOf('quarter', today), choice: 'this_quarter', customError: null };
    case 'last_quarter': return { period: periodOf('quarter', addDays(periodOf('quarter', today).start, -1)), choice: 'last_quarter', customError: null };
    case 'custom': {
      const error = !p.from || !p.to ? 'Enter both dates as YYYY-MM-DD.'
        : p.from > p.to ? 'The start date must not be after the end date.'
          : daysBetween(p.from, p.to) >= MAX_CUSTOM_DAYS ? 'Choose a range of at most ten years.' : null;
      if (error === null) return { period: customPeriod(p.from!, addDays(p.to!, 1)), choice: 'custom', customError: null };
      return { period: trailingMonths(today, 12), choice: 'last12', customError: error };
    }
    default: return { period: trailingMonths(today, 12), choice: 'last12', customError: null };
  }
}
