'use server';

import { revalidatePath } from 'next/cache';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import {
  createStakeholder, deleteStakeholder, logStakeholderContact, markStakeholderBack, markStakeholderLeft, updateStakeholder,
} from '@/lib/dal/stakeholders';
import { createStakeholderSchema, stakeholderIdSchema, updateStakeholderSchema } from '@/lib/validation/stakeholders';
import { tenantAction } from './safe-action';

// Every stakeholder write changes the account page (list, relationship card, timeline).
const refresh = (ctx: TenantCtx, accountId: string) => revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);

export const createStakeholderAction = tenantAction(createStakeholderSchema, async (ctx, { accountId, ...fields }) => {
  const id = await createStakeholder(ctx, accountId, fields);
  refresh(ctx, accountId);
  return { id };
}, { minRole: 'csm' });

export const updateStakeholderAction = tenantAction(updateStakeholderSchema, async (ctx, { stakeholderId, ...fields }) => {
  refresh(ctx, await updateStakeholder(ctx, stakeholderId, fields));
}, { minRole: 'csm' });

export const deleteStakeholderAction = tenantAction(stakeholderIdSchema, async (ctx, { stakeholderId }) => {
  refresh(ctx, await deleteStakeholder(ctx, stakeholderId));
}, { minRole: 'csm' });

export const logContactAction = tenantAction(stakeholderIdSchema, async (ctx, { stakeholderId }) => {
  refresh(ctx, await logStakeholderContact(ctx, stakeholderId));
}, { minRole: 'csm' });

export const markLeftAction = tenantAction(stakeholderIdSchema, async (ctx, { stakeholderId }) => {
  refresh(ctx, await markStakeholderLeft(ctx, stakeholderId));
}, { minRole: 'csm' });

export const markBackAction = tenantAction(stakeholderIdSchema, async (ctx, { stakeholderId }) => {
  refresh(ctx, await markStakeholderBack(ctx, stakeholderId));
}, { minRole: 'csm' });
