import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { addDays, addMonths, customPeriod, startOfMonth } from '@/lib/kpi/period';
import { licenseUtilization } from '@/lib/kpi/rates';
import { checkAsOf, checkInputs } from './scope';
import { monthlyWindows, num, numOrNull, startOfDay } from './sql';
import { resolveAsOf } from './usage';

// One account's usage for its page: the last 12 calendar months from usage_monthly with the seats licensed at each
// month's end, and the days with any active user in the last 28 days. MAU and utilization over 30 days come from
// getUsageKpis with the account scope.

/** One calendar month of an account: users and sessions from usage_monthly, seats at the month's end. */
export type AccountUsageMonth = {
  /** First day of the month (YYYY-MM-DD). */
  month: string;
  /** Distinct active users in the month; null when the org has never sent usage. */
  activeUsers: number | null;
  sessions: number | null;
  /** Licensed seats at the month's end (the current month: now); null when the account had no seat count. */
  seats: number | null;
  /** Where `seats` comes from: a dated seats.changed event, or the current value (no seat change was recorded). */
  seatsFrom: 'history' | 'current';
  /** activeUsers ÷ seats × 100; null without usage or seats. */
  utilization: number | null;
};

export type AccountUsageTrend = { asOf: string; hasUsage: boolean; months: AccountUsageMonth[] };

const MONTHS = 12;

/**
 * The account's last 12 calendar months up to `asOf` (default today in the org's timezone), oldest first. Seats at a
 * month's end: the `to` of the last seats.changed event before it, else the `from` of the first one after it, else
 * the account's current seat count. NOT_FOUND for a foreign or malformed id; one query.
 */
export async function getAccountUsageTrend(ctx: TenantCtx, accountId: string, asOf?: string): Promise<AccountUsageTrend> {
  checkAsOf(asOf);
  await checkInputs(ctx, null, { kind: 'account', accountId });
  const day = await resolveAsOf(ctx, asOf, undefined);
  const first = addMonths(startOfMonth(day), -(MONTHS - 1));
  const period = customPeriod(first, addMonths(startOfMonth(day), 1));
  // the seats in effect at the end of a month, or now for the month that contains asOf
  const cut = startOfDay(ctx, sql`least(win.w_end, ${addDays(day, 1)}::date)`);
  const seatEvents = sql`account_events e where e.org_id = ${ctx.orgId} and e.account_id = a.id and e.kind = 'seats.changed'`;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${monthlyWindows(period)})
    select to_char(win.w_start, 'YYYY-MM-DD') as month,
      exists (select 1 from usage_monthly x where x.org_id = ${ctx.orgId}) as has_usage,
      coalesce(m.active_users, 0) as active_users, coalesce(m.sessions, 0) as sessions,
      before.seats as seats_before, before.found as has_before, after.seats as seats_after, after.found as has_after,
      a.licensed_seats as seats_now
    from win
    join accounts a on a.org_id = ${ctx.orgId} and a.id = ${accountId}
    left join usage_monthly m on m.org_id = ${ctx.orgId} and m.account_id = a.id and m.month = win.w_start
    left join lateral (select (e.data->>'to')::int as seats, true as found from ${seatEvents} and e.occurred_at < ${cut}
      order by e.occurred_at desc, e.id desc limit 1) before on true
    left join lateral (select (e.data->>'from')::int as seats, true as found from ${seatEvents} and e.occurred_at >= ${cut}
      order by e.occurred_at, e.id limit 1) after on true
    order by win.w`);
  const hasUsage = rows[0]?.has_usage === true;
  return {
    asOf: day,
    hasUsage,
    months: rows.map((r): AccountUsageMonth => {
      const history = r.has_before === true || r.has_after === true;
      const seats = r.has_before === true ? numOrNull(r.seats_before) : r.has_after === true ? numOrNull(r.seats_after) : numOrNull(r.seats_now);
      const users = hasUsage ? num(r.active_users) : null;
      return {
        month: String(r.month),
        activeUsers: users,
        sessions: hasUsage ? num(r.sessions) : null,
        seats,
        seatsFrom: history ? 'history' : 'current',
        utilization: users === null || seats === null ? null : licenseUtilization({ activeUsers: users, seats }),
      };
    }),
  };
}

/** Days in the 28 up to asOf (default today, org timezone) on which any user of the account was active; null when the org never sent usage. */
export async function getAccountActiveDays(ctx: TenantCtx, accountId: string, asOf?: string): Promise<{ asOf: string; days: number | null }> {
  checkAsOf(asOf);
  await checkInputs(ctx, null, { kind: 'account', accountId });
  const day = await resolveAsOf(ctx, asOf, undefined);
  const [r] = await queryRows<Record<string, unknown>>(db, sql`
    select exists (select 1 from usage_daily x where x.org_id = ${ctx.orgId}) as has_usage,
      (select count(distinct u.day)::int from usage_daily u
        where u.org_id = ${ctx.orgId} and u.account_id = ${accountId}
          and u.day >= ${addDays(day, -27)}::date and u.day <= ${day}::date) as days`);
  return { asOf: day, days: r.has_usage === true ? num(r.days) : null };
}
