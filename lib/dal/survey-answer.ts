import 'server-only';
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accountEvents, organizations, stakeholders, surveyInvitations, surveyResponses, surveys } from '@/db/schema';
import type { SurveyKind, SurveyStatus } from '@/db/schema/enums';
import { hashSurveyToken } from '@/lib/surveys/token';
import { parseSurveyAnswer, surveyTokenSchema, type AnswerErrors } from '@/lib/validation/survey-answer';
import { oneLine } from './events';
import { refreshAccounts } from '@/lib/health/refresh';

// The public side of surveys: no session and no TenantCtx. The org is found from the token's hash
// (unique across orgs) and every query after that carries that org_id.

/** What a survey link points at, as the public page needs it. */
export type SurveyLink = {
  orgId: string;
  orgName: string;
  invitationId: string;
  surveyId: string;
  kind: SurveyKind;
  question: string;
  followUpQuestion: string | null;
  status: SurveyStatus;
  expiresAt: Date | null;
  accountId: string | null;
  stakeholderId: string | null;
  stakeholderName: string | null;
  /** the survey's anonymous link: many answers, one per browser, in no account's health */
  anonymous: boolean;
};

export type LinkState = 'open' | 'not_open' | 'closed' | 'expired';

/** How long after the first answer a second submit replaces it. */
export const CHANGE_WINDOW_HOURS = 24;

/** The link a raw token names, in whichever org issued it; null when the token is malformed or unknown. */
export async function findSurveyLink(token: string, tx: Tx = db): Promise<SurveyLink | null> {
  if (!surveyTokenSchema.safeParse(token).success) return null;
  const [row] = await tx
    .select({
      orgId: surveyInvitations.orgId,
      orgName: organizations.name,
      invitationId: surveyInvitations.id,
      surveyId: surveyInvitations.surveyId,
      kind: surveys.kind,
      question: surveys.question,
      followUpQuestion: surveys.followUpQuestion,
      status: surveys.status,
      expiresAt: surveyInvitations.expiresAt,
      accountId: surveyInvitations.accountId,
      stakeholderId: surveyInvitations.stakeholderId,
      stakeholderName: stakeholders.name,
    })
    .from(surveyInvitations)
    .innerJoin(organizations, eq(organizations.id, surveyInvitations.orgId))
    .innerJoin(surveys, and(eq(surveys.orgId, surveyInvitations.orgId), eq(surveys.id, surveyInvitations.surveyId)))
    .leftJoin(stakeholders, and(eq(stakeholders.orgId, surveyInvitations.orgId), eq(stakeholders.id, surveyInvitations.stakeholderId)))
    .where(eq(surveyInvitations.tokenHash, hashSurveyToken(token)));
  return row ? { ...row, anonymous: row.accountId === null } : null;
}

/** Whether a link takes answers now: a draft survey is not open yet; closed beats expired. */
export function linkState(link: Pick<SurveyLink, 'status' | 'expiresAt'>, now = new Date()): LinkState {
  if (link.status === 'draft') return 'not_open';
  if (link.status === 'closed') return 'closed';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/**
 * Who is answering: a stakeholder's link has one respondent ('invitation'); on the anonymous link it is the
 * browser, keyed by a hash of its cookie id and the invitation (so the same browser is not linkable across surveys).
 */
export function respondentKey(link: Pick<SurveyLink, 'anonymous' | 'invitationId'>, browserId: string | null): string | null {
  if (!link.anonymous) return 'invitation';
  if (!browserId) return null;
  return crypto.createHash('sha256').update(`${link.invitationId}:${browserId}`).digest('hex');
}

export type OwnAnswer = { score: number; comment: string | null; answeredAt: Date; changeableUntil: Date; changeable: boolean };

/** This respondent's stored answer on the link (in the link's org), with whether it can still be changed; null when none. */
export async function findOwnAnswer(link: SurveyLink, browserId: string | null, tx: Tx = db): Promise<OwnAnswer | null> {
  const key = respondentKey(link, browserId);
  if (!key) return null;
  const [row] = await tx
    .select({
      score: surveyResponses.score,
      comment: surveyResponses.comment,
      answeredAt: surveyResponses.createdAt,
      changeable: sql<boolean>`${surveyResponses.createdAt} > now() - make_interval(hours => ${CHANGE_WINDOW_HOURS})`,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, link.orgId), eq(surveyResponses.invitationId, link.invitationId), eq(surveyResponses.respondentKey, key)));
  if (!row) return null;
  const changeableUntil = new Date(row.answeredAt.getTime() + CHANGE_WINDOW_HOURS * 3600_000);
  return { ...row, changeableUntil };
}

export type AnswerOutcome =
  | { status: 'unknown' }
  | { status: Exclude<LinkState, 'open'> | 'too_late'; link: SurveyLink }
  | { status: 'invalid'; link: SurveyLink; errors: AnswerErrors; comment: string }
  | { status: 'stored'; link: SurveyLink; replaced: boolean; responseId: string };

const KIND_LABEL: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** "NPS 3 from Jane Doe: “too slow”": the timeline line of an answer, the comment cut to one short line. */
export function answerSummary(link: SurveyLink, score: number, comment: string | undefined, replaced: boolean): string {
  const who = link.stakeholderName ?? 'a former contact';
  const said = comment ? `: “${oneLine(comment, 80)}”` : '';
  return `${KIND_LABEL[link.kind]} ${score} from ${who}${replaced ? ' (changed answer)' : ''}${said}`;
}

/**
 * Validates and stores one answer to the link a raw token names, in that link's org, in one transaction: the
 * response (a second submit within 24 h of the first replaces it, later ones are refused), the invitation's
 * responded_at (the first answer's time) and, for a stakeholder's link, a 'survey.answered' account event.
 * `browserId` is the anonymous link's per-browser cookie id (ignored on a stakeholder's link).
 */
export async function recordSurveyAnswer(
  token: string,
  fields: { score?: unknown; comment?: unknown },
  browserId: string | null,
): Promise<AnswerOutcome> {
  return db.transaction(async (tx) => {
    const link = await findSurveyLink(token, tx);
    if (!link) return { status: 'unknown' } as const;
    const state = linkState(link);
    if (state !== 'open') return { status: state, link };
    const parsed = parseSurveyAnswer(link.kind, fields);
    if (!parsed.ok) return { status: 'invalid', link, errors: parsed.errors, comment: typeof fields.comment === 'string' ? fields.comment : '' };
    const key = respondentKey(link, browserId);
    if (!key) throw new Error('An answer on the anonymous link needs the browser id');
    const { score } = parsed.data;
    // no follow-up question on the survey: nothing to keep, whatever was posted
    const comment = link.followUpQuestion ? parsed.data.comment : undefined;

    // One statement decides insert, replace or refuse, so two submits at once cannot both insert.
    const [row] = await tx
      .insert(surveyResponses)
      .values({
        orgId: link.orgId, surveyId: link.surveyId, invitationId: link.invitationId, respondentKey: key,
        accountId: link.accountId, stakeholderId: link.stakeholderId, score, comment: comment ?? null,
      })
      .onConflictDoUpdate({
        target: [surveyResponses.orgId, surveyResponses.invitationId, surveyResponses.respondentKey],
        set: { score, comment: comment ?? null, updatedAt: sql`now()` },
        setWhere: sql`${surveyResponses.createdAt} > now() - make_interval(hours => ${CHANGE_WINDOW_HOURS})`,
      })
      .returning({
        id: surveyResponses.id,
        // a fresh insert has created_at = updated_at = now(); a replacement moved only updated_at
        replaced: sql<boolean>`${surveyResponses.createdAt} <> ${surveyResponses.updatedAt}`,
      });
    if (!row) return { status: 'too_late', link };
    const { replaced } = row;

    await tx
      .update(surveyInvitations)
      .set({ respondedAt: sql`coalesce(${surveyInvitations.respondedAt}, now())` })
      .where(and(eq(surveyInvitations.orgId, link.orgId), eq(surveyInvitations.id, link.invitationId)));
    if (link.accountId) {
      await tx.insert(accountEvents).values({
        orgId: link.orgId, accountId: link.accountId, kind: 'survey.answered', actorType: 'system',
        summary: answerSummary(link, score, comment, replaced),
        data: { surveyId: link.surveyId, invitationId: link.invitationId, responseId: row.id, kind: link.kind, score, body: comment ?? null, replaced },
      });
    }
    // the answer is an NPS/CSAT/CES input of the account's health: refresh it and run its playbooks in this request
    if (link.accountId) await refreshAccounts(tx, link.orgId, [link.accountId]);
    return { status: 'stored', link, replaced, responseId: row.id };
  });
}

export type UnsubscribeOutcome =
  | { status: 'unknown' }
  | { status: 'no_person'; link: SurveyLink }
  | { status: 'done'; link: SurveyLink; already: boolean };

/**
 * Sets do_not_survey on the stakeholder a link was sent to (in the link's org), with an account event, in one
 * transaction; works on expired and closed links too. The anonymous link (or a removed person) has nobody to unsubscribe.
 */
export async function unsubscribeByToken(token: string): Promise<UnsubscribeOutcome> {
  return db.transaction(async (tx) => {
    const link = await findSurveyLink(token, tx);
    if (!link) return { status: 'unknown' } as const;
    if (!link.stakeholderId || !link.accountId) return { status: 'no_person', link };
    const changed = await tx
      .update(stakeholders)
      .set({ doNotSurvey: true })
      .where(and(eq(stakeholders.orgId, link.orgId), eq(stakeholders.id, link.stakeholderId), eq(stakeholders.doNotSurvey, false)))
      .returning({ id: stakeholders.id });
    if (changed.length > 0) {
      await tx.insert(accountEvents).values({
        orgId: link.orgId, accountId: link.accountId, kind: 'survey.unsubscribed', actorType: 'system',
        summary: `${link.stakeholderName ?? 'A contact'} unsubscribed from surveys`,
        data: { stakeholderId: link.stakeholderId, invitationId: link.invitationId, surveyId: link.surveyId },
      });
    }
    return { status: 'done', link, already: changed.length === 0 };
  });
}

/** Whether the stakeholder a link was sent to has unsubscribed (false for the anonymous link). */
export async function isUnsubscribed(link: SurveyLink): Promise<boolean> {
  if (!link.stakeholderId) return false;
  const [row] = await db
    .select({ doNotSurvey: stakeholders.doNotSurvey })
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, link.orgId), eq(stakeholders.id, link.stakeholderId)));
  return row?.doNotSurvey ?? false;
}
