import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { addDays, last30Days } from '@/lib/kpi/period';
import { percent } from '@/lib/kpi/rates';
import { configured, trackedKeys } from './adoption';
import { checkAsOf, checkInputs } from './scope';
import { num } from './sql';
import { resolveAsOf } from './usage';

// One account's feature use over the 30 days up to an as-of date, against the org's tracked features (its setting,
// or every key used in the months of the last 90 days, as in the portfolio's adoption).

/** One feature: how often the account's users used it in the 30 days. */
export type AccountFeatureUse = {
  key: string;
  /** One of the org's tracked features (untracked ones the account used are listed too, flagged). */
  tracked: boolean;
  /** Sum of the daily use counts. */
  uses: number;
  /** Distinct users who used it. */
  users: number;
  /** Days on which anyone used it. */
  days: number;
};

export type AccountFeatures = {
  asOf: string;
  /** 'setting': the org's tracked feature keys; 'seen': every key used in the calendar months of the last 90 days. */
  trackedFrom: 'setting' | 'seen';
  hasUsage: boolean;
  /** Tracked features first (most used first), then untracked ones. */
  features: AccountFeatureUse[];
  trackedCount: number;
  trackedUsed: number;
  /** trackedUsed ÷ trackedCount × 100 (the health score's feature adoption); null without usage or tracked features. */
  adoption: number | null;
  /** Why adoption is null; null otherwise. */
  reason: string | null;
};

/**
 * Features the account's users used in the 30 days up to asOf (default today, org timezone) with uses, users and
 * days, against the org's tracked features. NOT_FOUND for a foreign or malformed id; one query over usage_daily.
 */
export async function getAccountFeatureUse(ctx: TenantCtx, accountId: string, asOf?: string): Promise<AccountFeatures> {
  checkAsOf(asOf);
  await checkInputs(ctx, null, { kind: 'account', accountId });
  const day = await resolveAsOf(ctx, asOf, undefined);
  const window = last30Days(day);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with tracked as (${trackedKeys(ctx, addDays(day, 1))}),
    -- a CASE, not an AND: SQL may cast before it checks the type, and a non-numeric count must not fail the page
    counts as (
      select u.day, u.user_key, f.key, case when jsonb_typeof(f.value) = 'number' then f.value::numeric else 0 end as n
      from usage_daily u cross join lateral jsonb_each(u.features) as f(key, value)
      where u.org_id = ${ctx.orgId} and u.account_id = ${accountId}
        and u.day >= ${window.start}::date and u.day < ${window.end}::date
    ),
    used as (
      select key, sum(n) as uses, count(distinct user_key) as users, count(distinct day) as days
      from counts where n > 0 group by key
    ),
    features as (
      select coalesce(t.key, used.key) as key, t.key is not null as tracked,
        coalesce(used.uses, 0)::float8 as uses, coalesce(used.users, 0)::int as users, coalesce(used.days, 0)::int as days
      from tracked t full join used on used.key = t.key
    )
    select f.*, ${configured(ctx)} as configured, exists (select 1 from usage_daily x where x.org_id = ${ctx.orgId}) as has_usage
    from (select 1) as one left join features f on true
    order by f.tracked desc, f.uses desc, f.key`);
  const first = rows[0];
  const features = rows.filter((r) => r.key !== null).map((r): AccountFeatureUse => ({
    key: String(r.key), tracked: r.tracked === true, uses: num(r.uses), users: num(r.users), days: num(r.days),
  }));
  const tracked = features.filter((f) => f.tracked);
  const trackedUsed = tracked.filter((f) => f.uses > 0).length;
  const hasUsage = first?.has_usage === true;
  const reason = !hasUsage ? 'No usage data has been received for this organization yet.'
    : tracked.length === 0 ? 'The organization tracks no feature, and no feature was used in the last 90 days.' : null;
  return {
    asOf: day,
    trackedFrom: first?.configured === true ? 'setting' : 'seen',
    hasUsage,
    features,
    trackedCount: tracked.length,
    trackedUsed,
    adoption: reason ? null : percent(trackedUsed, tracked.length),
    reason,
  };
}
