import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { addMonths, startOfMonth, type Period } from '@/lib/kpi/period';
import { adoption } from '@/lib/kpi/rates';
import { usageDefs } from './definitions';
import { checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { monthlyWindows, num, orgToday, valuesWindows } from './sql';
import { kpi, point, type Kpi, type KpiSeries } from './types';

// Adoption per feature: of the accounts paying at the period end (not archived), the share whose users used the
// feature in the period. Tracked features are the org's setting, or every key used in the months of the last 90 days.

export type Adoption = {
  /** 'setting': the org's tracked feature keys; 'seen': every key used in the calendar months overlapping the 90 days before the period end. */
  tracked: 'setting' | 'seen';
  activeAccounts: number;
  features: (Kpi & { key: string })[];
  /** Why `features` is empty; null otherwise. */
  reason: string | null;
};

const NO_FEATURES = 'No feature is tracked: the organization tracks none, and no feature was used in the last 90 days.';
const NO_PAYING = 'No account is paying at the period end.';

/**
 * (w, account_id) for the scope's accounts paying at the end of each window of the `win` CTE (the last change dated
 * before the end is above 0), archived accounts left out: one LEAD pass over the revenue changes.
 */
const payingAtEnds = (ctx: TenantCtx, scope: KpiScope) => sql`
  select win.w, s.account_id from win join (
    select rc.account_id, rc.effective_date as d, rc.mrr,
      lead(rc.effective_date) over (partition by rc.account_id order by rc.effective_date, rc.recorded_at, rc.id) as next_date
    from revenue_changes rc
    where rc.org_id = ${ctx.orgId} and rc.effective_date < (select max(w_end) from win)
      and ${inScope(ctx, scope, sql`rc.account_id`, { portfolio: true })}
  ) s on s.d < win.w_end and (s.next_date is null or s.next_date >= win.w_end)
  where s.mrr > 0`;

export const configured = (ctx: TenantCtx) => sql`(select o.tracked_feature_keys is not null from organizations o where o.id = ${ctx.orgId})`;

/**
 * The tracked keys: the org's list, or else every key used in the calendar months that overlap the 90 days before
 * min(end, tomorrow), from usage_monthly (scanning 90 days of per-user JSON would cost seconds on a big org).
 */
export const trackedKeys = (ctx: TenantCtx, end: string) => {
  const until = sql`least(${end}::date, ${orgToday(ctx)} + 1)`;
  return sql`
    select k as key from organizations o cross join unnest(o.tracked_feature_keys) as k where o.id = ${ctx.orgId}
    union
    -- few distinct feature lists exist: deduplicate the lists before unnesting them
    select k.key from (
      select distinct m.features_used from usage_monthly m
      where m.org_id = ${ctx.orgId} and not ${configured(ctx)}
        and m.month >= date_trunc('month', (${until} - 90)::timestamp)::date and m.month < ${until}
    ) as lists cross join lateral unnest(lists.features_used) as k(key)`;
};

/** The whole calendar months inside a period, [first, end): usage_monthly answers for those, usage_daily for the rest. */
function wholeMonths(period: Period): { first: string; end: string } {
  const first = startOfMonth(period.start) === period.start ? period.start : addMonths(startOfMonth(period.start), 1);
  return { first, end: startOfMonth(period.end) };
}

/** Adoption % per tracked feature over the period for the scope; one query. */
export async function getAdoption(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<Adoption> {
  await checkInputs(ctx, period, scope);
  const whole = wholeMonths(period);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${valuesWindows([period])}),
    active as (${payingAtEnds(ctx, scope)}),
    tracked as (${trackedKeys(ctx, period.end)}),
    -- (account, feature) pairs used in the period: whole months from usage_monthly, partial ones from usage_daily
    pairs as (
      select m.account_id, k.key from usage_monthly m cross join lateral unnest(m.features_used) as k(key)
      where m.org_id = ${ctx.orgId} and m.month >= ${whole.first}::date and m.month < ${whole.end}::date
        and m.account_id in (select account_id from active)
      union
      select u.account_id, f.key from usage_daily u cross join lateral jsonb_each(u.features) as f(key, value)
      where u.org_id = ${ctx.orgId}
        and ((u.day >= ${period.start}::date and u.day < least(${whole.first}::date, ${period.end}::date))
          or (u.day >= greatest(${whole.end}::date, ${period.start}::date) and u.day < ${period.end}::date))
        and u.account_id in (select account_id from active)
        and case when jsonb_typeof(f.value) = 'number' then f.value::numeric > 0 else false end
    ),
    used as (select key, count(*) as accounts from pairs group by key)
    select t.key, coalesce(used.accounts, 0)::int as accounts, (select count(*) from active)::int as active,
      ${configured(ctx)} as configured
    from (select 1) as one left join tracked t on true left join used on used.key = t.key
    order by t.key`);
  const active = num(rows[0]?.active);
  const features = rows
    .filter((r) => r.key !== null)
    .map((r) => ({
      key: String(r.key),
      ...kpi(usageDefs.adoption, adoption({ accountsUsing: num(r.accounts), activeAccounts: active }), active, NO_PAYING, {
        accountsUsing: num(r.accounts),
      }),
    }));
  return {
    tracked: rows[0]?.configured === true ? 'setting' : 'seen',
    activeAccounts: active,
    features,
    reason: features.length === 0 ? NO_FEATURES : null,
  };
}

/** Monthly series of adoption % per tracked feature (usage_monthly features, calendar months), keyed by feature; one query. */
export async function getAdoptionSeries(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<Record<string, KpiSeries>> {
  await checkInputs(ctx, period, scope);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${monthlyWindows(period)}),
    active as (${payingAtEnds(ctx, scope)}),
    tracked as (${trackedKeys(ctx, period.end)}),
    -- usage_monthly holds each account's distinct keys per month, so count(*) counts accounts
    months as materialized (
      select m.account_id, m.month, m.features_used from usage_monthly m
      where m.org_id = ${ctx.orgId} and m.month >= date_trunc('month', ${period.start}::date::timestamp)::date and m.month < ${period.end}::date
    ),
    used as (
      select win.w, k.key, count(*) as accounts
      from win join months m on m.month = date_trunc('month', win.w_start::timestamp)::date
      join active a on a.w = win.w and a.account_id = m.account_id
      cross join lateral unnest(m.features_used) as k(key)
      group by win.w, k.key
    ),
    counts as (select w, count(*) as active from active group by w)
    select t.key, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      coalesce(used.accounts, 0)::int as accounts, coalesce(counts.active, 0)::int as active
    from tracked t cross join win
    left join used on used.w = win.w and used.key = t.key
    left join counts on counts.w = win.w
    order by t.key, win.w`);
  const series: Record<string, KpiSeries> = {};
  for (const r of rows) {
    const key = String(r.key);
    series[key] ??= { ...usageDefs.adoption, points: [] };
    const value = adoption({ accountsUsing: num(r.accounts), activeAccounts: num(r.active) });
    series[key].points.push(point({ start: String(r.start), end: String(r.end) }, value, num(r.active), NO_PAYING));
  }
  return series;
}
