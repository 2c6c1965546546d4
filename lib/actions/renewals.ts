'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getOrgSettings } from '@/lib/dal/orgs';
import { createRenewal, recordRenewalOutcome } from '@/lib/dal/renewals';
import { majorUnitsSchema, optionalMajorUnitsSchema } from '@/lib/money';
import { isoDateSchema } from '@/lib/validation/accounts';
import { parseInput } from '@/lib/validation/parse';
import { DECIDED_OUTCOMES } from '@/lib/validation/renewals';
import { churnReasonField, otherReasonField, reasonOf, requireOtherReason } from '@/lib/validation/revenue';
import { tenantAction } from './safe-action';

// ARR is typed in major units of the org's currency, known only once the tenant is: parsed in the action.
const moneyForm = z.looseObject({});

const createFormSchema = (currency: string) => z.object({ accountId: z.string(), dueDate: isoDateSchema, arrDue: majorUnitsSchema(currency) });

/** Adds a pending renewal (due date, ARR due in major units) to an account. */
export const createRenewalAction = tenantAction(moneyForm, async (ctx, form) => {
  const { currency } = await getOrgSettings(ctx);
  const { accountId, ...input } = parseInput(createFormSchema(currency), form);
  const id = await createRenewal(ctx, accountId, input);
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return { id };
}, { minRole: 'csm' });

// accountId only names the page to refresh: the DAL finds the renewal (and its account) by id in the org.
const outcomeFormSchema = (currency: string) => z.object({
  accountId: z.uuid({ message: 'That account was not found.' }),
  renewalId: z.string(),
  outcome: z.enum(DECIDED_OUTCOMES, { message: 'Choose renewed, downgraded or churned.' }),
  renewedArr: optionalMajorUnitsSchema(currency),
  // shown only for "churned": an unanswered select is no reason (the DAL asks for one when churned)
  churnReason: z.preprocess((v) => (v === '' ? undefined : v), churnReasonField.optional()),
  otherReason: otherReasonField,
})
  .superRefine(requireOtherReason('churnReason'))
  .transform(({ otherReason, ...v }) => ({ ...v, churnReason: v.churnReason === undefined ? undefined : reasonOf(v.churnReason, otherReason) }));

/** Decides a pending renewal; any outcome but churned adds the next one 12 months later (in the DAL). */
export const recordRenewalOutcomeAction = tenantAction(moneyForm, async (ctx, form) => {
  const { currency } = await getOrgSettings(ctx);
  const { accountId, renewalId, ...input } = parseInput(outcomeFormSchema(currency), form);
  const result = await recordRenewalOutcome(ctx, renewalId, input);
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return result;
}, { minRole: 'csm' });
