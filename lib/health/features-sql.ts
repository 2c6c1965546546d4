import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';

// Feature adoption inputs. Expanding every per-user row's JSON keys (jsonb_object_keys) cost ~2 s over 30 days of a
// 10,000-account org; testing the tracked keys with `?` into a bitmask is ~5× cheaper, but needs the keys up front.
// So a small first statement reads each as-of day's tracked keys; the inputs statement then gets per-day masks.

const GROUP = 62; // keys per bigint mask (bits 0–61; bit 63 is the sign)

/** The tracked keys per distinct day of the pairs: the org's list, or every key used in the months overlapping the 90 days up to the day. */
export async function trackedKeysByDay(tx: Tx, orgId: string, pairs: SQL): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ day: string; keys: string[] | null }>(tx, sql`
    with dd as (select distinct p.day from (${pairs}) p),
    seen as (
      select x.day, array_agg(distinct k.key) as keys from (
        select distinct dd.day, m.features_used from dd
        join usage_monthly m on m.org_id = ${orgId}::uuid and m.month >= date_trunc('month', (dd.day - 89)::timestamp)::date and m.month <= dd.day
      ) x cross join lateral unnest(x.features_used) as k(key) group by x.day
    )
    select to_char(dd.day, 'YYYY-MM-DD') as day,
      coalesce((select o.tracked_feature_keys from organizations o where o.id = ${orgId}::uuid), seen.keys, '{}') as keys
    from dd left join seen on seen.day = dd.day`);
  return new Map(rows.map((r) => [r.day, r.keys ?? []]));
}

/**
 * The CTEs `fd` (per account and day: which of the tracked keys were used, as bigint masks g0, g1, …) and `feats`
 * (per pair: tracked features used in the 30 days up to the day, and how many are tracked). `tracked` maps each
 * as-of day to its keys (trackedKeysByDay).
 */
export function featureCtes(orgId: string, tracked: Map<string, string[]>): SQL {
  const universe = [...new Set([...tracked.values()].flat())].sort();
  const groups = Array.from({ length: Math.ceil(universe.length / GROUP) }, (_, g) => universe.slice(g * GROUP, (g + 1) * GROUP));
  const bit = (key: string) => 1n << BigInt(universe.indexOf(key) % GROUP);
  const days = [...tracked].map(([day, keys]) => ({
    d: day, n: keys.length,
    ...Object.fromEntries(groups.map((_, g) => [`m${g}`, keys.filter((k) => Math.floor(universe.indexOf(k) / GROUP) === g).reduce((m, k) => m | bit(k), 0n).toString()])),
  }));
  const dayCols = sql.raw(['d date', 'n int', ...groups.map((_, g) => `m${g} bigint`)].join(', '));
  const tracked_ = sql`tracked as materialized (select * from json_to_recordset(${JSON.stringify(days)}::json) as t(${dayCols}))`;
  if (groups.length === 0) {
    return sql`${tracked_}, feats as materialized (select p.account_id, p.day, 0 as used, coalesce(t.n, 0) as tracked from p left join tracked t on t.d = p.day)`;
  }
  const masks = groups.map((keys, g) => {
    const cases = keys.map((k) => sql`(case when d.features ? ${k} then ${bit(k).toString()}::bigint else 0 end)`);
    return sql`bit_or(${sql.join(cases, sql` | `)}) as ${sql.raw(`g${g}`)}`;
  });
  const used = groups.map((_, g) => sql`bit_count((bit_or(fd.${sql.raw(`g${g}`)}) & t.${sql.raw(`m${g}`)})::bit(64))`);
  return sql`${tracked_},
  fd as materialized (
    select d.account_id, d.day, ${sql.join(masks, sql`, `)}
    from usage_daily d
    where d.org_id = ${orgId}::uuid and d.account_id in (select account_id from ids)
      and d.day >= (select lo from bounds) - 29 and d.day <= (select hi from bounds)
    group by d.account_id, d.day
  ),
  feats as materialized (
    select p.account_id, p.day, (${sql.join(used, sql` + `)})::int as used, t.n as tracked
    from p join tracked t on t.d = p.day
    join fd on fd.account_id = p.account_id and fd.day between p.day - 29 and p.day
    group by p.account_id, p.day, t.n, ${sql.join(groups.map((_, g) => sql.raw(`t.m${g}`)), sql`, `)}
  )`;
}
