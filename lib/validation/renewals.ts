import { z } from 'zod';
import { isoDateSchema } from './accounts';
import { minorUnitsSchema, reasonSchema } from './revenue';

/** A renewal due on a date with the ARR (minor units) up for renewal. */
export const createRenewalSchema = z.object({ dueDate: isoDateSchema, arrDue: minorUnitsSchema() });

export const DECIDED_OUTCOMES = ['renewed', 'downgraded', 'churned'] as const;

/**
 * The outcome of a pending renewal. Renewed and downgraded need the renewed ARR (minor units, above
 * 0); churned renews nothing (0) and needs the churn reason (the account's MRR goes to 0 at the due
 * date with it). How it compares with the ARR due is checked by the DAL.
 */
export const recordRenewalOutcomeSchema = z
  .object({
    outcome: z.enum(DECIDED_OUTCOMES, { message: 'Choose renewed, downgraded or churned.' }),
    renewedArr: z.preprocess((v) => (v === '' || v === null ? undefined : v), minorUnitsSchema().optional()),
    churnReason: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), reasonSchema.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'churned' && v.renewedArr) {
      ctx.addIssue({ code: 'custom', path: ['renewedArr'], message: 'A churned renewal renews nothing: leave the ARR empty or 0.' });
    }
    if (v.outcome !== 'churned' && !v.renewedArr) {
      ctx.addIssue({ code: 'custom', path: ['renewedArr'], message: 'Enter the renewed ARR (above 0).' });
    }
    if (v.outcome === 'churned' && !v.churnReason) {
      ctx.addIssue({ code: 'custom', path: ['churnReason'], message: 'Give the churn reason: the account\'s MRR goes to 0 at the due date.' });
    }
  })
  .transform((v) => (v.outcome === 'churned'
    ? { outcome: v.outcome, renewedArr: 0, churnReason: v.churnReason ?? null }
    : { outcome: v.outcome, renewedArr: v.renewedArr!, churnReason: null }));

export type RenewalOutcomeInput = z.input<typeof recordRenewalOutcomeSchema>;

/** Which page of an account's renewals; bad values fall back to the defaults. */
export const renewalListParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});
