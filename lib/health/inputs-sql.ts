import { sql, type SQL } from 'drizzle-orm';

// SQL pieces of the inputs query (lib/health/inputs.ts). A pair is (account_id, day, at): the as-of instant `at`
// and its calendar day in the org's timezone. Usage windows are whole days ending at `day`.

/**
 * The pairs as a query, and whether they may span most of the org's accounts (`wide`): then the per-account tables
 * are read for the whole org in one range scan and joined (0.09 s for 386,000 user-month rows), instead of one index
 * probe per account (0.39 s for the same rows); narrow sets (a write's few accounts) keep the probes.
 */
export type Pairs = { query: SQL; wide: boolean };

/** Distinct accounts above which a listed set of pairs is read as wide (1,000 probes ≈ 40 ms). */
const WIDE_FROM = 1_000;

/** `column in (the pairs' accounts)`, or nothing to test when the pairs are wide (the join to the pairs filters). */
export const ofPairAccounts = (pairs: Pairs, column: SQL): SQL => (pairs.wide ? sql`true` : sql`${column} in (select account_id from ids)`);

/**
 * The active-day bitmask of the days [first, last] that fall in `month` (bit d-1 = day d, as in
 * usage_user_months); 0 when the window misses the month. Built in bigint so day 31 stays a positive int4.
 */
export function windowMask(month: SQL, first: SQL, last: SQL): SQL {
  const lo = sql`greatest(${first}, ${month})`;
  const hi = sql`least(${last}, (${month} + interval '1 month')::date - 1)`;
  return sql`(case when ${lo} > ${hi} then 0 else ((1::bigint << extract(day from ${hi})::int) - (1::bigint << (extract(day from ${lo})::int - 1)))::int end)`;
}

/** Pairs for the current score: every given account (or all of the org's) as of now, on today's date in the org's timezone. */
export function currentPairs(orgId: string, accountIds: readonly string[] | 'all', opts: { activeOnly?: boolean } = {}): Pairs {
  const which = accountIds === 'all' ? sql`true` : sql`a.id in (select (jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb))::uuid)`;
  const active = opts.activeOnly ? sql`a.archived_at is null` : sql`true`;
  return {
    query: sql`select a.id as account_id, (now() at time zone o.timezone)::date as day, now() as at
      from accounts a join organizations o on o.id = a.org_id where a.org_id = ${orgId}::uuid and ${which} and ${active}`,
    wide: accountIds === 'all' || accountIds.length >= WIDE_FROM,
  };
}

/**
 * Pairs "as of the end of day D" for (account, day) pairs given as JSON: `at` is the next midnight in the org's
 * timezone, so everything dated on D counts.
 */
export function endOfDayPairs(orgId: string, pairs: readonly { accountId: string; day: string }[]): Pairs {
  const json = JSON.stringify(pairs.map((p) => ({ a: p.accountId, d: p.day })));
  return {
    query: sql`select x.a as account_id, x.d as day, ((x.d + 1)::timestamp at time zone o.timezone) as at
      from json_to_recordset(${json}::json) as x(a uuid, d date) join organizations o on o.id = ${orgId}::uuid
      join accounts a on a.org_id = o.id and a.id = x.a`,
    wide: new Set(pairs.map((p) => p.accountId)).size >= WIDE_FROM,
  };
}

/** Pairs "as of the end of" each given day for every account of the org created by then (history backfills). */
export function endOfDaysForAll(orgId: string, days: readonly string[]): Pairs {
  return {
    query: sql`select a.id as account_id, d.day, ((d.day + 1)::timestamp at time zone o.timezone) as at
      from accounts a join organizations o on o.id = a.org_id
      cross join (select (jsonb_array_elements_text(${JSON.stringify(days)}::jsonb))::date as day) d
      where a.org_id = ${orgId}::uuid and a.created_at < ((d.day + 1)::timestamp at time zone o.timezone)`,
    wide: true,
  };
}
