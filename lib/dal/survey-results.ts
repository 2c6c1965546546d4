import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { SurveyKind } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { SURVEY_PAGE_SIZE, SURVEY_SCALES, surveyResultsParamsSchema, type SurveyResultsParams } from '@/lib/validation/surveys';
import { assertId } from './guard';
import { EMPTY_COUNTS, readCounts, scoreCountsSql, surveyScore, type SurveyKpi } from './kpis/surveys';
import { num, orgTimezone } from './kpis/sql';
import { getSurvey, type SurveyDetail } from './surveys';

// A survey's results (DESIGN.md "Surveys: Results"): score with n and interval, distribution, monthly trend in the
// org's timezone and the comments, all filtered by segment or account. Anonymous answers have no account, so any
// filter leaves them out; without a filter they count.

export type TrendPoint = { month: string; score: SurveyKpi };
export type Comment = {
  id: string; score: number; comment: string; createdAt: Date;
  accountId: string | null; accountName: string | null; stakeholderName: string | null;
};
export type SurveyResults = {
  survey: SurveyDetail; filters: SurveyResultsParams; timezone: string;
  score: SurveyKpi;
  /** one entry per point of the kind's scale, lowest first */
  distribution: { score: number; count: number }[];
  trend: TrendPoint[];
  comments: { rows: Comment[]; total: number; page: number; pageSize: number };
};

/** The filters as SQL on survey_responses r (r.org_id is already the org's). */
function filterSql(ctx: TenantCtx, surveyId: string, f: SurveyResultsParams): SQL {
  return sql`r.org_id = ${ctx.orgId} and r.survey_id = ${surveyId}
    ${f.account ? sql`and r.account_id = ${f.account}` : sql``}
    ${f.segment ? sql`and r.account_id in (select a.id from accounts a where a.org_id = ${ctx.orgId} and a.segment = ${f.segment})` : sql``}`;
}

/** A survey's results under the filters; one query each for score, distribution, trend and a page (25) of comments. Any member; a foreign survey is NOT_FOUND. */
export async function getSurveyResults(ctx: TenantCtx, surveyId: string, params: Record<string, unknown> = {}): Promise<SurveyResults> {
  const f = surveyResultsParamsSchema.parse(params);
  const survey = await getSurvey(ctx, surveyId);
  const where = filterSql(ctx, surveyId, f);
  const tz = orgTimezone(ctx);
  const [[total], dist, trend, comments, [{ timezone }]] = await Promise.all([
    queryRows<Record<string, unknown>>(db, sql`select ${scoreCountsSql('r')} from survey_responses r where ${where}`),
    queryRows<Record<string, unknown>>(db, sql`select r.score, count(*)::int as n from survey_responses r where ${where} group by r.score`),
    // every month from the first answer's to the last one's: a month without answers is a row too, so gaps show
    queryRows<Record<string, unknown>>(db, sql`
      with m as (
        select date_trunc('month', r.created_at at time zone ${tz}) as month, ${scoreCountsSql('r')}
        from survey_responses r where ${where} group by 1
      ),
      span as (select generate_series(min(month), max(month), interval '1 month') as month from m)
      select to_char(span.month, 'YYYY-MM') as month, m.n, m.promoters, m.passives, m.detractors, m.satisfied, m.agree, m.sum, m.sum_squares
      from span left join m on m.month = span.month order by span.month`),
    queryRows<Record<string, unknown>>(db, sql`
      select r.id, r.score, r.comment, r.created_at, r.account_id, a.name as account_name, st.name as stakeholder_name, count(*) over ()::int as total
      from survey_responses r
      left join accounts a on a.org_id = r.org_id and a.id = r.account_id
      left join stakeholders st on st.org_id = r.org_id and st.id = r.stakeholder_id
      where ${where} and btrim(coalesce(r.comment, '')) <> ''
      order by r.created_at desc, r.id desc limit ${SURVEY_PAGE_SIZE} offset ${(f.page - 1) * SURVEY_PAGE_SIZE}`),
    queryRows<{ timezone: string }>(db, sql`select ${tz} as timezone`),
  ]);
  const { min, max } = SURVEY_SCALES[survey.kind];
  const counts = new Map(dist.map((r) => [num(r.score), num(r.n)]));
  return {
    survey, filters: f, timezone,
    score: surveyScore(survey.kind, total ? readCounts(total) : EMPTY_COUNTS, f.account || f.segment ? 'No answer matches these filters.' : 'No answer yet.'),
    distribution: Array.from({ length: max - min + 1 }, (_, i) => ({ score: min + i, count: counts.get(min + i) ?? 0 })),
    trend: trend.map((r) => ({ month: String(r.month), score: surveyScore(survey.kind, readCounts(r)) })),
    comments: {
      rows: comments.map((r) => ({
        id: String(r.id), score: num(r.score), comment: String(r.comment), createdAt: new Date(r.created_at as string),
        accountId: (r.account_id as string | null) ?? null, accountName: (r.account_name as string | null) ?? null,
        stakeholderName: (r.stakeholder_name as string | null) ?? null,
      })),
      total: num(comments[0]?.total), page: f.page, pageSize: SURVEY_PAGE_SIZE,
    },
  };
}

/** The accounts that answered the survey (for the account filter), by name, at most 500. Any member. */
export async function listRespondingAccounts(ctx: TenantCtx, surveyId: string): Promise<{ id: string; name: string }[]> {
  assertId(surveyId, 'That survey');
  const rows = await queryRows<{ id: string; name: string }>(db, sql`
    select a.id, a.name from accounts a
    where a.org_id = ${ctx.orgId} and a.id in (select r.account_id from survey_responses r where r.org_id = ${ctx.orgId} and r.survey_id = ${surveyId}::uuid)
    order by lower(a.name), a.id limit 500`);
  return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
}

export type ExportRow = {
  createdAt: Date; kind: SurveyKind; score: number; comment: string | null; anonymous: boolean;
  accountName: string | null; accountExternalId: string | null; segment: string | null; stakeholderName: string | null; stakeholderEmail: string | null;
};

/** Every response of the survey under the filters, oldest first, for the CSV export. Any member; a foreign survey is NOT_FOUND. */
export async function listResponsesForExport(ctx: TenantCtx, surveyId: string, params: Record<string, unknown> = {}): Promise<{ survey: SurveyDetail; rows: ExportRow[] }> {
  const f = surveyResultsParamsSchema.parse(params);
  const survey = await getSurvey(ctx, surveyId);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select r.created_at, r.score, r.comment, r.account_id, a.name as account_name, a.external_id, a.segment, st.name as stakeholder_name, i.email
    from survey_responses r
    join survey_invitations i on i.org_id = r.org_id and i.id = r.invitation_id
    left join accounts a on a.org_id = r.org_id and a.id = r.account_id
    left join stakeholders st on st.org_id = r.org_id and st.id = r.stakeholder_id
    where ${filterSql(ctx, surveyId, f)} order by r.created_at, r.id`);
  return {
    survey,
    rows: rows.map((r) => ({
      createdAt: new Date(r.created_at as string), kind: survey.kind, score: num(r.score), comment: (r.comment as string | null) ?? null,
      anonymous: r.account_id === null, accountName: (r.account_name as string | null) ?? null, accountExternalId: (r.external_id as string | null) ?? null,
      segment: (r.segment as string | null) ?? null, stakeholderName: (r.stakeholder_name as string | null) ?? null, stakeholderEmail: (r.email as string | null) ?? null,
    })),
  };
}
