import { sql, type SQL } from 'drizzle-orm';

// Accounts that playbooks no longer watch: archived ones, and churned ones (their latest revenue change dated on or
// before the org's today sets MRR to 0). An account without any revenue change (a trial, a new customer) is watched.
// Their unresolved alerts are closed with the reason instead of waiting for a condition that no longer matters.

export const ARCHIVED = 'Account archived';
export const CHURNED = 'Account churned';

/** `and a.id in (…)` for the given accounts, or nothing for all of them; `a` is the accounts alias. */
export const forAccounts = (accountIds: readonly string[] | 'all'): SQL =>
  accountIds === 'all' ? sql`` : sql`and a.id in (select value::uuid from json_array_elements_text(${JSON.stringify(accountIds)}::json))`;

/** The org's accounts (of the set) whose latest revenue change as of `today` is to MRR 0. */
export function churnedAccounts(orgId: string, accountIds: readonly string[] | 'all', today: string): SQL {
  return sql`select rc.account_id from (
      select distinct on (rc.account_id) rc.account_id, rc.mrr from revenue_changes rc
      join accounts a on a.org_id = rc.org_id and a.id = rc.account_id
      where rc.org_id = ${orgId} and rc.effective_date <= ${today}::date ${forAccounts(accountIds)}
      order by rc.account_id, rc.effective_date desc, rc.recorded_at desc, rc.id desc
    ) rc where rc.mrr = 0`;
}

/**
 * Resolves the unresolved alerts (open or snoozed) of the set's archived and churned accounts, as of `at`, with the
 * reason as the resolution; returns them for their timeline events.
 */
export function closeInactiveAlerts(orgId: string, accountIds: readonly string[] | 'all', today: string, at: SQL): SQL {
  return sql`
    with gone as (
      select a.id as account_id, ${ARCHIVED}::text as why from accounts a
      where a.org_id = ${orgId} and a.archived_at is not null ${forAccounts(accountIds)}
      union all
      select c.account_id, ${CHURNED}::text from (${churnedAccounts(orgId, accountIds, today)}) c
    ),
    one as (select account_id, min(why) as why from gone group by account_id)
    update alerts al set status = 'resolved', resolved_at = ${at}, resolved_by = null, resolution = one.why, updated_at = now()
    from one where al.org_id = ${orgId} and al.account_id = one.account_id and al.status <> 'resolved'
    returning al.id, al.playbook_id, al.account_id, al.resolution`;
}
