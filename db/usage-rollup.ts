import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './index';

/** The (account_id, month) pairs to recompute, as JSON rows: the months an ingestion touched. */
export const touchedPairs = (pairs: readonly { accountId: string; month: string }[]): SQL =>
  sql`select p.account_id, p.month from json_to_recordset(${JSON.stringify(pairs.map((p) => ({ account_id: p.accountId, month: p.month })))}::json) as p(account_id uuid, month date)`;

// The (account, month) pairs of the org with per-user rows from `month` on, with or without a monthly row already.
const monthsSince = (orgId: string, month: string, monthly: 'missing' | 'present'): SQL =>
  sql`select distinct d.account_id, date_trunc('month', d.day)::date as month from usage_daily d
    where d.org_id = ${orgId}::uuid and d.day >= ${month}::date
      and ${monthly === 'missing' ? sql`not exists` : sql`exists`} (select 1 from usage_monthly m where m.org_id = d.org_id and m.account_id = d.account_id and m.month = date_trunc('month', d.day)::date)`;

/**
 * Every (account, month) of the org with per-user rows from `month` on that has no monthly row yet:
 * the demo seed, after its bulk insert (estimated months it inserted first are left alone).
 */
export const newMonthsSince = (orgId: string, month: string): SQL => monthsSince(orgId, month, 'missing');

/**
 * The (account, month) pairs with per-user rows from `month` on that already have a (estimated) monthly row:
 * the demo seed fills only their per-user months, before newMonthsSince's full roll-up.
 */
export const estimatedMonthsSince = (orgId: string, month: string): SQL => monthsSince(orgId, month, 'present');

/**
 * The per-user and per-feature month rows of the touched pairs from `src` (usage_daily rows with their month):
 * one bit per active day (bit d-1 = day d; 31 days fit a positive integer), and the org's keys per month, as the
 * data-modifying CTEs `user_months`, `feature_months` and `feature_keys`. Upserted, not replaced: daily rows are
 * only ever added or merged, so a user (or feature) once active in a month stays so; deletes cascade.
 */
const upsertMonthBits = (orgId: string): SQL => sql`
  user_months as (
    insert into usage_user_months as um (org_id, account_id, month, user_key, active_days)
    select ${orgId}::uuid, account_id, month, user_key, bit_or(1 << (extract(day from day)::int - 1))
    from src group by account_id, month, user_key
    on conflict (org_id, account_id, month, user_key) do update set active_days = excluded.active_days
  ),
  src_keys as (select src.account_id, src.month, src.day, f.key from src cross join lateral jsonb_object_keys(src.features) as f(key)),
  feature_months as (
    insert into usage_feature_months as fm (org_id, account_id, month, feature_key, active_days)
    select ${orgId}::uuid, account_id, month, key, bit_or(1 << (extract(day from day)::int - 1))
    from src_keys group by account_id, month, key
    on conflict (org_id, account_id, month, feature_key) do update set active_days = excluded.active_days
  ),
  feature_keys as (
    insert into usage_feature_keys (org_id, month, feature_key)
    select distinct ${orgId}::uuid, month, key from src_keys
    on conflict do nothing
  )`;

/** The usage_daily rows of the touched (account, month) pairs, with their month: the source of both roll-ups. */
const touchedRows = (orgId: string, touched: SQL): SQL => sql`
  t as (${touched}),
  src as (
    select d.*, t.month from t
    join usage_daily d on d.org_id = ${orgId}::uuid and d.account_id = t.account_id
      and d.day >= t.month and d.day < (t.month + interval '1 month')::date
  )`;

/**
 * Rewrites usage_monthly, usage_user_months, usage_feature_months and usage_feature_keys for the given
 * (account, month) pairs from usage_daily: distinct active users, distinct active days, summed sessions and
 * events, the distinct feature keys used, each user's and each feature's active-day bitmask. One statement
 * (the month upserts are data-modifying CTEs, so `touched` is evaluated once, before any table changes),
 * set-based. Days are already the org's local dates, so a month is a plain date range.
 */
export async function recomputeUsageMonthly(tx: Tx, orgId: string, touched: SQL): Promise<void> {
  await tx.execute(sql`
    with ${touchedRows(orgId, touched)},
    ${upsertMonthBits(orgId)},
    sums as (
      select account_id, month, count(distinct user_key)::int as active_users, count(distinct day)::int as active_days,
        sum(sessions)::int as sessions, sum(events)::int as events
      from src group by account_id, month
    ),
    feats as (select account_id, month, array_agg(distinct key order by key) as keys from src_keys group by account_id, month)
    insert into usage_monthly as m (org_id, account_id, month, active_users, active_days, sessions, events, features_used)
    select ${orgId}::uuid, s.account_id, s.month, s.active_users, s.active_days, s.sessions, s.events, coalesce(f.keys, '{}')
    from sums s left join feats f on f.account_id = s.account_id and f.month = s.month
    on conflict (org_id, account_id, month) do update set
      active_users = excluded.active_users, active_days = excluded.active_days, sessions = excluded.sessions,
      events = excluded.events, features_used = excluded.features_used`);
}

/**
 * Only the month bitmasks and feature keys for the given pairs: for rows written straight into
 * usage_daily (test fixtures, the demo seed's estimated months), where usage_monthly is set up separately.
 */
export async function recomputeUsageUserMonths(tx: Tx, orgId: string, touched: SQL): Promise<void> {
  await tx.execute(sql`with ${touchedRows(orgId, touched)}, ${upsertMonthBits(orgId)} select 1`);
}

/** The org's feature keys per month from its usage_monthly rows: for monthly rows inserted as they are (the demo seed's estimates). */
export async function recordMonthlyFeatureKeys(tx: Tx, orgId: string): Promise<void> {
  await tx.execute(sql`insert into usage_feature_keys (org_id, month, feature_key)
    select distinct m.org_id, m.month, k.key from usage_monthly m cross join lateral unnest(m.features_used) as k(key)
    where m.org_id = ${orgId}::uuid
    on conflict do nothing`);
}
