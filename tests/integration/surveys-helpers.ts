import { db } from '@/db';
import { surveyInvitations, surveyResponses, surveys, type SurveyKind, type SurveyStatus } from '@/db/schema';
import { surveyTokenHash } from '@/lib/surveys/token';

// Hand-built surveys, links and answers for the survey tests (the public answer page is another module's).

/** Inserts a survey straight into the org (no audit), open unless told otherwise. */
export async function insertSurvey(orgId: string, kind: SurveyKind, overrides: { status?: SurveyStatus; name?: string } = {}) {
  const [row] = await db.insert(surveys).values({
    orgId, kind, name: overrides.name ?? `${kind} survey`, question: `A ${kind} question?`, status: overrides.status ?? 'open',
  }).returning();
  return row;
}

type Link = { accountId?: string | null; stakeholderId?: string | null; sentAt?: Date; email?: string | null; respondedAt?: Date | null };

/** Inserts one link (anonymous when accountId is null) with a derived token hash; returns its id. */
export async function insertLink(orgId: string, surveyId: string, link: Link = {}): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(surveyInvitations).values({
    orgId, id, surveyId, accountId: link.accountId ?? null, stakeholderId: link.stakeholderId ?? null, email: link.email ?? null,
    tokenHash: surveyTokenHash(id), respondedAt: link.respondedAt ?? null, ...(link.sentAt ? { sentAt: link.sentAt } : {}),
  });
  return id;
}

type Answer = { score: number; comment?: string | null; accountId?: string | null; stakeholderId?: string | null; createdAt?: Date };

/** Inserts answers, each through a link of its own (an anonymous one when accountId is null). */
export async function insertAnswers(orgId: string, surveyId: string, answers: Answer[]): Promise<void> {
  for (const a of answers) {
    const invitationId = await insertLink(orgId, surveyId, { accountId: a.accountId, stakeholderId: a.stakeholderId, sentAt: a.createdAt, respondedAt: a.createdAt ?? new Date() });
    await db.insert(surveyResponses).values({
      orgId, surveyId, invitationId, accountId: a.accountId ?? null, stakeholderId: a.stakeholderId ?? null, score: a.score,
      comment: a.comment ?? null, respondentKey: a.accountId ? 'invitation' : `cookie-${invitationId}`, ...(a.createdAt ? { createdAt: a.createdAt } : {}),
    });
  }
}

/** n copies of an answer. */
export const times = (n: number, a: Answer): Answer[] => Array.from({ length: n }, () => ({ ...a }));
