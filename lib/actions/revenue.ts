'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getOrgSettings } from '@/lib/dal/orgs';
import { markChurned, reactivate, recordRevenueChange } from '@/lib/dal/revenue';
import { majorUnitsSchema } from '@/lib/money';
import { isoDateSchema } from '@/lib/validation/accounts';
import { parseInput } from '@/lib/validation/parse';
import { churnReasonField, otherReasonField, reasonOf, requireOtherReason } from '@/lib/validation/revenue';
import { tenantAction } from './safe-action';

// The account page shows the MRR card and the timeline: both change with every revenue write.
const refresh = (ctx: TenantCtx, accountId: string) => revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);

// Amounts are typed in major units; how many decimals they may have depends on the org's currency,
// which only the server knows, so money forms are parsed inside the action once the tenant is known.
const moneyForm = z.looseObject({});

const mrrFormSchema = (currency: string, positive: string) => z.object({
  accountId: z.string(),
  effectiveDate: isoDateSchema,
  mrr: majorUnitsSchema(currency, { positive }),
});

/** Records a new MRR from a date on (typed in major units). A move to 0 goes through "Mark churned", which asks why. */
export const recordRevenueChangeAction = tenantAction(moneyForm, async (ctx, form) => {
  const { currency } = await getOrgSettings(ctx);
  const { accountId, ...input } = parseInput(mrrFormSchema(currency, 'Enter an MRR above 0. To take it to 0, use "Mark churned".'), form);
  const id = await recordRevenueChange(ctx, accountId, input);
  refresh(ctx, accountId);
  return { id };
}, { minRole: 'csm' });

/** "Reactivate": a churned account's MRR from 0 back to the typed amount. */
export const reactivateAction = tenantAction(moneyForm, async (ctx, form) => {
  const { currency } = await getOrgSettings(ctx);
  const { accountId, ...input } = parseInput(mrrFormSchema(currency, 'A reactivation needs an MRR above 0.'), form);
  const id = await reactivate(ctx, accountId, input);
  refresh(ctx, accountId);
  return { id };
}, { minRole: 'csm' });

const markChurnedFormSchema = z
  .object({ accountId: z.string(), effectiveDate: isoDateSchema, reason: churnReasonField, otherReason: otherReasonField })
  .superRefine(requireOtherReason('reason'))
  .transform((v) => ({ accountId: v.accountId, effectiveDate: v.effectiveDate, reason: reasonOf(v.reason, v.otherReason) }));

/** "Mark churned": the MRR goes to 0 on a date, with a reason from the list or typed. */
export const markChurnedAction = tenantAction(markChurnedFormSchema, async (ctx, { accountId, ...input }) => {
  const id = await markChurned(ctx, accountId, input);
  refresh(ctx, accountId);
  return { id };
}, { minRole: 'csm' });
