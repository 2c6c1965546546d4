import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { SurveyKind } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { ces, csat, nps } from '@/lib/kpi/surveys';
import { addMonths, startOfMonth, type Period } from '@/lib/kpi/period';
import { assertId } from '../guard';
import { notFound } from '@/lib/errors';
import { checkInputs, inScope, orgScope, type KpiScope } from './scope';
import { monthlyWindows, num, orgTimezone, orgToday, startOfDay } from './sql';
import { kpi, point, type Kpi, type KpiDefinition, type KpiSeries } from './types';

// NPS, CSAT and CES (DESIGN.md "KPIs"): SQL counts the answers, lib/kpi/surveys turns counts into a score with its
// 95 % interval. Answers through the anonymous link have no account: they count for the org, never for an account.

const def = (label: string, unit: KpiDefinition['unit'], definition: string): KpiDefinition => ({ label, unit, nOf: 'answers', definition });

export const surveyDefs = {
  nps: def('NPS', 'count', '% of 0–10 answers that are 9–10 (promoters) − % that are 0–6 (detractors), −100 to 100; the interval is ± 1.96 × 100 × √((p + d − (p − d)²) ÷ n).'),
  csat: def('CSAT', 'percent', '% of 1–5 answers that are 4 or 5, with the Wilson 95 % interval.'),
  ces: def('CES', 'ratio', 'Mean of the 1–7 answers to “… made it easy for me to …”, with mean ± 1.96 × sd ÷ √n.'),
} satisfies Record<SurveyKind, KpiDefinition>;

/** A survey score: the KPI shape plus its 95 % interval (null when there is none) in the score's units. */
export type SurveyKpi = Kpi & { low: number | null; high: number | null };
export type SurveyScores = Record<SurveyKind, SurveyKpi>;

/** The sums one aggregate row gives for any kind; only the fields of the row's kind mean anything. */
export type ScoreCounts = {
  n: number; promoters: number; passives: number; detractors: number; satisfied: number; agree: number; sum: number; sumSquares: number;
};

/** The aggregate columns of ScoreCounts over a survey_responses alias, for a GROUP BY. */
export const scoreCountsSql = (r: string): SQL => {
  const s = sql.raw(`${r}.score`);
  return sql`count(${s})::int as n,
    count(*) filter (where ${s} >= 9)::int as promoters, count(*) filter (where ${s} between 7 and 8)::int as passives,
    count(*) filter (where ${s} <= 6)::int as detractors, count(*) filter (where ${s} >= 4)::int as satisfied,
    count(*) filter (where ${s} >= 5)::int as agree, coalesce(sum(${s}), 0)::int as sum, coalesce(sum(${s} * ${s}), 0)::int as sum_squares`;
};

/** Reads ScoreCounts from a row made with scoreCountsSql (either driver). */
export const readCounts = (r: Record<string, unknown>): ScoreCounts => ({
  n: num(r.n), promoters: num(r.promoters), passives: num(r.passives), detractors: num(r.detractors),
  satisfied: num(r.satisfied), agree: num(r.agree), sum: num(r.sum), sumSquares: num(r.sum_squares),
});

export const EMPTY_COUNTS: ScoreCounts = { n: 0, promoters: 0, passives: 0, detractors: 0, satisfied: 0, agree: 0, sum: 0, sumSquares: 0 };

/** The score of one kind from its counts: NPS points, CSAT %, CES mean; null (with a reason) when nobody answered. */
export function surveyScore(kind: SurveyKind, c: ScoreCounts, reason = 'No answer in the period.'): SurveyKpi {
  const s = kind === 'nps' ? nps(c) : kind === 'csat' ? csat({ satisfied: c.satisfied, n: c.n, sum: c.sum }) : ces(c);
  const detail: Record<string, number | null> = kind === 'nps' ? { promoters: c.promoters, passives: c.passives, detractors: c.detractors }
    : kind === 'csat' ? { satisfied: c.satisfied, mean: c.n ? c.sum / c.n : null } : { agree: c.agree };
  return { ...kpi(surveyDefs[kind], s?.score ?? null, c.n, reason, detail), low: s?.low ?? null, high: s?.high ?? null };
}

function scoresByKind(rows: Record<string, unknown>[], reason: string): SurveyScores {
  const of = (k: SurveyKind) => {
    const row = rows.find((r) => r.kind === k);
    return surveyScore(k, row ? readCounts(row) : EMPTY_COUNTS, reason);
  };
  return { nps: of('nps'), csat: of('csat'), ces: of('ces') };
}

/**
 * NPS, CSAT and CES over the answers given in [start, end) (YYYY-MM-DD, the org's timezone), anonymous answers
 * included for the whole org; a narrower scope counts only its accounts' answers. One query.
 */
export async function getSurveyScores(ctx: TenantCtx, { start, end, scope = orgScope }: { start: string; end: string; scope?: KpiScope }): Promise<SurveyScores> {
  await checkInputs(ctx, { kind: 'custom', start, end }, scope);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select s.kind, ${scoreCountsSql('r')}
    from survey_responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
    where r.org_id = ${ctx.orgId} and r.created_at >= ${startOfDay(ctx, sql`${start}::date`)}
      and r.created_at < ${startOfDay(ctx, sql`${end}::date`)}
      and ${scope.kind === 'org' ? sql`true` : inScope(ctx, scope, sql`r.account_id`)}
    group by s.kind`);
  return scoresByKind(rows, 'No answer in the period.');
}

/** Monthly NPS of the org (anonymous answers included) for the last `months` calendar months, this one included; one query. */
export async function getNpsSeries(ctx: TenantCtx, months: number): Promise<KpiSeries> {
  const [{ today }] = await queryRows<{ today: string }>(db, sql`select to_char(${orgToday(ctx)}, 'YYYY-MM-DD') as today`);
  const count = Math.max(1, Math.min(60, Math.floor(months)));
  const first = startOfMonth(today);
  const period: Period = { kind: 'custom', start: addMonths(first, 1 - count), end: addMonths(first, 1) };
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with win as (${monthlyWindows(period)})
    select to_char(win.w_start, 'YYYY-MM-DD') as start, to_char(win.w_end, 'YYYY-MM-DD') as "end", ${scoreCountsSql('r')}
    from win
    left join (
      select r.score, r.created_at from survey_responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      where r.org_id = ${ctx.orgId} and s.kind = 'nps'
        and r.created_at >= ${startOfDay(ctx, sql`${period.start}::date`)} and r.created_at < ${startOfDay(ctx, sql`${period.end}::date`)}
    ) r on r.created_at >= ${startOfDay(ctx, sql`win.w_start`)} and r.created_at < ${startOfDay(ctx, sql`win.w_end`)}
    group by win.w, win.w_start, win.w_end order by win.w`);
  return {
    ...surveyDefs.nps,
    points: rows.map((r) => {
      const c = readCounts(r);
      return point({ start: String(r.start), end: String(r.end) }, nps(c)?.score ?? null, c.n, 'No NPS answer in the month.');
    }),
  };
}

export type AccountAnswer = { id: string; kind: SurveyKind; surveyName: string; stakeholderName: string | null; score: number; comment: string | null; createdAt: Date };
export type AccountSurveySummary = { scores: SurveyScores; latest: AccountAnswer[]; timezone: string };

/**
 * An account's NPS, CSAT and CES over its answers of the last 180 days and its latest 5 answers (any age) with the
 * stakeholder's name. Anonymous answers belong to no account and never appear. A foreign account is NOT_FOUND.
 */
export async function getAccountSurveySummary(ctx: TenantCtx, accountId: string): Promise<AccountSurveySummary> {
  assertId(accountId, 'That account');
  const mine = sql`r.org_id = ${ctx.orgId} and r.account_id = ${accountId}`;
  const [exists, counts, latest] = await Promise.all([
    queryRows<{ timezone: string }>(db, sql`
      select ${orgTimezone(ctx)} as timezone from accounts a where a.org_id = ${ctx.orgId} and a.id = ${accountId}`),
    queryRows<Record<string, unknown>>(db, sql`
      select s.kind, ${scoreCountsSql('r')} from survey_responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      where ${mine} and r.created_at >= now() - interval '180 days' group by s.kind`),
    queryRows<Record<string, unknown>>(db, sql`
      select r.id, s.kind, s.name as survey_name, st.name as stakeholder_name, r.score, r.comment, r.created_at
      from survey_responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      left join stakeholders st on st.org_id = r.org_id and st.id = r.stakeholder_id
      where ${mine} order by r.created_at desc, r.id desc limit 5`),
  ]);
  if (exists.length === 0) throw notFound('That account');
  return {
    scores: scoresByKind(counts, 'No answer in the last 180 days.'),
    latest: latest.map((r) => ({
      id: String(r.id), kind: r.kind as SurveyKind, surveyName: String(r.survey_name), stakeholderName: (r.stakeholder_name as string | null) ?? null,
      score: num(r.score), comment: (r.comment as string | null) ?? null, createdAt: new Date(r.created_at as string),
    })),
    timezone: exists[0].timezone,
  };
}
