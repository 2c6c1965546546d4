import { z } from 'zod';
import { segmentEnum, stakeholderRoleEnum, surveyKindEnum, surveyStatusEnum, type SurveyKind } from '@/db/schema/enums';

/** The answer scale of each kind (DESIGN.md "Surveys"): NPS 0–10, CSAT 1–5, CES 1–7. */
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  nps: 'NPS (0–10)',
  csat: 'CSAT (1–5)',
  ces: 'CES (1–7)',
};

export const DEFAULT_FOLLOW_UP = 'What is the main reason for your score?';
export const DEFAULT_LINK_EXPIRY_DAYS = 30;

/** The question DESIGN.md gives each kind, with the org's name and the topic (CSAT) or task (CES) filled in. */
export function defaultQuestion(kind: SurveyKind, orgName: string, topic?: string | null): string {
  if (kind === 'nps') return `How likely are you to recommend ${orgName} to a friend or colleague?`;
  if (kind === 'csat') return `How satisfied are you with ${topic || orgName}?`;
  return `${orgName} made it easy for me to ${topic || 'get what I needed done'}.`;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number, what: string) =>
  z.string({ message: `Enter ${what}.` }).trim().min(1, { message: `Enter ${what}.` }).max(max, { message: `Use at most ${max} characters.` });

/**
 * A new survey. A blank question takes the kind's default (built by the DAL, which knows the org's name); a blank
 * follow-up means none. The kind fixes the score scale, so an unknown kind is the only way to ask for a bad one.
 */
export const createSurveySchema = z.object({
  kind: z.enum(surveyKindEnum.enumValues, { message: 'Choose NPS, CSAT or CES.' }),
  name: text(100, 'a short internal name'),
  question: z.preprocess(blank, text(300, 'the question').optional()),
  followUpQuestion: z.preprocess(blank, text(300, 'the follow-up question').optional()),
  topic: z.preprocess(blank, text(100, 'a topic or task').optional()),
  status: z.preprocess(blank, z.enum(['draft', 'open'], { message: 'Start it as a draft or open.' }).default('draft')),
  linkExpiryDays: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Enter a whole number of days.' })
      .int({ message: 'Enter a whole number of days.' })
      .min(1, { message: 'Use a number from 1 to 365.' })
      .max(365, { message: 'Use a number from 1 to 365.' })
      .default(DEFAULT_LINK_EXPIRY_DAYS),
  ),
});

export type CreateSurveyInput = z.input<typeof createSurveySchema>;

/** Opening or closing a survey (a draft can be opened, an open one closed, a closed one reopened). */
export const surveyStatusSchema = z.object({
  status: z.enum(surveyStatusEnum.enumValues, { message: 'Choose draft, open or closed.' }),
});

/** Who a send goes to: one account's people, a segment's, a stakeholder role's, or every primary contact. */
export const SEND_TARGETS = ['account', 'segment', 'role', 'primary'] as const;
export type SendTargetKind = (typeof SEND_TARGETS)[number];

export const sendTargetSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('account'), accountId: z.uuid({ message: 'Choose an account.' }) }),
  z.object({ target: z.literal('segment'), segment: z.enum(segmentEnum.enumValues, { message: 'Choose a segment.' }) }),
  z.object({ target: z.literal('role'), role: z.enum(stakeholderRoleEnum.enumValues, { message: 'Choose a role.' }) }),
  z.object({ target: z.literal('primary') }),
], { message: 'Choose who gets the survey.' });

export type SendTarget = z.output<typeof sendTargetSchema>;

/** The send page's search params: a target when one was picked, else null (nothing previewed yet). */
export function parseSendParams(raw: Record<string, unknown>): SendTarget | null {
  const r = sendTargetSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/** The search params that name a target (for links and the hidden fields of the send form). */
export function sendTargetParams(t: SendTarget): Record<string, string> {
  if (t.target === 'account') return { target: t.target, accountId: t.accountId };
  if (t.target === 'segment') return { target: t.target, segment: t.segment };
  if (t.target === 'role') return { target: t.target, role: t.role };
  return { target: t.target };
}

const page = z.coerce.number().int().min(1).max(100_000).default(1).catch(1);

/** The results page's filters (segment, account) and comments page; bad values fall back to no filter. */
export const surveyResultsParamsSchema = z.object({
  segment: z.enum(segmentEnum.enumValues).optional().catch(undefined),
  account: z.uuid().optional().catch(undefined),
  page,
});

export type SurveyResultsParams = z.output<typeof surveyResultsParamsSchema>;

/** A list page's page number. */
export const pageParamsSchema = z.object({ page });

export const SURVEY_PAGE_SIZE = 25;
