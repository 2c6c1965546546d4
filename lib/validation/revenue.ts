import { z } from 'zod';
import { isoDateSchema } from './accounts';

/** The most a money field takes, in minor units: 100 billion in a two-decimal currency. */
export const MONEY_MAX = 10_000_000_000_000;

// Forms send '' for "nothing": that is a missing amount, never 0.
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An amount in integer minor units (cents), at least `min`; strings from forms are coerced. */
export const minorUnitsSchema = (min = 0, tooSmall = 'The amount cannot be negative.') =>
  z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Enter an amount.' })
      .int({ message: 'Use whole minor units (cents).' })
      .min(min, { message: tooSmall })
      .max(MONEY_MAX, { message: 'That amount is larger than we can store.' }),
  );

/** Reasons the UI offers; any short text is accepted (the API sends the billing system's own). */
export const CHURN_REASONS = ['Budget cuts', 'Moved to competitor', 'Acquired', 'Poor adoption', 'Missing features', 'Went out of business'] as const;

export const reasonSchema = z
  .string({ message: 'Give the churn reason.' })
  .trim()
  .min(1, { message: 'Give the churn reason.' })
  .max(200, { message: 'Keep the reason to 200 characters or fewer.' });

/** The forms' churn-reason select: one of CHURN_REASONS, or OTHER_REASON with the reason typed into `otherReason`. */
export const OTHER_REASON = 'other';
export const churnReasonField = z.enum([...CHURN_REASONS, OTHER_REASON], { message: 'Choose why the account churned.' });
export const otherReasonField = z.string().trim().max(200, { message: 'Keep the reason to 200 characters or fewer.' }).optional();
/** superRefine: "Other…" needs the typed reason. */
export const requireOtherReason = (field: string) => (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (v[field] === OTHER_REASON && !v.otherReason) ctx.addIssue({ code: 'custom', path: ['otherReason'], message: 'Say why the account churned.' });
};
/** The reason a form meant: the chosen one, or the typed one under "Other…". */
export const reasonOf = (reason: string, other: string | undefined) => (reason === OTHER_REASON ? other ?? '' : reason);

export const CHURN_REASON_REQUIRED = 'Give the churn reason: a change to 0 is a churn.';

/** A revenue change: the account's MRR (minor units) from `effectiveDate` on; a change to 0 needs a churn reason. */
export const recordRevenueChangeSchema = z
  .object({
    effectiveDate: isoDateSchema,
    mrr: minorUnitsSchema(),
    churnReason: z.preprocess(blank, reasonSchema.nullish()).transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.mrr === 0 && !v.churnReason) ctx.addIssue({ code: 'custom', path: ['churnReason'], message: CHURN_REASON_REQUIRED });
    if (v.mrr > 0 && v.churnReason) ctx.addIssue({ code: 'custom', path: ['churnReason'], message: 'A churn reason goes only with an MRR of 0.' });
  });

export type RevenueChangeInput = z.input<typeof recordRevenueChangeSchema>;

/** "Mark churned": the date the MRR goes to 0 and why. */
export const markChurnedSchema = z.object({ effectiveDate: isoDateSchema, reason: reasonSchema });

/** "Reactivate": the date and the new MRR (minor units, above 0). */
export const reactivateSchema = z.object({
  effectiveDate: isoDateSchema,
  mrr: minorUnitsSchema(1, 'A reactivation needs an MRR above 0.'),
});

/** Which page of an account's MRR history; bad values fall back to the defaults. */
export const mrrHistoryParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});

export type MrrHistoryParams = z.input<typeof mrrHistoryParamsSchema>;
