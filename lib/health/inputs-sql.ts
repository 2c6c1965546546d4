import { sql, type SQL } from 'drizzle-orm';

// SQL pieces of the inputs query (lib/health/inputs.ts). A pair is (account_id, day, at): the as-of instant `at`
// and its calendar day in the org's timezone. Usage windows are whole days ending at `day`.

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
export function currentPairs(orgId: string, accountIds: readonly string[] | 'all'): SQL {
  const which = accountIds === 'all' ? sql`true` : sql`a.id in (select (jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb))::uuid)`;
  return sql`select a.id as account_id, (now() at time zone o.timezone)::date as day, now() as at
    from accounts a join organizations o on o.id = a.org_id where a.org_id = ${orgId}::uuid and ${which}`;
}

/**
 * Pairs "as of the end of day D" for (account, day) pairs given as JSON: `at` is the next midnight in the org's
 * timezone, so everything dated on D counts.
 */
export function endOfDayPairs(orgId: string, pairs: readonly { accountId: string; day: string }[]): SQL {
  const json = JSON.stringify(pairs.map((p) => ({ a: p.accountId, d: p.day })));
  return sql`select x.a as account_id, x.d as day, ((x.d + 1)::timestamp at time zone o.timezone) as at
    from json_to_recordset(${json}::json) as x(a uuid, d date) join organizations o on o.id = ${orgId}::uuid
    join accounts a on a.org_id = o.id and a.id = x.a`;
}

/** Pairs "as of the end of" each given day for every account of the org created by then (history backfills). */
export function endOfDaysForAll(orgId: string, days: readonly string[]): SQL {
  return sql`select a.id as account_id, d.day, ((d.day + 1)::timestamp at time zone o.timezone) as at
    from accounts a join organizations o on o.id = a.org_id
    cross join (select (jsonb_array_elements_text(${JSON.stringify(days)}::jsonb))::date as day) d
    where a.org_id = ${orgId}::uuid and a.created_at < ((d.day + 1)::timestamp at time zone o.timezone)`;
}
