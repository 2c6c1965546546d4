import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { featureCtes, readPairDays, type PairDays } from './features-sql';
import { ofPairAccounts, windowMask, type Pairs } from './inputs-sql';

/** Every factor's raw inputs for one (account, as-of) pair; counts are whole numbers. */
export type HealthInputs = {
  accountId: string;
  /** the as-of day in the org's timezone (YYYY-MM-DD) */
  day: string;
  /** licensed seats as of the day (null: no seat count) */
  seats: number | null;
  /** the org had sent usage by that day */
  hasUsage: boolean;
  activeDays28: number;
  users30: number;
  usersPrev30: number;
  trackedFeatures: number;
  featuresUsed30: number;
  npsN: number; npsPromoters: number; npsDetractors: number;
  csatN: number; csatSatisfied: number;
  cesN: number; cesSum: number;
  /** the org had received a ticket by then */
  hasTickets: boolean;
  openTickets: number;
  openHighTickets: number;
  stakeholders: number;
  championPresent: boolean;
  championOrBuyerContacted60d: boolean;
  stakeholdersContacted90d: number;
  championLeft90d: boolean;
};

// Every CTE is materialized: without statistics (PGlite is never auto-analyzed) the planner guesses one row
// for each and would otherwise re-run an inlined CTE for every pair inside a nested loop.
// Usage: exact distinct users and active days from usage_user_months (one active-day bitmask per account, user and
// month), so each pair reads at most three months of small rows however many pairs share them. Features: features-sql.ts.
const usage = (orgId: string, pairs: Pairs, { lo, hi }: PairDays) => sql`
  pm as materialized (
    select p.account_id, p.day, mm.m as month,
      ${windowMask(sql`mm.m`, sql`p.day - 27`, sql`p.day`)} as m28,
      ${windowMask(sql`mm.m`, sql`p.day - 29`, sql`p.day`)} as m30,
      ${windowMask(sql`mm.m`, sql`p.day - 59`, sql`p.day - 30`)} as mprev
    from p cross join lateral (
      -- the 60 days up to a day touch at most 3 calendar months (two middle months have ≥ 59 days)
      select (date_trunc('month', (p.day - 59)::timestamp) + make_interval(months => k.k))::date as m from (values (0), (1), (2)) as k(k)
    ) as mm
    where mm.m <= p.day
  ),
  um as materialized (
    select u.account_id, u.month, u.user_key, u.active_days from usage_user_months u
    where u.org_id = ${orgId}::uuid and ${ofPairAccounts(pairs, sql`u.account_id`)}
      and u.month >= date_trunc('month', (${lo}::date - 59)::timestamp)::date and u.month <= ${hi}::date
  ),
  user_hits as (
    select pm.account_id, pm.day, um.user_key,
      bool_or(um.active_days & pm.m30 <> 0) as in30, bool_or(um.active_days & pm.mprev <> 0) as inprev
    from pm join um on um.account_id = pm.account_id and um.month = pm.month
    group by pm.account_id, pm.day, um.user_key
  ),
  users as materialized (
    select account_id, day, count(*) filter (where in30)::int as users30, count(*) filter (where inprev)::int as prev30
    from user_hits group by account_id, day
  ),
  -- days with any active user: the account's union of its users' masks per month first (few rows), then the window
  acc_months as materialized (select account_id, month, bit_or(active_days) as bits from um group by account_id, month),
  days28 as materialized (
    select pm.account_id, pm.day, sum(bit_count((am.bits & pm.m28)::bit(32)))::int as n
    from pm join acc_months am on am.account_id = pm.account_id and am.month = pm.month
    group by pm.account_id, pm.day
  )`;

// Answers of the 180 days before the instant (anonymous answers have no account and never count).
const answers = (orgId: string) => sql`
  ans as materialized (
    select p.account_id, p.day,
      count(*) filter (where s.kind = 'nps')::int as nps_n,
      count(*) filter (where s.kind = 'nps' and r.score >= 9)::int as nps_p,
      count(*) filter (where s.kind = 'nps' and r.score <= 6)::int as nps_d,
      count(*) filter (where s.kind = 'csat')::int as csat_n,
      count(*) filter (where s.kind = 'csat' and r.score >= 4)::int as csat_sat,
      count(*) filter (where s.kind = 'ces')::int as ces_n,
      coalesce(sum(r.score) filter (where s.kind = 'ces'), 0)::int as ces_sum
    from p join survey_responses r on r.org_id = ${orgId}::uuid and r.account_id = p.account_id
      and r.created_at <= p.at and r.created_at > p.at - interval '180 days'
    join surveys s on s.org_id = r.org_id and s.id = r.survey_id
    group by p.account_id, p.day
  )`;

const support = (orgId: string) => sql`
  tix as materialized (
    select p.account_id, p.day, count(*)::int as open, count(*) filter (where t.priority in ('high', 'urgent'))::int as open_high
    from p join tickets t on t.org_id = ${orgId}::uuid and t.account_id = p.account_id
      and t.opened_at <= p.at and (t.closed_at is null or t.closed_at > p.at)
    group by p.account_id, p.day
  )`;

// Stakeholders who existed at the instant; a contact is a stakeholder.contacted event or last_contacted_at, when
// dated at or before the instant. Roles are today's (role changes are not dated).
const relationship = (orgId: string, pairs: Pairs, { atLo }: PairDays) => sql`
  ce as materialized (
    select e.account_id, e.data->>'stakeholderId' as sid, e.occurred_at from account_events e
    where e.org_id = ${orgId}::uuid and e.kind = 'stakeholder.contacted' and ${ofPairAccounts(pairs, sql`e.account_id`)}
      and e.occurred_at > ${atLo}::timestamptz - interval '90 days'
  ),
  ps as (
    select p.account_id, p.day, p.at, s.id, s.role, s.left_at, (s.left_at is null or s.left_at > p.at) as present,
      greatest(case when s.last_contacted_at <= p.at then s.last_contacted_at end, max(ce.occurred_at)) as contacted_at
    from p join stakeholders s on s.org_id = ${orgId}::uuid and s.account_id = p.account_id and s.created_at <= p.at
    left join ce on ce.account_id = p.account_id and ce.sid = s.id::text and ce.occurred_at <= p.at and ce.occurred_at > p.at - interval '90 days'
    group by p.account_id, p.day, p.at, s.id, s.role, s.left_at, s.last_contacted_at
  ),
  rel as materialized (
    select account_id, day, count(*)::int as stakeholders,
      coalesce(bool_or(role = 'champion' and present), false) as champion_present,
      coalesce(bool_or(role in ('champion', 'economic_buyer') and present and contacted_at > at - interval '60 days'), false) as key_contacted,
      count(*) filter (where present and contacted_at > at - interval '90 days')::int as contacted90,
      coalesce(bool_or(role = 'champion' and left_at <= at and left_at > at - interval '90 days'), false) as champion_left
    from ps group by account_id, day
  )`;

// Seats at the instant: the "from" of the first seats.changed event after it, else today's count.
const seats = (orgId: string) => sql`
  seats as materialized (
    select p.account_id, p.day, case when sc.found then sc.seats else a.licensed_seats end as seats
    from p join accounts a on a.org_id = ${orgId}::uuid and a.id = p.account_id
    left join lateral (
      select true as found, (e.data->>'from')::int as seats from account_events e
      where e.org_id = ${orgId}::uuid and e.account_id = p.account_id and e.kind = 'seats.changed' and e.occurred_at > p.at
      order by e.occurred_at limit 1
    ) sc on true
  )`;

/**
 * Every factor's raw inputs for a set of (account_id, day, at) pairs (see inputs-sql.ts) of one org, in ONE
 * statement, including the org-level "missing" facts (no usage yet, no ticket yet) as of each pair.
 */
export async function gatherInputs(tx: Tx, orgId: string, pairs: Pairs): Promise<HealthInputs[]> {
  // For this transaction: the per-pair aggregates hash a few hundred thousand small rows, so keep them in memory;
  // PostgreSQL would spend ~2 s JIT-compiling a statement it overestimates; a cached generic plan would not see the
  // date ranges.
  await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true),
    set_config('plan_cache_mode', 'force_custom_plan', true)`);
  const days = await readPairDays(tx, orgId, pairs.query);
  if (!days) return [];
  // For this statement only: hash joins and hash aggregates over the (pair, user) rows. The planner prefers sorting
  // them, which measured 1.5–2× slower on 386,000 rows (10,000 accounts); restored right after.
  await tx.execute(sql`select set_config('enable_sort', 'off', true), set_config('enable_mergejoin', 'off', true)`);
  const rows = await queryRows<Record<string, unknown>>(tx, inputsQuery(orgId, pairs, days));
  await tx.execute(sql`select set_config('enable_sort', 'on', true), set_config('enable_mergejoin', 'on', true)`);
  return rows.map(toInputs);
}

/** The inputs statement itself (exported for EXPLAIN in the benchmark). */
export function inputsQuery(orgId: string, pairs: Pairs, days: PairDays): SQL {
  return sql`
    with p as materialized (${pairs.query}),
    ids as (select distinct account_id from p),
    firsts as (
      select coalesce((select min(d.day) from usage_daily d where d.org_id = ${orgId}::uuid),
          (select min(m.month) from usage_monthly m where m.org_id = ${orgId}::uuid)) as usage_day,
        (select min(t.opened_at) from tickets t where t.org_id = ${orgId}::uuid) as ticket_at
    ),
    ${usage(orgId, pairs, days)},
    ${featureCtes(orgId, pairs, days)},
    ${answers(orgId)},
    ${support(orgId)},
    ${relationship(orgId, pairs, days)},
    ${seats(orgId)}
    select p.account_id, to_char(p.day, 'YYYY-MM-DD') as day, seats.seats,
      coalesce(f.usage_day <= p.day, false) as has_usage,
      coalesce(days28.n, 0) as days28, coalesce(users.users30, 0) as users30, coalesce(users.prev30, 0) as prev30,
      coalesce((select t.n from tracked t where t.d = p.day), 0) as tracked, coalesce(feats.used, 0) as used,
      coalesce(ans.nps_n, 0) as nps_n, coalesce(ans.nps_p, 0) as nps_p, coalesce(ans.nps_d, 0) as nps_d,
      coalesce(ans.csat_n, 0) as csat_n, coalesce(ans.csat_sat, 0) as csat_sat, coalesce(ans.ces_n, 0) as ces_n, coalesce(ans.ces_sum, 0) as ces_sum,
      coalesce(f.ticket_at <= p.at, false) as has_tickets, coalesce(tix.open, 0) as open, coalesce(tix.open_high, 0) as open_high,
      coalesce(rel.stakeholders, 0) as stakeholders, coalesce(rel.champion_present, false) as champion_present,
      coalesce(rel.key_contacted, false) as key_contacted, coalesce(rel.contacted90, 0) as contacted90,
      coalesce(rel.champion_left, false) as champion_left
    from p cross join firsts f
    left join seats on seats.account_id = p.account_id and seats.day = p.day
    left join days28 on days28.account_id = p.account_id and days28.day = p.day
    left join users on users.account_id = p.account_id and users.day = p.day
    left join feats on feats.account_id = p.account_id and feats.day = p.day
    left join ans on ans.account_id = p.account_id and ans.day = p.day
    left join tix on tix.account_id = p.account_id and tix.day = p.day
    left join rel on rel.account_id = p.account_id and rel.day = p.day`;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const b = (v: unknown) => v === true || v === 't';

function toInputs(r: Record<string, unknown>): HealthInputs {
  return {
    accountId: String(r.account_id), day: String(r.day), seats: r.seats === null || r.seats === undefined ? null : Number(r.seats),
    hasUsage: b(r.has_usage), activeDays28: n(r.days28), users30: n(r.users30), usersPrev30: n(r.prev30),
    trackedFeatures: n(r.tracked), featuresUsed30: n(r.used),
    npsN: n(r.nps_n), npsPromoters: n(r.nps_p), npsDetractors: n(r.nps_d), csatN: n(r.csat_n), csatSatisfied: n(r.csat_sat),
    cesN: n(r.ces_n), cesSum: n(r.ces_sum),
    hasTickets: b(r.has_tickets), openTickets: n(r.open), openHighTickets: n(r.open_high),
    stakeholders: n(r.stakeholders), championPresent: b(r.champion_present), championOrBuyerContacted60d: b(r.key_contacted),
    stakeholdersContacted90d: n(r.contacted90), championLeft90d: b(r.champion_left),
  };
}
