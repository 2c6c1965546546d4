import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { addMonths, monthlyBuckets, startOfMonth, type DateRange, type Period } from '@/lib/kpi/period';

// Shared SQL pieces of the KPI queries. A "windows" query yields (w int, w_start date, w_end date): the periods a
// query aggregates over in one round trip: one period, a period plus trailing windows, or a monthly series.

/** The org's IANA timezone, as a scalar subquery. */
export const orgTimezone = (ctx: TenantCtx): SQL => sql`(select o.timezone from organizations o where o.id = ${ctx.orgId})`;

/** The org's currency, as a scalar subquery. */
export const orgCurrency = (ctx: TenantCtx): SQL => sql`(select o.currency from organizations o where o.id = ${ctx.orgId})`;

/** Today's date in the org's timezone. */
export const orgToday = (ctx: TenantCtx): SQL => sql`(now() at time zone ${orgTimezone(ctx)})::date`;

/** The instant a calendar date (a date-valued SQL expression) begins in the org's timezone. */
export const startOfDay = (ctx: TenantCtx, date: SQL): SQL => sql`((${date})::timestamp at time zone ${orgTimezone(ctx)})`;

/** Windows from explicit ranges, numbered `first`, first + 1, … in order. */
export function valuesWindows(ranges: readonly DateRange[], first = 0): SQL {
  const rows = ranges.map((r, i) => sql`(${i + first}::int, ${r.start}::date, ${r.end}::date)`);
  return sql`select * from (values ${sql.join(rows, sql`, `)}) as v(w, w_start, w_end)`;
}

/**
 * The calendar months overlapping the period, clipped to it (lib/kpi/period monthlyBuckets), numbered 0..; `lead`
 * whole months before them are numbered −lead..−1 (LTV needs the churn rates of the months before the first bucket).
 * A VALUES list rather than generate_series: PostgreSQL then knows the row count, where generate_series over
 * timestamps is guessed at 1000 rows, which inflated plan costs past jit_above_cost and spent ~0.4 s compiling.
 */
export function monthlyWindows(period: Period, lead = 0): SQL {
  const first = startOfMonth(period.start);
  const before = Array.from({ length: lead }, (_, i) => ({ start: addMonths(first, i - lead), end: addMonths(first, i - lead + 1) }));
  return valuesWindows([...before, ...monthlyBuckets(period)], -lead);
}

/** A count or sum from either driver (postgres.js returns int8/numeric as strings, PGlite may return bigint). */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Like num, but null stays null (a median over nothing). */
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
