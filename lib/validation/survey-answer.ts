import { z } from 'zod';
import type { SurveyKind } from '@/db/schema/enums';
import { SURVEY_SCALES } from './surveys';

/** The longest follow-up answer we keep. */
export const COMMENT_MAX = 2000;

/** A raw link token: 128 bits in base64url is 22 characters; anything else cannot be ours. */
export const surveyTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** The words under each scale's ends and, for CSAT and CES, every point (screen readers hear them). */
export const SCALE_WORDS: Record<SurveyKind, Record<number, string>> = {
  nps: { 0: 'Not at all likely', 10: 'Extremely likely' },
  csat: { 1: 'Very dissatisfied', 2: 'Dissatisfied', 3: 'Neutral', 4: 'Satisfied', 5: 'Very satisfied' },
  ces: {
    1: 'Strongly disagree', 2: 'Disagree', 3: 'Somewhat disagree', 4: 'Neither agree nor disagree',
    5: 'Somewhat agree', 6: 'Agree', 7: 'Strongly agree',
  },
};

/** The points of a kind's scale, low to high. */
export function scalePoints(kind: SurveyKind): number[] {
  const { min, max } = SURVEY_SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/**
 * One answer from the public form, for a survey of `kind`: the score on the kind's scale and an optional
 * comment. Form values are strings, so the score is coerced; a blank score is "missing", never 0.
 */
export function surveyAnswerSchema(kind: SurveyKind) {
  const { min, max } = SURVEY_SCALES[kind];
  const outside = `Choose a score from ${min} to ${max}.`;
  return z.object({
    score: z.preprocess(
      blank,
      z.coerce
        .number({ message: 'Choose a score.' })
        .int({ message: outside })
        .min(min, { message: outside })
        .max(max, { message: outside }),
    ),
    comment: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(COMMENT_MAX, { message: `Keep your answer to ${COMMENT_MAX.toLocaleString('en')} characters or fewer.` })
        .optional(),
    ),
  });
}

export type SurveyAnswer = z.output<ReturnType<typeof surveyAnswerSchema>>;

export type AnswerErrors = Partial<Record<'score' | 'comment', string>>;

/** Parses the posted fields; on failure, one message per field for the page to show next to it. */
export function parseSurveyAnswer(
  kind: SurveyKind,
  fields: { score?: unknown; comment?: unknown },
): { ok: true; data: SurveyAnswer } | { ok: false; errors: AnswerErrors } {
  const result = surveyAnswerSchema(kind).safeParse({ score: fields.score, comment: fields.comment });
  if (result.success) return { ok: true, data: result.data };
  const errors: AnswerErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if ((key === 'score' || key === 'comment') && !errors[key]) errors[key] = issue.message;
  }
  if (!errors.score && !errors.comment) errors.score = 'Choose a score.';
  return { ok: false, errors };
}
