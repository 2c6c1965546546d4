import { z } from 'zod';
import { healthFactors, type HealthBands, type HealthFactor, type HealthWeights } from '@/lib/kpi/health';

/** A draft config: admin weights 0–100 per factor and the band thresholds. */
export type HealthDraft = { weights: HealthWeights; bands: HealthBands };

// A blank field is an error, not a silent 0 (z.coerce would turn '' into 0).
const wholeNumber = (min: number, max: number) => {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: message }).int(message).min(min, message).max(max, message));
};
const weight = wholeNumber(0, 100);
const threshold = wholeNumber(1, 100);

const fields = Object.fromEntries(healthFactors.map((f) => [f, weight])) as Record<HealthFactor, typeof weight>;

const draftObject = z.object({ ...fields, yellowFrom: threshold, greenFrom: threshold });

type DraftFields = z.output<typeof draftObject>;

// Cross-field rules, reported next to the field that must change.
function checkDraft(d: DraftFields, ctx: z.RefinementCtx) {
  if (d.yellowFrom >= d.greenFrom) {
    ctx.addIssue({ code: 'custom', path: ['greenFrom'], message: 'Green must start above where yellow starts.' });
  }
  if (healthFactors.every((f) => d[f] === 0)) {
    ctx.addIssue({ code: 'custom', path: ['usageFrequency'], message: 'Give at least one factor a weight above 0.' });
  }
}

const toDraft = (d: DraftFields): HealthDraft => ({
  weights: Object.fromEntries(healthFactors.map((f) => [f, d[f]])) as HealthWeights,
  bands: { yellowFrom: d.yellowFrom, greenFrom: d.greenFrom },
});

/** The weights-and-bands form (FormData or JSON): one field per factor, yellowFrom, greenFrom. */
export const healthDraftSchema = draftObject.superRefine(checkDraft).transform(toDraft);

/** Saving a draft: the form plus a required comment saying why. */
export const saveHealthConfigSchema = draftObject
  .extend({ comment: z.string().trim().min(1, 'Say why you are changing the score (a short comment).').max(500, 'Keep the comment under 500 characters.') })
  .superRefine(checkDraft)
  .transform((d) => ({ draft: toDraft(d), comment: d.comment }));

/** Restoring a stored version by number. */
export const restoreHealthConfigSchema = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) });

/** The version history's page number (bad values fall back to page 1). */
export const healthHistoryParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** set after a save or restore: the version that became active */
  saved: z.coerce.number().int().min(1).optional().catch(undefined),
});

export const HEALTH_HISTORY_PAGE_SIZE = 10;
