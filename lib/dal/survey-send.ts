import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, queryRows, type Tx } from '@/db';
import { accountEvents, surveyInvitations, type SurveyKind } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError, notFound } from '@/lib/errors';
import { smtpConfigured } from '@/lib/mail';
import { kickSurveyEmails } from '@/lib/surveys/email-queue';
import { surveyTokenHash } from '@/lib/surveys/token';
import { parseInput } from '@/lib/validation/parse';
import { sendTargetSchema, type SendTarget } from '@/lib/validation/surveys';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';
import { num } from './kpis/sql';
import { lockSurvey } from './surveys';
import { likeEscape } from './accounts';

// Who a send reaches, set-based: one query classifies every stakeholder of the target as "gets a link" or skipped
// with the first reason that applies. The preview and the send run the same query, so what was previewed is sent.

export const SKIP_REASONS = ['archived', 'left', 'do_not_survey', 'no_email', 'already_linked', 'cooldown'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type Recipient = {
  stakeholderId: string; name: string; email: string | null; accountId: string; accountName: string;
  skip: SkipReason | null;
  /** when this person was last sent any survey of the org */
  lastAskedAt: Date | null;
};

const PREVIEW_ROWS = 100;
const KIND_LABEL: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

function targetWhere(t: SendTarget): SQL {
  if (t.target === 'account') return sql`st.account_id = ${t.accountId}`;
  if (t.target === 'segment') return sql`a.segment = ${t.segment} and a.archived_at is null`;
  if (t.target === 'role') return sql`st.role = ${t.role} and a.archived_at is null`;
  return sql`st.is_primary and a.archived_at is null`;
}

/** The classified stakeholders of the target (org_id in every table), with the reason each is skipped. */
function classified(ctx: TenantCtx, surveyId: string, t: SendTarget): SQL {
  return sql`
    select st.id as stakeholder_id, st.name, st.email, a.id as account_id, a.name as account_name, last.at as last_asked_at,
      case
        when a.archived_at is not null then 'archived'
        when st.left_at is not null then 'left'
        when st.do_not_survey then 'do_not_survey'
        when st.email is null or btrim(st.email) = '' then 'no_email'
        when exists (select 1 from survey_invitations i where i.org_id = ${ctx.orgId} and i.survey_id = ${surveyId} and i.stakeholder_id = st.id) then 'already_linked'
        when o.survey_cooldown_days > 0 and last.at > now() - make_interval(days => o.survey_cooldown_days) then 'cooldown'
      end as skip
    from stakeholders st
    join accounts a on a.org_id = st.org_id and a.id = st.account_id
    join organizations o on o.id = st.org_id
    left join lateral (
      select max(i.sent_at) as at from survey_invitations i where i.org_id = ${ctx.orgId} and i.stakeholder_id = st.id
    ) last on true
    where st.org_id = ${ctx.orgId} and ${targetWhere(t)}`;
}

const toRecipient = (r: Record<string, unknown>): Recipient => ({
  stakeholderId: String(r.stakeholder_id), name: String(r.name), email: (r.email as string | null) ?? null,
  accountId: String(r.account_id), accountName: String(r.account_name), skip: (r.skip as SkipReason | null) ?? null,
  lastAskedAt: r.last_asked_at ? new Date(r.last_asked_at as string) : null,
});

async function checkTarget(ctx: TenantCtx, surveyId: string, input: unknown): Promise<SendTarget> {
  assertId(surveyId, 'That survey');
  const t = parseInput(sendTargetSchema, input);
  if (t.target === 'account') {
    const [a] = await queryRows(db, sql`select 1 from accounts where org_id = ${ctx.orgId} and id = ${t.accountId}`);
    if (!a) throw notFound('That account');
  }
  return t;
}

export type SendPreview = {
  /** the first 100 of each list (by account, then name); the counts cover everyone */
  send: Recipient[]; skipped: Recipient[]; sendCount: number; skipCounts: Record<SkipReason, number>; cooldownDays: number;
};

/** Who a send to the target would reach and who is skipped why (one query). Any member may look; a foreign survey or account is NOT_FOUND. */
export async function previewSend(ctx: TenantCtx, surveyId: string, target: unknown): Promise<SendPreview> {
  const t = await checkTarget(ctx, surveyId, target);
  const [rows, [survey]] = await Promise.all([
    queryRows<Record<string, unknown>>(db, sql`
      with c as (${classified(ctx, surveyId, t)}),
      n as (select c.*, row_number() over (partition by c.skip is null order by c.account_name, c.name, c.stakeholder_id) as rn from c)
      select n.*, (select json_object_agg(coalesce(g.skip, 'send'), g.n) from (select skip, count(*) as n from c group by skip) g) as counts
      from n where rn <= ${PREVIEW_ROWS} order by account_name, name, stakeholder_id`),
    queryRows<{ days: number }>(db, sql`
      select o.survey_cooldown_days as days from surveys s join organizations o on o.id = s.org_id where s.org_id = ${ctx.orgId} and s.id = ${surveyId}`),
  ]);
  if (!survey) throw notFound('That survey');
  const raw = rows[0]?.counts ?? {};
  const counts = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>;
  const skipCounts = Object.fromEntries(SKIP_REASONS.map((k) => [k, num(counts[k])])) as Record<SkipReason, number>;
  const sendCount = num(counts.send);
  const all = rows.map(toRecipient);
  return { send: all.filter((r) => !r.skip), skipped: all.filter((r) => r.skip), sendCount, skipCounts, cooldownDays: num(survey.days) };
}

/** `queued`: links whose email the background sender will send (SMTP configured); `outbox`: links to copy (no SMTP). */
export type SendResult = { sent: number; accounts: number; queued: number; outbox: number };

type NewLink = { id: string; accountId: string; stakeholderId: string; email: string };

/** Inserts the links, one account event per account and the audit entry, in the caller's transaction. */
async function writeLinks(tx: Tx, ctx: TenantCtx, survey: { id: string; kind: SurveyKind; linkExpiryDays: number }, links: NewLink[], t: SendTarget, email: boolean) {
  const expiresAt = sql`now() + make_interval(days => ${survey.linkExpiryDays})`;
  for (let i = 0; i < links.length; i += 1_000) {
    await tx.insert(surveyInvitations).values(links.slice(i, i + 1_000).map((l) => ({
      orgId: ctx.orgId, id: l.id, surveyId: survey.id, accountId: l.accountId, stakeholderId: l.stakeholderId, email: l.email,
      tokenHash: surveyTokenHash(l.id), expiresAt, sentBy: ctx.userId,
      ...(email ? { delivery: 'queued', nextEmailAt: sql`now()` } : { delivery: 'outbox' }),
    })));
  }
  const perAccount = new Map<string, number>();
  for (const l of links) perAccount.set(l.accountId, (perAccount.get(l.accountId) ?? 0) + 1);
  const events = [...perAccount].map(([accountId, n]) => ({
    orgId: ctx.orgId, accountId, kind: 'survey.sent', actorType: 'user' as const, actorId: ctx.userId,
    summary: `${KIND_LABEL[survey.kind]} survey sent to ${n === 1 ? '1 stakeholder' : `${n} stakeholders`}`, data: { surveyId: survey.id, count: n },
  }));
  for (let i = 0; i < events.length; i += 1_000) await tx.insert(accountEvents).values(events.slice(i, i + 1_000));
  await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
    action: 'survey.sent', entityType: 'survey', entityId: survey.id, after: { ...t, links: links.length, accounts: perAccount.size },
  });
  return perAccount.size;
}

/**
 * Sends an open survey to the target (CSMs and up): one link per stakeholder who is not skipped, written in one
 * transaction with an account event per account and an audit entry; the org row is locked so two sends cannot both
 * pass the cooldown. With SMTP configured the links are queued for the background sender, which starts after the
 * commit (lib/surveys/email-queue.ts); otherwise they wait in the outbox to be copied.
 * CONFLICT when the survey is not open or nobody is left to send to; a foreign survey or account is NOT_FOUND.
 */
export async function sendSurvey(ctx: TenantCtx, surveyId: string, target: unknown): Promise<SendResult> {
  assertRole(ctx, 'csm');
  const t = await checkTarget(ctx, surveyId, target);
  const email = smtpConfigured();
  const { links, accounts } = await db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from organizations where id = ${ctx.orgId} for no key update`);
    const survey = await lockSurvey(tx, ctx, surveyId);
    if (survey.status !== 'open') throw new AppError('CONFLICT', survey.status === 'draft' ? 'Open the survey before sending it.' : 'This survey is closed. Reopen it to send more links.');
    const rows = await queryRows<Record<string, unknown>>(tx, sql`select * from (${classified(ctx, surveyId, t)}) c where c.skip is null`);
    if (rows.length === 0) throw new AppError('CONFLICT', 'Nobody to send to: everyone in this selection is skipped.');
    const links = rows.map((r) => ({ id: crypto.randomUUID(), accountId: String(r.account_id), stakeholderId: String(r.stakeholder_id), email: String(r.email).trim() }));
    const accounts = await writeLinks(tx, ctx, survey, links, t, email);
    return { links, accounts };
  });
  if (email) await kickSurveyEmails();
  return { sent: links.length, accounts, queued: email ? links.length : 0, outbox: email ? 0 : links.length };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many accounts the send page's picker lists at once; a search narrows the rest. */
export const ACCOUNT_OPTIONS_MAX = 500;

export type AccountOptions = { rows: { id: string; name: string }[]; total: number };

/**
 * The org's accounts that are not archived for the send page's account picker, by name: those whose name or domain
 * contains `q` (all without), at most ACCOUNT_OPTIONS_MAX, plus the account already chosen (`keep`) wherever it
 * sorts; `total` counts every match. Any member.
 */
export async function listAccountOptions(ctx: TenantCtx, opts: { q?: string; keep?: string } = {}): Promise<AccountOptions> {
  const match = opts.q ? sql`(a.name ilike ${`%${likeEscape(opts.q)}%`} or a.domain ilike ${`%${likeEscape(opts.q)}%`})` : sql`true`;
  const keep = opts.keep && UUID_RE.test(opts.keep) ? sql`a.id = ${opts.keep}::uuid` : sql`false`;
  const rows = await queryRows<{ id: string; name: string; total: number }>(db, sql`
    select a.id, a.name, count(*) filter (where ${match}) over () as total from accounts a
    where a.org_id = ${ctx.orgId} and a.archived_at is null and (${match} or ${keep})
    order by case when ${keep} then 0 else 1 end, lower(a.name), a.id limit ${ACCOUNT_OPTIONS_MAX + 1}`);
  const picked = rows.slice(0, ACCOUNT_OPTIONS_MAX).map((r) => ({ id: String(r.id), name: String(r.name) }))
    .sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase()) || x.id.localeCompare(y.id));
  return { rows: picked, total: rows.length ? Number(rows[0].total) : 0 };
}
