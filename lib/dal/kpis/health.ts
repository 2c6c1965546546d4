import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { HealthBandValue } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { addDays, isIsoDate, type Period } from '@/lib/kpi/period';
import { getKpiClock } from './clock';
import { accountsInScope, checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { num, numOrNull, orgToday } from './sql';
import { kpi, type Kpi, type KpiDefinition } from './types';

// Health on the portfolio dashboard (DESIGN.md "KPIs": accounts at risk; the distribution by band and the average).
// "Paying" = the account's latest revenue change dated up to today (org timezone) is above 0, archived accounts left
// out; the current score is accounts.health_score, history comes from health_scores.

const d = (label: string, unit: KpiDefinition['unit'], definition: string): KpiDefinition => ({ label, unit, nOf: 'accounts', definition });

export const healthDefs = {
  average: d('Average health', 'score',
    'Mean of the health scores (0–100) of the paying accounts that have a score at the period end: today’s scores when the period runs to today, else each account’s latest daily score in the 30 days up to its last day; n counts those accounts. The change compares with the same mean at the period start, from each account’s latest daily score in the 30 days before it.'),
  atRisk: d('Accounts at risk', 'count',
    'Paying accounts whose health band is red at the period end (today’s band when the period runs to today); n counts the paying accounts.'),
  distribution: d('Health by band', 'count',
    'Paying accounts by their health band at the period end (today’s when the period runs to today); “no score” accounts have too little data (no usage, survey or stakeholder data yet).'),
  renewalsByBand: d('Renewals by health band', 'money',
    'Pending renewals due in the next 90 days (org timezone) by the account’s current health band: how many and the ARR due.'),
} as const;

export type BandKey = HealthBandValue | 'none';
export const BAND_KEYS: readonly BandKey[] = ['red', 'yellow', 'green', 'none'];

/** The health cards at the period end (today's scores when it runs to today) and at its start (history), with the distribution at the end. */
export type HealthKpis = {
  average: Kpi;
  averageAtStart: Kpi;
  atRisk: Kpi;
  atRiskAtStart: Kpi;
  /** paying accounts per current band; n = paying accounts */
  distribution: { counts: Record<BandKey, number>; n: number } & KpiDefinition;
};

const NO_SCORES = 'No health scores yet: scores appear once accounts have usage, survey or stakeholder data.';
const NO_PAYING = 'No account is paying, so none is at risk.';
const NO_HISTORY = 'No daily score was stored in the 30 days before the period start.';

// The last revenue change per account of the scope dated on or before `last` (a date SQL expression).
const latestChange = (ctx: TenantCtx, scope: KpiScope, last: SQL, portfolio: boolean) => sql`
  select distinct on (rc.account_id) rc.account_id, rc.mrr from revenue_changes rc
  where rc.org_id = ${ctx.orgId} and rc.effective_date <= ${last} and ${inScope(ctx, scope, sql`rc.account_id`, { portfolio })}
  order by rc.account_id, rc.effective_date desc, rc.recorded_at desc, rc.id desc`;

// Each paying account of `paying` (a latestChange CTE) with its latest daily score in the 30 days up to `day`.
const scoresAsOf = (ctx: TenantCtx, paying: string, day: SQL) => sql`select h.score, h.band from ${sql.raw(paying)} c left join lateral (
    select h.score, h.band from health_scores h
    where h.org_id = ${ctx.orgId} and h.account_id = c.account_id and h.day <= ${day} and h.day > ${day} - 30
    order by h.day desc limit 1) h on true
  where c.mrr > 0`;

/**
 * Average health, accounts at risk and the distribution by band at the period end (today's scores for a period that
 * runs to today, history for an earlier one) and at its start (history); one query.
 */
export async function getHealthKpis(ctx: TenantCtx, period: Period, scope: KpiScope = orgScope): Promise<HealthKpis> {
  await checkInputs(ctx, period, scope);
  const lastDay = addDays(period.end, -1);
  const { today } = await getKpiClock(ctx);
  const current = lastDay >= today;
  // history keeps archived accounts, as the revenue KPIs do: archiving a red account cannot improve a past figure
  const now = current
    ? sql`cur as (${latestChange(ctx, scope, orgToday(ctx), true)}),
    now_ as (select a.health_score as score, a.health_band as band from cur
      join accounts a on a.org_id = ${ctx.orgId} and a.id = cur.account_id where cur.mrr > 0)`
    : sql`cur as (${latestChange(ctx, scope, sql`${lastDay}::date`, false)}),
    now_ as (${scoresAsOf(ctx, 'cur', sql`${lastDay}::date`)})`;
  const [r] = await queryRows<Record<string, unknown>>(db, sql`
    with ${now},
    st as (${latestChange(ctx, scope, sql`${period.start}::date - 1`, false)}),
    then_ as (${scoresAsOf(ctx, 'st', sql`${period.start}::date - 1`)})
    select (select count(*) from now_)::int as paying, (select count(score) from now_)::int as scored,
      (select avg(score) from now_)::float8 as avg,
      (select count(*) filter (where band = 'red') from now_)::int as red,
      (select count(*) filter (where band = 'yellow') from now_)::int as yellow,
      (select count(*) filter (where band = 'green') from now_)::int as green,
      (select count(*) filter (where band is null) from now_)::int as none,
      (select count(*) from then_)::int as paying_start, (select count(score) from then_)::int as scored_start,
      (select avg(score) from then_)::float8 as avg_start,
      (select count(*) filter (where band = 'red') from then_)::int as red_start`);
  const paying = num(r.paying);
  const payingStart = num(r.paying_start);
  const noScores = current ? NO_SCORES : 'No daily score was stored in the 30 days up to the period end.';
  return {
    average: kpi(healthDefs.average, numOrNull(r.avg), num(r.scored), paying === 0 ? (current ? 'No account is paying.' : 'No account was paying at the period end.') : noScores),
    averageAtStart: kpi(healthDefs.average, numOrNull(r.avg_start), num(r.scored_start), payingStart === 0 ? 'No account was paying at the period start.' : NO_HISTORY),
    // with no score at all, "0 at risk" would be a claim the data cannot make
    atRisk: kpi(healthDefs.atRisk, num(r.scored) === 0 ? null : num(r.red), paying, paying === 0 ? NO_PAYING : noScores),
    atRiskAtStart: kpi(healthDefs.atRisk, num(r.scored_start) === 0 ? null : num(r.red_start), payingStart, NO_HISTORY),
    distribution: {
      ...healthDefs.distribution,
      counts: { red: num(r.red), yellow: num(r.yellow), green: num(r.green), none: num(r.none) },
      n: paying,
    },
  };
}

/** A paying red account: current score, owner, and its largest fall in the last 30 days (peak − now; null without history). */
export type AtRiskAccount = {
  accountId: string; accountName: string; score: number | null; ownerName: string | null; peak30: number | null; drop30: number | null;
};

/** The scope's paying accounts in the red band, lowest score first, at most `limit` (1–50); `total` counts all. */
export async function getAtRiskAccounts(
  ctx: TenantCtx,
  opts: { scope?: KpiScope; limit?: number } = {},
): Promise<{ rows: AtRiskAccount[]; total: number }> {
  const { scope = orgScope, limit = 10 } = opts;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new AppError('VALIDATION', 'The limit must be 1–50.');
  await checkInputs(ctx, null, scope);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with cur as (${latestChange(ctx, scope, orgToday(ctx), true)}),
    risk as (select a.id, a.name, a.health_score, u.name as owner_name, count(*) over () as total
      from cur join accounts a on a.org_id = ${ctx.orgId} and a.id = cur.account_id
      left join users u on u.id = a.owner_id
      where cur.mrr > 0 and a.health_band = 'red'
      order by a.health_score asc nulls last, lower(a.name), a.id limit ${limit})
    select risk.*, p.peak from risk left join lateral (
      select max(h.score) as peak from health_scores h
      where h.org_id = ${ctx.orgId} and h.account_id = risk.id and h.day >= ${orgToday(ctx)} - 30) p on true
    order by risk.health_score asc nulls last, lower(risk.name), risk.id`);
  return {
    rows: rows.map((r) => {
      const score = numOrNull(r.health_score);
      const peak = numOrNull(r.peak);
      return {
        accountId: String(r.id), accountName: String(r.name), score, ownerName: r.owner_name === null ? null : String(r.owner_name),
        peak30: peak, drop30: peak === null || score === null ? null : Math.max(0, peak - score),
      };
    }),
    total: rows.length === 0 ? 0 : num(rows[0].total),
  };
}

export type RenewalsByBand = KpiDefinition & {
  rows: { band: BandKey; count: number; arrDue: number }[];
  total: { count: number; arrDue: number };
};

/** Pending renewals of the scope's active accounts due in [today, today + days) by current band; ARR in minor units. */
export async function getRenewalsByBand(
  ctx: TenantCtx,
  opts: { scope?: KpiScope; today?: string; days?: number } = {},
): Promise<RenewalsByBand> {
  const { scope = orgScope, days = 90 } = opts;
  if (opts.today !== undefined && !isIsoDate(opts.today)) throw new AppError('VALIDATION', `Not a YYYY-MM-DD date: ${opts.today}`);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError('VALIDATION', 'The window must be 1–366 days.');
  await checkInputs(ctx, null, scope);
  const today = opts.today === undefined ? orgToday(ctx) : sql`${opts.today}::date`;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select coalesce(a.health_band::text, 'none') as band, count(*)::int as count, sum(r.arr_due)::float8 as arr_due
    from renewals r join accounts a on a.org_id = r.org_id and a.id = r.account_id
    where r.org_id = ${ctx.orgId} and r.outcome = 'pending' and r.due_date >= ${today} and r.due_date < ${today} + ${days}::int
      and ${accountsInScope(ctx, scope, 'a', { portfolio: true })}
    group by 1`);
  const by = new Map(rows.map((r) => [String(r.band), { count: num(r.count), arrDue: num(r.arr_due) }]));
  const out = BAND_KEYS.map((band) => ({ band, ...(by.get(band) ?? { count: 0, arrDue: 0 }) }));
  return {
    ...healthDefs.renewalsByBand,
    rows: out,
    total: { count: out.reduce((s, x) => s + x.count, 0), arrDue: out.reduce((s, x) => s + x.arrDue, 0) },
  };
}
