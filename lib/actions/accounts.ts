'use server';

import { revalidatePath } from 'next/cache';
import { archiveAccount, createAccount, restoreAccount, updateAccount } from '@/lib/dal/accounts';
import { accountIdSchema, createAccountSchema, updateAccountSchema } from '@/lib/validation/accounts';
import { tenantAction } from './safe-action';

// The list, the account page and its edit page all show the account: refresh everything under /accounts.
const refresh = (orgSlug: string) => revalidatePath(`/${orgSlug}/accounts`, 'layout');

/** Creates an account (CSMs and up); returns its id for the form to open it. */
export const createAccountAction = tenantAction(createAccountSchema, async (ctx, input) => {
  const id = await createAccount(ctx, input);
  refresh(ctx.orgSlug);
  return { id };
}, { minRole: 'csm' });

/** Saves the edit form (CSMs and up); every change lands on the timeline. */
export const updateAccountAction = tenantAction(updateAccountSchema, async (ctx, { accountId, ...fields }) => {
  await updateAccount(ctx, accountId, fields);
  refresh(ctx.orgSlug);
  return { id: accountId };
}, { minRole: 'csm' });

/** Archives an account (CSMs and up). */
export const archiveAccountAction = tenantAction(accountIdSchema, async (ctx, { accountId }) => {
  await archiveAccount(ctx, accountId);
  refresh(ctx.orgSlug);
}, { minRole: 'csm' });

/** Restores an archived account (admins only). */
export const restoreAccountAction = tenantAction(accountIdSchema, async (ctx, { accountId }) => {
  await restoreAccount(ctx, accountId);
  refresh(ctx.orgSlug);
}, { minRole: 'admin' });
