import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import type { HistoryFigures, MovementKind } from '@/lib/kpi/revenue';
import { inScope, type KpiScope } from './scope';
import { num, orgCurrency } from './sql';

/** The revenue figures of one window, as lib/kpi/revenue's movementsFromHistory computes them, plus counts. */
export type WindowFigures = HistoryFigures & {
  w: number;
  start: string;
  end: string;
  currency: string;
  /** Any revenue change in scope dated before the window's end. */
  hasData: boolean;
  /** Accounts with at least one movement of each kind (and of any kind) in the window. */
  accountsMoved: Record<MovementKind | 'any', number>;
};

type Row = Record<string, unknown> & { w: number; start: string; end: string; currency: string; has_data: boolean | null };

/**
 * Revenue figures for every window of `windows` in ONE query. Per account, the changes are ordered by effective
 * date, then recorded_at (then id, so ties are at least stable); LAG gives the previous MRR and a running max tells
 * a first subscription from a reactivation. The MRR "at" a date D is the last change dated before D.
 */
export async function revenueFigures(ctx: TenantCtx, scope: KpiScope, windows: SQL): Promise<WindowFigures[]> {
  const rows = await queryRows<Row>(db, sql`
    with win as (${windows}),
    bounds as (select w_start as d from win union select w_end from win),
    seq as (
      select rc.account_id, rc.effective_date, rc.mrr::float8 as mrr,
        coalesce(lag(rc.mrr) over w, 0)::float8 as prev,
        coalesce(max(rc.mrr) over (w rows between unbounded preceding and 1 preceding), 0) > 0 as had_paid,
        lead(rc.effective_date) over w as next_date
      from revenue_changes rc
      where rc.org_id = ${ctx.orgId} and rc.effective_date < (select max(w_end) from win)
        and ${inScope(ctx, scope, sql`rc.account_id`)}
      window w as (partition by rc.account_id order by rc.effective_date, rc.recorded_at, rc.id)
    ),
    -- each account's MRR at each boundary: the last change dated before it (an earlier change of the same day has
    -- next_date = its own date, so it holds at no boundary); accounts at 0 are left out
    val as (
      select s.account_id, b.d, s.mrr from seq s
      join bounds b on s.effective_date < b.d and (s.next_date is null or b.d <= s.next_date)
      where s.mrr > 0
    ),
    mv as (
      select win.w, s.account_id, s.mrr - s.prev as delta,
        case when s.mrr = s.prev then null
             when s.prev = 0 then case when s.had_paid then 'reactivation' else 'new' end
             when s.mrr = 0 then 'churn'
             when s.mrr > s.prev then 'expansion' else 'contraction' end as kind
      from win join seq s on s.effective_date >= win.w_start and s.effective_date < win.w_end
    ),
    moves as (
      select w,
        coalesce(sum(delta) filter (where kind = 'new'), 0) as new_mrr,
        coalesce(sum(delta) filter (where kind = 'expansion'), 0) as expansion,
        coalesce(-sum(delta) filter (where kind = 'contraction'), 0) as contraction,
        coalesce(-sum(delta) filter (where kind = 'churn'), 0) as churn,
        coalesce(sum(delta) filter (where kind = 'reactivation'), 0) as reactivation,
        coalesce(sum(delta), 0) as net,
        count(distinct account_id) filter (where kind = 'new')::int as n_new,
        count(distinct account_id) filter (where kind = 'expansion')::int as n_expansion,
        count(distinct account_id) filter (where kind = 'contraction')::int as n_contraction,
        count(distinct account_id) filter (where kind = 'churn')::int as n_churn,
        count(distinct account_id) filter (where kind = 'reactivation')::int as n_reactivation,
        count(distinct account_id) filter (where kind is not null)::int as n_any
      from mv group by w
    ),
    cohort as (
      select win.w, count(*)::int as size, count(*) filter (where ve.mrr is null)::int as churned,
        sum(vs.mrr) as start_mrr, coalesce(sum(ve.mrr), 0) as end_mrr, sum(least(coalesce(ve.mrr, 0), vs.mrr)) as capped
      from win join val vs on vs.d = win.w_start
      left join val ve on ve.d = win.w_end and ve.account_id = vs.account_id
      group by win.w
    ),
    ends as (
      select win.w, sum(v.mrr) as end_mrr, count(*)::int as active from win join val v on v.d = win.w_end group by win.w
    )
    select win.w, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      ${orgCurrency(ctx)} as currency, (select min(effective_date) from seq) < win.w_end as has_data,
      moves.new_mrr, moves.expansion, moves.contraction, moves.churn, moves.reactivation, moves.net,
      moves.n_new, moves.n_expansion, moves.n_contraction, moves.n_churn, moves.n_reactivation, moves.n_any,
      cohort.size, cohort.churned, cohort.start_mrr, cohort.end_mrr as cohort_end_mrr, cohort.capped,
      ends.end_mrr, ends.active
    from win left join moves on moves.w = win.w left join cohort on cohort.w = win.w left join ends on ends.w = win.w
    order by win.w`);
  return rows.map(toFigures);
}

function toFigures(r: Row): WindowFigures {
  return {
    w: num(r.w),
    start: r.start,
    end: r.end,
    currency: r.currency,
    hasData: r.has_data === true,
    movements: {
      newMrr: num(r.new_mrr),
      expansion: num(r.expansion),
      contraction: num(r.contraction),
      churn: num(r.churn),
      reactivation: num(r.reactivation),
      net: num(r.net),
    },
    // Everyone paying at the start is in the start cohort, so the cohort's start MRR is the start MRR.
    startMrr: num(r.start_mrr),
    endMrr: num(r.end_mrr),
    activeAccountsAtEnd: num(r.active),
    cohort: {
      size: num(r.size),
      churned: num(r.churned),
      startMrr: num(r.start_mrr),
      endMrr: num(r.cohort_end_mrr),
      cappedEndMrr: num(r.capped),
    },
    accountsMoved: {
      new: num(r.n_new),
      expansion: num(r.n_expansion),
      contraction: num(r.n_contraction),
      churn: num(r.n_churn),
      reactivation: num(r.n_reactivation),
      any: num(r.n_any),
    },
  };
}
