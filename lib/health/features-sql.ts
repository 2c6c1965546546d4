import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { ofPairAccounts, type Pairs } from './inputs-sql';

// Feature adoption inputs. Which features count as tracked depends on the as-of day (the org's list, or every key
// used in the 90 days before it), so a small first statement reads each day's tracked keys (readPairDays); the
// inputs statement then counts, per pair, the tracked keys whose usage_feature_months day mask meets the window.

/**
 * What the inputs statement needs to know of its pairs up front: each distinct as-of day's tracked keys (the org's
 * list, or every key used in the months overlapping the 90 days up to the day: usage_feature_keys, a few rows per
 * month), the first and last day and the earliest instant. Passed to the inputs statement as values, so the planner
 * sees real date ranges rather than subquery parameters. Null without pairs.
 */
export type PairDays = { tracked: Map<string, string[]>; lo: string; hi: string; atLo: string };

export async function readPairDays(tx: Tx, orgId: string, pairs: SQL): Promise<PairDays | null> {
  const rows = await queryRows<{ day: string; keys: string[] | null; at_lo: string }>(tx, sql`
    with p as materialized (${pairs}),
    dd as (select distinct p.day from p),
    seen as (
      select dd.day, array_agg(distinct k.feature_key) as keys from dd
      join usage_feature_keys k on k.org_id = ${orgId}::uuid and k.month >= date_trunc('month', (dd.day - 89)::timestamp)::date and k.month <= dd.day
      group by dd.day
    )
    select to_char(dd.day, 'YYYY-MM-DD') as day, (select min(p.at) from p)::text as at_lo,
      coalesce((select o.tracked_feature_keys from organizations o where o.id = ${orgId}::uuid), seen.keys, '{}') as keys
    from dd left join seen on seen.day = dd.day order by dd.day`);
  if (rows.length === 0) return null;
  return { tracked: new Map(rows.map((r) => [r.day, r.keys ?? []])), lo: rows[0].day, hi: rows[rows.length - 1].day, atLo: rows[0].at_lo };
}

/**
 * The CTEs `tracked` (per as-of day: its tracked keys and how many) and `feats` (per pair: tracked features used in
 * the 30 days up to the day). Needs the usage CTEs `pm` (pair × month with the window masks) and `ids`.
 */
export function featureCtes(orgId: string, pairs: Pairs, { tracked, lo, hi }: PairDays): SQL {
  const universe = [...new Set([...tracked.values()].flat())];
  const days = [...tracked].map(([d, keys]) => ({ d, n: keys.length, k: keys }));
  return sql`tracked as materialized (select t.d, t.n, array(select jsonb_array_elements_text(t.k)) as keys
    from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as t(d date, n int, k jsonb)),
  fm as materialized (
    select f.account_id, f.month, f.feature_key, f.active_days from usage_feature_months f
    where f.org_id = ${orgId}::uuid and ${ofPairAccounts(pairs, sql`f.account_id`)}
      and f.feature_key in (select jsonb_array_elements_text(${JSON.stringify(universe)}::jsonb))
      and f.month >= date_trunc('month', (${lo}::date - 29)::timestamp)::date and f.month <= ${hi}::date
  ),
  feats as materialized (
    select pm.account_id, pm.day, count(distinct fm.feature_key)::int as used
    from pm join tracked t on t.d = pm.day
    join fm on fm.account_id = pm.account_id and fm.month = pm.month and fm.active_days & pm.m30 <> 0 and fm.feature_key = any(t.keys)
    group by pm.account_id, pm.day
  )`;
}
