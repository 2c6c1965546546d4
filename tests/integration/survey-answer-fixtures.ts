import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { accountEvents, stakeholders, surveyInvitations, surveyResponses, surveys, type Survey } from '@/db/schema';
import { surveyToken, surveyTokenHash } from '@/lib/surveys/token';

// Surveys and links for the public survey tests, inserted directly (the signed-in send flow is not under test).

/** Inserts a survey in the org: an open NPS survey with a follow-up question unless told otherwise. */
export async function makeSurvey(orgId: string, overrides: Partial<Omit<typeof surveys.$inferInsert, 'orgId'>> = {}): Promise<Survey> {
  const [row] = await db.insert(surveys).values({
    kind: 'nps', name: `Survey ${randomUUID().slice(0, 6)}`, status: 'open',
    question: 'How likely are you to recommend Acme to a friend or colleague?',
    followUpQuestion: 'What is the main reason for your score?',
    ...overrides, orgId,
  }).returning();
  return row;
}

type LinkOpts = { accountId?: string; stakeholderId?: string; expiresAt?: Date | null };

/** Inserts one link of the survey (a person's when accountId/stakeholderId are given, else the anonymous one); returns its id and raw token. */
export async function makeLink(survey: Survey, opts: LinkOpts = {}): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  await db.insert(surveyInvitations).values({
    orgId: survey.orgId, id, surveyId: survey.id, accountId: opts.accountId ?? null, stakeholderId: opts.stakeholderId ?? null,
    tokenHash: surveyTokenHash(id), expiresAt: opts.expiresAt === undefined ? new Date(Date.now() + 7 * 86400_000) : opts.expiresAt,
  });
  return { id, token: surveyToken(id) };
}

/** A random client IP, so tests never share a per-IP rate-limit counter. */
export const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

/** A browser's form post to a link, as route handlers receive it. */
export function formPost(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST', body: new URLSearchParams(fields), headers: { 'x-forwarded-for': randomIp(), ...headers },
  });
}

export const getRequest = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

/** The route handlers' second argument. */
export const paramsOf = (token: string) => ({ params: Promise.resolve({ token }) });

/** The org's responses to an invitation. */
export const responsesOf = (orgId: string, invitationId: string) =>
  db.select().from(surveyResponses).where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.invitationId, invitationId)));

/** The account's events of a kind, oldest first. */
export const eventsOf = (orgId: string, accountId: string, kind: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId), eq(accountEvents.kind, kind))).orderBy(accountEvents.occurredAt);

/** The invitation row. */
export async function invitationRow(orgId: string, id: string) {
  const [row] = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.orgId, orgId), eq(surveyInvitations.id, id)));
  return row;
}

/** A stakeholder's do_not_survey flag. */
export async function doNotSurvey(orgId: string, stakeholderId: string) {
  const [row] = await db.select({ v: stakeholders.doNotSurvey }).from(stakeholders).where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, stakeholderId)));
  return row.v;
}
