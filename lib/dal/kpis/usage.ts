import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { addMonths, last30Days, startOfMonth, type Period } from '@/lib/kpi/period';
import { licenseUtilization } from '@/lib/kpi/rates';
import { usageDefs, usageSeriesDefs } from './definitions';
import { accountsInScope, checkAsOf, checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { monthlyWindows, num, orgToday } from './sql';
import { kpi, point, toSeries, type Kpi, type KpiSeries } from './types';

// MAU and license utilization: exact distinct users over the 30 days up to an as-of date, from usage_user_months
// (one active-day bitmask per account, user and month: at most two rows per user instead of up to 30 daily rows);
// their monthly trends come from usage_monthly (distinct users per calendar month, kept for long trends).

export type UsageKpis = { asOf: string; mau: Kpi; utilization: Kpi };

const NO_USAGE = 'No usage data has been received for this organization yet.';
const NO_SEATS = 'No account in scope has a licensed seat count.';

/** The as-of date: the one given, else today in the org's timezone, or the day before `endCap` if that is earlier. */
export async function resolveAsOf(ctx: TenantCtx, asOf: string | undefined, endCap: string | undefined): Promise<string> {
  if (asOf) return asOf;
  const today = endCap ? sql`least(${orgToday(ctx)}, ${endCap}::date - 1)` : orgToday(ctx);
  const [row] = await queryRows<{ d: string }>(db, sql`select to_char(${today}, 'YYYY-MM-DD') as d`);
  return row.d;
}

/** Bits first-1 … last-1 set (days first … last of a month); arithmetic, not `<<`, so day 31 stays a positive int4. */
const dayMask = (first: number, last: number): number => 2 ** last - 2 ** (first - 1);

/**
 * The 30 days up to `day` as (month, active-day mask) pairs, oldest first: one month, two, or three (1 March of a
 * non-leap year reaches back to 31 January). A user-month row counts when its bitmask meets the mask.
 */
function windowMonths(day: string): { month: string; mask: number }[] {
  const { start } = last30Days(day);
  const out: { month: string; mask: number }[] = [];
  for (let m = startOfMonth(start); m <= day; m = addMonths(m, 1)) {
    const first = m === startOfMonth(start) ? Number(start.slice(8, 10)) : 1;
    // 31 covers any month length: days past a month's end never have a bit set
    const last = m === startOfMonth(day) ? Number(day.slice(8, 10)) : 31;
    out.push({ month: m, mask: dayMask(first, last) });
  }
  return out;
}

/**
 * MAU and utilization as of `asOf` (default: today in the org's timezone, or the day before `endCap` if earlier);
 * no validation (callers check inputs). Months and masks go in as literals so the planner sees them.
 */
export async function queryUsageKpis(ctx: TenantCtx, scope: KpiScope, asOf?: string, endCap?: string): Promise<UsageKpis> {
  const day = await resolveAsOf(ctx, asOf, endCap);
  const months = windowMonths(day);
  const active = sql.join(
    months.map((m) => sql`(u.month = ${m.month}::date and u.active_days & ${m.mask}::int <> 0)`),
    sql` or `,
  );
  const rows = sql`select u.account_id from usage_user_months u
    where u.org_id = ${ctx.orgId} and (${active}) and ${scope.kind === 'org' ? sql`true` : inScope(ctx, scope, sql`u.account_id`)}`;
  // One month: a user has one row per account there, so rows are users. More: distinct (account, user) pairs first,
  // then users per account (two hash aggregates instead of a sort per account).
  const pairs = months.length === 1 ? rows : sql`${rows} group by u.account_id, u.user_key`;
  const [r] = await queryRows<Record<string, unknown>>(db, sql`
    with acc as (
      -- archived accounts leave the portfolio, but one account's own page still shows its usage
      select a.id, a.licensed_seats from accounts a where ${accountsInScope(ctx, scope, 'a', { portfolio: scope.kind !== 'account' })}
    ),
    pairs as (${pairs}),
    users as (select account_id, count(*) as users from pairs group by account_id)
    select exists (select 1 from usage_daily x where x.org_id = ${ctx.orgId}) as has_usage,
      coalesce(sum(users.users), 0)::int as mau,
      count(users.account_id)::int as active_accounts,
      coalesce(sum(users.users) filter (where acc.licensed_seats > 0), 0)::int as seat_users,
      coalesce(sum(acc.licensed_seats) filter (where acc.licensed_seats > 0), 0)::int as seats,
      count(*) filter (where acc.licensed_seats > 0)::int as seat_accounts
    from acc left join users on users.account_id = acc.id`);
  const hasUsage = r.has_usage === true;
  const seats = num(r.seats);
  const seatUsers = num(r.seat_users);
  return {
    asOf: day,
    mau: kpi(usageDefs.mau, hasUsage ? num(r.mau) : null, num(r.active_accounts), NO_USAGE),
    utilization: kpi(
      usageDefs.utilization,
      hasUsage ? licenseUtilization({ activeUsers: seatUsers, seats }) : null,
      num(r.seat_accounts),
      hasUsage ? NO_SEATS : NO_USAGE,
      { activeUsers: seatUsers, seats },
    ),
  };
}

/** MAU (distinct users, 30 days up to asOf) and license utilization % for the scope; asOf defaults to today in the org's timezone. */
export async function getUsageKpis(ctx: TenantCtx, scope: KpiScope = orgScope, asOf?: string): Promise<UsageKpis> {
  checkAsOf(asOf);
  await checkInputs(ctx, null, scope);
  return queryUsageKpis(ctx, scope, asOf);
}

/** Monthly series of active users and utilization from usage_monthly (calendar months), one query. */
export async function getUsageSeries(
  ctx: TenantCtx,
  period: Period,
  scope: KpiScope = orgScope,
): Promise<Record<keyof typeof usageSeriesDefs, KpiSeries>> {
  await checkInputs(ctx, period, scope);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${monthlyWindows(period)}),
    acc as (
      select a0.id, a0.licensed_seats from accounts a0
      where a0.org_id = ${ctx.orgId} and ${inScope(ctx, scope, sql`a0.id`, { portfolio: true })}
    )
    select win.w, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      exists (select 1 from usage_monthly x where x.org_id = ${ctx.orgId}) as has_usage,
      coalesce(sum(m.active_users), 0)::int as users,
      count(m.account_id) filter (where m.active_users > 0)::int as active_accounts,
      coalesce(sum(m.active_users) filter (where acc.licensed_seats > 0), 0)::int as seat_users,
      coalesce(sum(acc.licensed_seats) filter (where acc.licensed_seats > 0), 0)::int as seats,
      count(acc.id) filter (where acc.licensed_seats > 0)::int as seat_accounts
    from win left join acc on true
    left join usage_monthly m on m.org_id = ${ctx.orgId} and m.account_id = acc.id
      and m.month = date_trunc('month', win.w_start::timestamp)::date
    group by win.w, win.w_start, win.w_end
    order by win.w`);
  const buckets = rows.map((r) => {
    const range = { start: String(r.start), end: String(r.end) };
    const hasUsage = r.has_usage === true;
    const utilization = licenseUtilization({ activeUsers: num(r.seat_users), seats: num(r.seats) });
    return {
      mau: point(range, hasUsage ? num(r.users) : null, num(r.active_accounts), NO_USAGE),
      utilization: point(range, hasUsage ? utilization : null, num(r.seat_accounts), hasUsage ? NO_SEATS : NO_USAGE),
    };
  });
  return toSeries(usageSeriesDefs, buckets);
}
