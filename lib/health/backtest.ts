import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import type { ActiveHealthConfig } from './health-factors';
import { scoreInputs } from './health-factors';
import { gatherInputs, type HealthInputs } from './inputs';
import { endOfDayPairs } from './inputs-sql';
import type { BacktestFigures } from './preview-types';

export type BacktestPair = { accountId: string; day: string; churned: boolean };

/**
 * The backtest's (account, day) pairs: each account that churned in the last 12 months (its latest revenue change
 * to 0 from a positive MRR, dated in the 12 months up to today) as of 90 days before that date; and every other
 * account as of each of the last 12 month-ends at which it was paying (MRR > 0). One statement.
 */
export async function backtestPairs(tx: Tx, orgId: string): Promise<BacktestPair[]> {
  const rows = await queryRows<{ account_id: string; day: string; churned: boolean }>(tx, sql`
    with today as (select (now() at time zone o.timezone)::date as d from organizations o where o.id = ${orgId}::uuid),
    seq as (
      select rc.account_id, rc.effective_date, rc.mrr,
        lag(rc.mrr) over w as prev, lead(rc.effective_date) over w as next_date
      from revenue_changes rc where rc.org_id = ${orgId}::uuid
      window w as (partition by rc.account_id order by rc.effective_date, rc.recorded_at, rc.id)
    ),
    churns as (
      select account_id, max(effective_date) as d from seq, today
      where mrr = 0 and coalesce(prev, 0) > 0 and effective_date > (today.d - interval '12 months')::date and effective_date <= today.d
      group by account_id
    ),
    ends as (select (date_trunc('month', today.d::timestamp) - make_interval(months => k) - interval '1 day')::date as d from today, generate_series(0, 11) as k),
    paying as (
      select distinct seq.account_id, ends.d from ends join seq on seq.effective_date <= ends.d and (seq.next_date is null or seq.next_date > ends.d)
      where seq.mrr > 0 and seq.account_id not in (select account_id from churns)
    )
    select account_id, to_char(d - 90, 'YYYY-MM-DD') as day, true as churned from churns
    union all
    select account_id, to_char(d, 'YYYY-MM-DD'), false from paying`);
  return rows.map((r) => ({ accountId: r.account_id, day: r.day, churned: r.churned === true || (r.churned as unknown) === 't' }));
}

/** The inputs of every backtest pair in one inputs statement (empty without pairs). */
export async function backtestInputs(tx: Tx, orgId: string, pairs: readonly BacktestPair[]): Promise<HealthInputs[]> {
  if (pairs.length === 0) return [];
  return gatherInputs(tx, orgId, endOfDayPairs(orgId, pairs));
}

/** Caught and false alarms of one config over the pairs' inputs. */
export function backtestFigures(pairs: readonly BacktestPair[], inputs: readonly HealthInputs[], config: ActiveHealthConfig): BacktestFigures {
  const churnedAt = new Set(pairs.filter((p) => p.churned).map((p) => `${p.accountId}|${p.day}`));
  let caught = 0;
  let falseAlarms = 0;
  for (const row of scoreInputs(inputs, config)) {
    const red = row.band === 'red';
    if (churnedAt.has(`${row.accountId}|${row.day}`)) caught += red ? 1 : 0;
    else falseAlarms += red ? 1 : 0;
  }
  const churned = churnedAt.size;
  const total = pairs.length - churned;
  return { caught, churned, falseAlarms, pairs: total, falseAlarmRate: total === 0 ? null : (falseAlarms * 100) / total };
}
