import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { addDays, isIsoDate, type Period } from '@/lib/kpi/period';
import { AppError } from '@/lib/errors';
import { accountsInScope, checkInputs, orgScope, type KpiScope } from './scope';
import { num } from './sql';

// The dashboard's short lists next to the cards: upcoming renewals and the accounts whose MRR moved most.

const MAX_LIMIT = 50;

/** A pending renewal due soon; ARR in minor units of the org's currency. */
export type UpcomingRenewal = {
  accountId: string; accountName: string; dueDate: string; arrDue: number; ownerName: string | null;
};

/** One account's MRR change over a period; MRR in minor units per month. */
export type AccountMove = { accountId: string; accountName: string; startMrr: number; endMrr: number; delta: number };

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new AppError('VALIDATION', `The limit must be 1–${MAX_LIMIT}.`);
}

/**
 * Pending renewals of the scope's active accounts due in [today, today + days), soonest first, at most `limit`;
 * `total` counts all of them. `today` is the org's date (getKpiClock). Only the org's rows.
 */
export async function getUpcomingRenewals(
  ctx: TenantCtx,
  opts: { today: string; days?: number; scope?: KpiScope; limit?: number },
): Promise<{ rows: UpcomingRenewal[]; total: number }> {
  const { today, days = 90, scope = orgScope, limit = 10 } = opts;
  if (!isIsoDate(today)) throw new AppError('VALIDATION', `Not a YYYY-MM-DD date: ${today}`);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError('VALIDATION', 'The window must be 1–366 days.');
  checkLimit(limit);
  await checkInputs(ctx, null, scope);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select a.id as account_id, a.name as account_name, to_char(r.due_date, 'YYYY-MM-DD') as due_date,
      r.arr_due::float8 as arr_due, u.name as owner_name, count(*) over () as total
    from renewals r
    join accounts a on a.org_id = r.org_id and a.id = r.account_id
    left join users u on u.id = a.owner_id
    where r.org_id = ${ctx.orgId} and r.outcome = 'pending'
      and r.due_date >= ${today}::date and r.due_date < ${addDays(today, days)}::date
      and ${accountsInScope(ctx, scope, 'a', { portfolio: true })}
    order by r.due_date, a.name, r.id
    limit ${limit}`);
  return {
    rows: rows.map((r) => ({
      accountId: String(r.account_id),
      accountName: String(r.account_name),
      dueDate: String(r.due_date),
      arrDue: num(r.arr_due),
      ownerName: r.owner_name === null ? null : String(r.owner_name),
    })),
    total: rows.length === 0 ? 0 : num(rows[0].total),
  };
}

/**
 * The scope's accounts with the largest MRR increase and decrease from the period start to its end (MRR at a date =
 * the last change dated before it; archived accounts kept, as in the revenue KPIs), at most `limit` each, largest
 * first. Only accounts paying at the start count: a new or reactivated account is growth, not expansion. Only the
 * org's rows.
 */
export async function getBiggestMoves(
  ctx: TenantCtx,
  period: Period,
  opts: { scope?: KpiScope; limit?: number } = {},
): Promise<{ expansions: AccountMove[]; contractions: AccountMove[] }> {
  const { scope = orgScope, limit = 5 } = opts;
  checkLimit(limit);
  await checkInputs(ctx, period, scope);
  const lastBefore = (date: string) => sql`
    select distinct on (rc.account_id) rc.account_id, rc.mrr::float8 as mrr
    from revenue_changes rc
    where rc.org_id = ${ctx.orgId} and rc.effective_date < ${date}::date
    order by rc.account_id, rc.effective_date desc, rc.recorded_at desc, rc.id desc`;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with s as (${lastBefore(period.start)}), e as (${lastBefore(period.end)}),
    moved as (
      select a.id, a.name, coalesce(s.mrr, 0) as start_mrr, e.mrr as end_mrr, e.mrr - coalesce(s.mrr, 0) as delta
      from e
      left join s on s.account_id = e.account_id
      join accounts a on a.org_id = ${ctx.orgId} and a.id = e.account_id
      where s.mrr > 0 and e.mrr <> s.mrr and ${accountsInScope(ctx, scope, 'a')}
    ),
    ranked as (
      select moved.*, row_number() over (partition by delta > 0 order by abs(delta) desc, name, id) as rn from moved
    )
    select id, name, start_mrr, end_mrr, delta from ranked where rn <= ${limit} order by abs(delta) desc, name, id`);
  const moves = rows.map((r): AccountMove => ({
    accountId: String(r.id),
    accountName: String(r.name),
    startMrr: num(r.start_mrr),
    endMrr: num(r.end_mrr),
    delta: num(r.delta),
  }));
  return { expansions: moves.filter((m) => m.delta > 0), contractions: moves.filter((m) => m.delta < 0) };
}
