import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { addDays, addMonths, isIsoDate, periodOf } from '@/lib/kpi/period';
import { parseRenewalListParams, type RenewalListParams, type RenewalWindow } from '@/lib/validation/renewal-list';
import { getKpiClock } from './kpis/clock';
import { num } from './kpis/sql';

export type RenewalListRow = {
  id: string; accountId: string; accountName: string; ownerId: string | null; ownerName: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
  /** minor units */
  arrDue: number; renewedArr: number | null;
  outcome: 'pending' | 'renewed' | 'downgraded' | 'churned';
  /** due date − the org's today, in days; negative when past */
  daysUntilDue: number;
  /** YYYY-MM of the due date, and the count and Σ ARR due (minor units) of that month over the whole filtered list */
  month: string; monthCount: number; monthArrDue: number;
};

export type RenewalList = { rows: RenewalListRow[]; total: number; page: number; pageSize: number; today: string; currency: string; from: string | null; to: string | null };

/** The due-date range [from, to) of a window (null = open) and whether it keeps only pending renewals. */
export function windowRange(window: RenewalWindow, today: string): { from: string | null; to: string | null; pendingOnly: boolean } {
  if (window === 'next90') return { from: today, to: addDays(today, 91), pendingOnly: false };
  if (window === 'this_quarter') { const q = periodOf('quarter', today); return { from: q.start, to: q.end, pendingOnly: false }; }
  if (window === 'next_quarter') { const q = periodOf('quarter', addMonths(periodOf('quarter', today).start, 3)); return { from: q.start, to: q.end, pendingOnly: false }; }
  if (window === 'overdue') return { from: null, to: today, pendingOnly: true };
  return { from: null, to: null, pendingOnly: true };
}

function conditions(ctx: TenantCtx, p: RenewalListParams, today: string): SQL {
  const { from, to, pendingOnly } = windowRange(p.window, today);
  // archived accounts left the portfolio: their renewals are not due any more (the KPIs keep their history)
  const conds = [sql`r.org_id = ${ctx.orgId}`, sql`a.org_id = ${ctx.orgId}`, sql`a.archived_at is null`];
  if (from) conds.push(sql`r.due_date >= ${from}::date`);
  if (to) conds.push(sql`r.due_date < ${to}::date`);
  if (pendingOnly) conds.push(sql`r.outcome = 'pending'`);
  if (p.owner === 'me') conds.push(sql`a.owner_id = ${ctx.userId}`);
  return sql.join(conds, sql` and `);
}

/**
 * One page of the org's renewals in a window (next 90 days, this/next quarter by due date, overdue = pending and
 * due before the org's today, or every pending one), optionally only those of the caller's accounts; earliest due
 * first. ARR in minor units; each row carries its month's count and Σ ARR due over the whole filtered list
 * (SQL window functions, so page breaks do not cut a month's subtotal). Readable by every member.
 * `asOf` (YYYY-MM-DD) replaces the org's today, for tests.
 */
export async function listDueRenewals(ctx: TenantCtx, input: Partial<Record<keyof RenewalListParams, unknown>> = {}, asOf?: string): Promise<RenewalList> {
  const p = parseRenewalListParams(input, ctx.role);
  if (asOf !== undefined && !isIsoDate(asOf)) throw new AppError('VALIDATION', `Not a YYYY-MM-DD date: ${asOf}`);
  const clock = await getKpiClock(ctx);
  const today = asOf ?? clock.today;
  const where = conditions(ctx, p, today);
  const [rows, [{ total }]] = await Promise.all([
    selectRenewals(where, today, sql`limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`),
    queryRows<{ total: unknown }>(db, sql`select count(*)::int as total from ${FROM} where ${where}`),
  ]);
  const range = windowRange(p.window, today);
  return {
    rows: rows.map(toRow), total: num(total), page: p.page, pageSize: p.pageSize, today, currency: clock.currency, from: range.from, to: range.to,
  };
}

/** A CSV export can hold at most this many renewals (the list's filters narrow it). */
export const RENEWAL_EXPORT_MAX = 50_000;

/**
 * Every renewal the list shows under the same window and owner filters (not just one page), in the list's order, with
 * each account's external id and owner email, at most RENEWAL_EXPORT_MAX. Readable by every member.
 */
export async function listRenewalsForExport(ctx: TenantCtx, input: Partial<Record<keyof RenewalListParams, unknown>> = {}) {
  const p = parseRenewalListParams(input, ctx.role);
  const clock = await getKpiClock(ctx);
  const rows = await selectRenewals(conditions(ctx, p, clock.today), clock.today, sql`limit ${RENEWAL_EXPORT_MAX}`);
  return { currency: clock.currency, rows: rows.map((r) => ({ ...toRow(r), accountExternalId: r.external_id == null ? null : String(r.external_id), ownerEmail: r.owner_email == null ? null : String(r.owner_email) })) };
}

const FROM = sql`renewals r join accounts a on a.org_id = r.org_id and a.id = r.account_id`;

// The list's rows, earliest due first; each with its month's count and Σ ARR due over the whole filtered list.
const selectRenewals = (where: SQL, today: string, page: SQL) => queryRows<Record<string, unknown>>(db, sql`
  select r.id, r.account_id, a.name as account_name, a.external_id, a.owner_id, u.name as owner_name, u.email as owner_email,
    to_char(r.due_date, 'YYYY-MM-DD') as due_date, r.arr_due::float8 as arr_due, r.renewed_arr::float8 as renewed_arr,
    r.outcome, (r.due_date - ${today}::date)::int as days_until_due, to_char(r.due_date, 'YYYY-MM') as month,
    count(*) over (partition by date_trunc('month', r.due_date))::int as month_count,
    sum(r.arr_due) over (partition by date_trunc('month', r.due_date))::float8 as month_arr_due
  from ${FROM} left join users u on u.id = a.owner_id
  where ${where}
  order by r.due_date, lower(a.name), r.id
  ${page}`);

const toRow = (r: Record<string, unknown>): RenewalListRow => ({
  id: String(r.id), accountId: String(r.account_id), accountName: String(r.account_name),
  ownerId: r.owner_id == null ? null : String(r.owner_id), ownerName: r.owner_name == null ? null : String(r.owner_name),
  dueDate: String(r.due_date), arrDue: num(r.arr_due), renewedArr: r.renewed_arr == null ? null : num(r.renewed_arr),
  outcome: r.outcome as RenewalListRow['outcome'], daysUntilDue: num(r.days_until_due),
  month: String(r.month), monthCount: num(r.month_count), monthArrDue: num(r.month_arr_due),
});
