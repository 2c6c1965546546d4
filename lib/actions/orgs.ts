'use server';

import { revalidatePath } from 'next/cache';
import { deleteOrganization, updateOrgSettings } from '@/lib/dal/orgs';
import { deleteOrgSchema, updateOrgSettingsSchema } from '@/lib/validation/orgs';
import { tenantAction } from './safe-action';

/** Saves the org settings; returns the slug so the form can move to the new URL after a change. */
export const updateOrgSettingsAction = tenantAction(updateOrgSettingsSchema, async (ctx, input) => {
  const result = await updateOrgSettings(ctx, input);
  // the name and slug show in the shell of every page of the org
  revalidatePath(`/${result.slug}`, 'layout');
  return result;
}, { minRole: 'admin' });

/** Deletes the org and everything in it (owners); the form then leaves for the user's next org. */
export const deleteOrgAction = tenantAction(deleteOrgSchema, async (ctx, { confirmSlug }) => {
  await deleteOrganization(ctx, confirmSlug);
  return { deleted: ctx.orgSlug };
}, { minRole: 'owner' });
