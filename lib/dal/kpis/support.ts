import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import type { Period } from '@/lib/kpi/period';
import { firstContactResolution } from '@/lib/kpi/rates';
import { supportDefs } from './definitions';
import { checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { monthlyWindows, num, startOfDay, valuesWindows } from './sql';
import { kpi, point, toSeries, type Kpi, type KpiSeries } from './types';

// First contact resolution: tickets counted per window, the window's dates taken in the org's timezone.

type TicketRow = { start: string; end: string; closed: number; resolved: number };

async function ticketCounts(ctx: TenantCtx, scope: KpiScope, windows: SQL): Promise<TicketRow[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${windows})
    select win.w, to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end",
      count(t.id)::int as closed, count(t.id) filter (where t.resolved_first_contact)::int as resolved
    from win
    left join tickets t on t.org_id = ${ctx.orgId}
      and t.closed_at >= ${startOfDay(ctx, sql`win.w_start`)} and t.closed_at < ${startOfDay(ctx, sql`win.w_end`)}
      and ${inScope(ctx, scope, sql`t.account_id`)}
    group by win.w, win.w_start, win.w_end
    order by win.w`);
  return rows.map((r) => ({ start: String(r.start), end: String(r.end), closed: num(r.closed), resolved: num(r.resolved) }));
}

const NO_TICKETS = 'No ticket was closed in the period.';
const fcrOf = (r: TicketRow) => firstContactResolution({ resolvedFirstContact: r.resolved, closed: r.closed });

/** First contact resolution % of the tickets closed in the period (no validation: callers check inputs). */
export async function queryFirstContactResolution(ctx: TenantCtx, period: Period, scope: KpiScope): Promise<Kpi> {
  const [r] = await ticketCounts(ctx, scope, valuesWindows([period]));
  return kpi(supportDefs.fcr, fcrOf(r), r.closed, NO_TICKETS, { resolved: r.resolved });
}

/** First contact resolution %: tickets closed in the period (org timezone) resolved on first contact ÷ tickets closed. */
export async function getFirstContactResolution(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<Kpi> {
  await checkInputs(ctx, period, scope);
  return queryFirstContactResolution(ctx, period, scope);
}

/** Monthly series of first contact resolution over the period, one query. */
export async function getFirstContactResolutionSeries(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<KpiSeries> {
  await checkInputs(ctx, period, scope);
  const rows = await ticketCounts(ctx, scope, monthlyWindows(period));
  return toSeries(supportDefs, rows.map((r) => ({ fcr: point(r, fcrOf(r), r.closed, NO_TICKETS) }))).fcr;
}
