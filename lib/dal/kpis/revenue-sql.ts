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
 * date, then recorded_at (then id, so ties are at least stable); LAG gives the previous MRR, LEAD the next change's
 * date, and a running max tells a first subscription from a reactivation. The MRR "at" a date D is the last change
 * dated before D.
 */
export async function revenueFigures(ctx: TenantCtx, scope: KpiScope, windows: SQL): Promise<WindowFigures[]> {
  const rows = await queryRows<Row>(db, sql`
    with win as (${windows}),
    seq as (
      select rc.account_id, rc.effective_date as d, rc.mrr::float8 as mrr,
        (rc.mrr - coalesce(lag(rc.mrr) over w, 0))::float8 as delta,
        coalesce(lag(rc.mrr) over w, 0) = 0 as from_zero,
        coalesce(max(rc.mrr) over (w rows between unbounded preceding and 1 preceding), 0) > 0 as had_paid,
        lead(rc.effective_date) over w as next_date
      from revenue_changes rc
      where rc.org_id = ${ctx.orgId} and rc.effective_date < (select max(w_end) from win)
        and ${inScope(ctx, scope, sql`rc.account_id`)}
      window w as (partition by rc.account_id order by rc.effective_date, rc.recorded_at, rc.id)
    ),
    -- kind: 0 no change, 1 new, 2 expansion, 3 contraction, 4 churn, 5 reactivation (lib/kpi/revenue classifyMovement)
    kinds as (
      select s.*, case when s.delta = 0 then 0 when s.from_zero then case when s.had_paid then 5 else 1 end
        when s.mrr = 0 then 4 when s.delta > 0 then 2 else 3 end as kind
      from seq s
    ),
    -- per window, the changes that hold at its start (dated before it, next change at or after it), at its end, or
    -- that are dated inside it. A change followed by another on the same day holds at no boundary.
    rel as (
      select win.w, k.account_id, k.mrr, k.delta, k.kind, k.d < win.w_start as at_start,
        k.next_date is null or k.next_date >= win.w_end as at_end
      from win join kinds k on k.d < win.w_end and (k.next_date is null or k.next_date >= win.w_start)
    ),
    -- most accounts have one change holding at both ends: summed directly; the rest are paired per account
    flat as (
      select w,
        count(*) filter (where at_start and at_end and mrr > 0)::int as still_n,
        coalesce(sum(mrr) filter (where at_start and at_end), 0) as still_mrr,
        coalesce(sum(delta) filter (where kind = 1 and not at_start), 0) as new_mrr,
        coalesce(sum(delta) filter (where kind = 2 and not at_start), 0) as expansion,
        coalesce(-sum(delta) filter (where kind = 3 and not at_start), 0) as contraction,
        coalesce(-sum(delta) filter (where kind = 4 and not at_start), 0) as churn,
        coalesce(sum(delta) filter (where kind = 5 and not at_start), 0) as reactivation,
        coalesce(sum(delta) filter (where not at_start), 0) as net
      from rel group by w
    ),
    moved as (
      select w, account_id, coalesce(sum(mrr) filter (where at_start), 0) as s, coalesce(sum(mrr) filter (where at_end), 0) as e,
        bool_or(kind = 1 and not at_start) as k1, bool_or(kind = 2 and not at_start) as k2, bool_or(kind = 3 and not at_start) as k3,
        bool_or(kind = 4 and not at_start) as k4, bool_or(kind = 5 and not at_start) as k5, bool_or(kind > 0 and not at_start) as k
      from rel where not (at_start and at_end) group by w, account_id
    ),
    pairs as (
      select w, count(*) filter (where s > 0)::int as size, count(*) filter (where s > 0 and e = 0)::int as churned,
        sum(s) as start_mrr, coalesce(sum(e) filter (where s > 0), 0) as cohort_end, sum(least(s, e)) as capped,
        sum(e) as end_mrr, count(*) filter (where e > 0)::int as active,
        count(*) filter (where k1)::int as n_new, count(*) filter (where k2)::int as n_expansion,
        count(*) filter (where k3)::int as n_contraction, count(*) filter (where k4)::int as n_churn,
        count(*) filter (where k5)::int as n_reactivation, count(*) filter (where k)::int as n_any
      from moved group by w
    )
    select win.w, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      ${orgCurrency(ctx)} as currency, (select min(d) from seq) < win.w_end as has_data,
      f.new_mrr, f.expansion, f.contraction, f.churn, f.reactivation, f.net,
      p.n_new, p.n_expansion, p.n_contraction, p.n_churn, p.n_reactivation, p.n_any,
      coalesce(f.still_n, 0) + coalesce(p.size, 0) as size, p.churned,
      coalesce(f.still_mrr, 0) + coalesce(p.start_mrr, 0) as start_mrr,
      coalesce(f.still_mrr, 0) + coalesce(p.cohort_end, 0) as cohort_end_mrr,
      coalesce(f.still_mrr, 0) + coalesce(p.capped, 0) as capped,
      coalesce(f.still_mrr, 0) + coalesce(p.end_mrr, 0) as end_mrr,
      coalesce(f.still_n, 0) + coalesce(p.active, 0) as active
    from win left join flat f on f.w = win.w left join pairs p on p.w = win.w
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
