import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, queryRows, type Tx } from '@/db';
import { surveyInvitations, surveys, type SurveyKind, type SurveyStatus } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError, notFound } from '@/lib/errors';
import { surveyPath, surveyTokenHash } from '@/lib/surveys/token';
import { parseInput } from '@/lib/validation/parse';
import { createSurveySchema, defaultQuestion, SURVEY_PAGE_SIZE, type CreateSurveyInput } from '@/lib/validation/surveys';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';
import { EMPTY_COUNTS, readCounts, scoreCountsSql, surveyScore, type SurveyKpi } from './kpis/surveys';
import { num } from './kpis/sql';

// Surveys and their links (DESIGN.md "Surveys"). A link's token is derived from its invitation id (lib/surveys/token),
// so pages can show a link again without it being stored. The anonymous link is the invitation whose account_id is
// null (a stakeholder's link keeps its account even when the stakeholder is removed).

const fieldError = (field: string, message: string) => new AppError('VALIDATION', 'Check the highlighted fields.', { [field]: [message] });

/** The survey row of the org, locked for the rest of the transaction; NOT_FOUND for a foreign or malformed id. */
export async function lockSurvey(tx: Tx, ctx: TenantCtx, surveyId: string) {
  assertId(surveyId, 'That survey');
  const [row] = await tx.select().from(surveys).where(and(eq(surveys.orgId, ctx.orgId), eq(surveys.id, surveyId))).limit(1).for('update');
  if (!row) throw notFound('That survey');
  return row;
}

/**
 * Creates a survey in the org (CSMs and up). A blank question takes the kind's default with the org's name and the
 * topic; a CSAT or CES survey needs a topic or a question of its own. Audited. Returns the new id.
 */
export async function createSurvey(ctx: TenantCtx, input: CreateSurveyInput): Promise<string> {
  assertRole(ctx, 'csm');
  const s = parseInput(createSurveySchema, input);
  if (s.kind !== 'nps' && !s.question && !s.topic) {
    throw fieldError('topic', s.kind === 'csat' ? 'Name what they rate (e.g. “our support”), or write the question yourself.' : 'Name the task (e.g. “get my issue resolved”), or write the question yourself.');
  }
  const values = {
    orgId: ctx.orgId, kind: s.kind, name: s.name, question: s.question ?? defaultQuestion(s.kind, ctx.orgName, s.topic),
    followUpQuestion: s.followUpQuestion ?? null, topic: s.topic ?? null, status: s.status, linkExpiryDays: s.linkExpiryDays, createdBy: ctx.userId,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(surveys).values(values).returning({ id: surveys.id });
    const { orgId: _org, createdBy: _by, ...after } = values;
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'survey.created', entityType: 'survey', entityId: row.id, after });
    return row.id;
  });
}

/**
 * Opens, closes or reopens a survey of the org (CSMs and up); audited. Back to draft only while it has no links
 * (CONFLICT otherwise). A foreign survey is NOT_FOUND.
 */
export async function setSurveyStatus(ctx: TenantCtx, surveyId: string, status: SurveyStatus): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const s = await lockSurvey(tx, ctx, surveyId);
    if (s.status === status) return;
    if (status === 'draft') {
      const [link] = await tx.select({ id: surveyInvitations.id }).from(surveyInvitations)
        .where(and(eq(surveyInvitations.orgId, ctx.orgId), eq(surveyInvitations.surveyId, surveyId))).limit(1);
      if (link) throw new AppError('CONFLICT', 'This survey has links already, so it cannot go back to draft. Close it instead.');
    }
    await tx.update(surveys).set({ status }).where(and(eq(surveys.orgId, ctx.orgId), eq(surveys.id, surveyId)));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'survey.status_changed', entityType: 'survey', entityId: surveyId, before: { status: s.status }, after: { status },
    });
  });
}

/**
 * The survey's anonymous link (CSMs and up): created on first call, the same one afterwards (one per survey). It has
 * no stakeholder, account or expiry: closing the survey ends it. Returns its public path.
 */
export async function createAnonymousLink(ctx: TenantCtx, surveyId: string): Promise<{ id: string; path: string }> {
  assertRole(ctx, 'csm');
  return db.transaction(async (tx) => {
    await lockSurvey(tx, ctx, surveyId);
    const [existing] = await tx.select({ id: surveyInvitations.id }).from(surveyInvitations)
      .where(and(eq(surveyInvitations.orgId, ctx.orgId), eq(surveyInvitations.surveyId, surveyId), isNull(surveyInvitations.accountId))).limit(1);
    if (existing) return { id: existing.id, path: surveyPath(existing.id) };
    const id = crypto.randomUUID();
    await tx.insert(surveyInvitations).values({ orgId: ctx.orgId, id, surveyId, tokenHash: surveyTokenHash(id), delivery: 'outbox', sentBy: ctx.userId });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'survey.anonymous_link_created', entityType: 'survey', entityId: surveyId, after: { invitationId: id } });
    return { id, path: surveyPath(id) };
  });
}

export type SurveyRow = {
  id: string; kind: SurveyKind; name: string; status: SurveyStatus; createdAt: Date;
  /** links sent to stakeholders (the anonymous link is not counted) */
  sent: number;
  answered: number;
  /** answered ÷ sent × 100; null when nothing was sent */
  responseRate: number | null;
  /** over every answer, anonymous ones included */
  score: SurveyKpi;
};

const COUNTS = (ctx: TenantCtx, ids: string) => sql`
  left join (
    select i.survey_id, count(*) filter (where i.account_id is not null)::int as sent,
      count(*) filter (where i.account_id is not null and i.responded_at is not null)::int as answered
    from survey_invitations i where i.org_id = ${ctx.orgId} and i.survey_id in (${sql.raw(ids)}) group by i.survey_id
  ) inv on inv.survey_id = p.id
  left join (
    select r.survey_id, ${scoreCountsSql('r')} from survey_responses r
    where r.org_id = ${ctx.orgId} and r.survey_id in (${sql.raw(ids)}) group by r.survey_id
  ) resp on resp.survey_id = p.id`;

function toSurveyRow(r: Record<string, unknown>): SurveyRow {
  const sent = num(r.sent);
  const answered = num(r.answered);
  const kind = r.kind as SurveyKind;
  return {
    id: String(r.id), kind, name: String(r.name), status: r.status as SurveyStatus, createdAt: new Date(r.created_at as string),
    sent, answered, responseRate: sent ? (answered * 100) / sent : null,
    score: surveyScore(kind, r.n === null ? EMPTY_COUNTS : readCounts(r), 'No answer yet.'),
  };
}

/** One page of the org's surveys, newest first, with link and answer counts and the score (one query: GROUP BY, no query per row). */
export async function listSurveys(ctx: TenantCtx, page = 1): Promise<{ rows: SurveyRow[]; total: number; page: number; pageSize: number }> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with p as (
      select s.id, s.kind, s.name, s.status, s.created_at from surveys s where s.org_id = ${ctx.orgId}
      order by s.created_at desc, s.id desc limit ${SURVEY_PAGE_SIZE} offset ${(page - 1) * SURVEY_PAGE_SIZE}
    )
    select p.*, inv.sent, inv.answered, resp.*, (select count(*) from surveys s where s.org_id = ${ctx.orgId})::int as total
    from p ${COUNTS(ctx, 'select id from p')}
    order by p.created_at desc, p.id desc`);
  const [{ total }] = rows.length ? [{ total: num(rows[0].total) }] : await queryRows<{ total: number }>(db, sql`
    select count(*)::int as total from surveys s where s.org_id = ${ctx.orgId}`);
  return { rows: rows.map(toSurveyRow), total: num(total), page, pageSize: SURVEY_PAGE_SIZE };
}

export type SurveyDetail = SurveyRow & {
  question: string; followUpQuestion: string | null; topic: string | null; linkExpiryDays: number;
  /** the anonymous link's public path, when one was made */
  anonymousPath: string | null;
};

/** One survey of the org with its counts, score and anonymous link; NOT_FOUND for a foreign or malformed id. Any member. */
export async function getSurvey(ctx: TenantCtx, surveyId: string): Promise<SurveyDetail> {
  assertId(surveyId, 'That survey');
  const [r] = await queryRows<Record<string, unknown>>(db, sql`
    with p as (select s.* from surveys s where s.org_id = ${ctx.orgId} and s.id = ${surveyId})
    select p.id, p.kind, p.name, p.status, p.created_at, p.question, p.follow_up_question, p.topic, p.link_expiry_days,
      inv.sent, inv.answered, resp.n, resp.promoters, resp.passives, resp.detractors, resp.satisfied, resp.agree, resp.sum, resp.sum_squares,
      (select a.id from survey_invitations a where a.org_id = ${ctx.orgId} and a.survey_id = p.id and a.account_id is null
        order by a.sent_at limit 1) as anonymous_id
    from p ${COUNTS(ctx, 'select id from p')}`);
  if (!r) throw notFound('That survey');
  return {
    ...toSurveyRow(r),
    question: String(r.question), followUpQuestion: (r.follow_up_question as string | null) ?? null, topic: (r.topic as string | null) ?? null,
    linkExpiryDays: num(r.link_expiry_days), anonymousPath: r.anonymous_id ? surveyPath(String(r.anonymous_id)) : null,
  };
}

export type LinkRow = {
  id: string; path: string; surveyId: string; surveyName: string; kind: SurveyKind;
  stakeholderName: string | null; accountId: string | null; accountName: string | null; email: string | null;
  sentAt: Date; expiresAt: Date | null; respondedAt: Date | null; delivery: string; deliveryError: string | null;
};

async function listLinks(ctx: TenantCtx, where: ReturnType<typeof sql>, page: number) {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select i.id, i.survey_id, s.name as survey_name, s.kind, st.name as stakeholder_name, i.account_id, a.name as account_name, i.email,
      i.sent_at, i.expires_at, i.responded_at, i.delivery, i.delivery_error, count(*) over ()::int as total
    from survey_invitations i
    join surveys s on s.org_id = i.org_id and s.id = i.survey_id
    left join stakeholders st on st.org_id = i.org_id and st.id = i.stakeholder_id
    left join accounts a on a.org_id = i.org_id and a.id = i.account_id
    where i.org_id = ${ctx.orgId} and i.account_id is not null and ${where}
    order by i.sent_at desc, i.id desc limit ${SURVEY_PAGE_SIZE} offset ${(page - 1) * SURVEY_PAGE_SIZE}`);
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    rows: rows.map((r): LinkRow => ({
      id: String(r.id), path: surveyPath(String(r.id)), surveyId: String(r.survey_id), surveyName: String(r.survey_name), kind: r.kind as SurveyKind,
      stakeholderName: (r.stakeholder_name as string | null) ?? null, accountId: (r.account_id as string | null) ?? null,
      accountName: (r.account_name as string | null) ?? null, email: (r.email as string | null) ?? null, sentAt: new Date(r.sent_at as string),
      expiresAt: date(r.expires_at), respondedAt: date(r.responded_at), delivery: String(r.delivery), deliveryError: (r.delivery_error as string | null) ?? null,
    })),
    total: num(rows[0]?.total), page, pageSize: SURVEY_PAGE_SIZE,
  };
}

/** One page (25) of a survey's stakeholder links, newest first, with the path to copy. Any member; a foreign survey is NOT_FOUND. */
export async function listSurveyLinks(ctx: TenantCtx, surveyId: string, page = 1) {
  assertId(surveyId, 'That survey');
  const [found] = await db.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.orgId, ctx.orgId), eq(surveys.id, surveyId))).limit(1);
  if (!found) throw notFound('That survey');
  return listLinks(ctx, sql`i.survey_id = ${surveyId}`, page);
}

/** One page (25) of the org's links that were not emailed (no SMTP, or a failed send), newest first, every survey. Any member. */
export async function listOutbox(ctx: TenantCtx, page = 1) {
  return listLinks(ctx, sql`i.delivery <> 'sent'`, page);
}
