'use server';

import { revalidatePath } from 'next/cache';
import { previewHealthConfig, restoreHealthConfig, saveHealthConfig } from '@/lib/dal/health-config';
import { healthDraftSchema, restoreHealthConfigSchema, saveHealthConfigSchema } from '@/lib/validation/health';
import { tenantAction } from './safe-action';

/** The preview of the draft in the form, computed on the server (admins). */
export const previewHealthConfigAction = tenantAction(healthDraftSchema, (ctx, draft) => previewHealthConfig(ctx, draft));

/** Saves the draft with its comment as a new version and rescored every account (admins). */
export const saveHealthConfigAction = tenantAction(saveHealthConfigSchema, async (ctx, input) => {
  const result = await saveHealthConfig(ctx, input.draft, input.comment);
  // every account's score changed: lists, account pages and the dashboard show it
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return result;
});

/** Restores an older version as the newest one (admins). */
export const restoreHealthConfigAction = tenantAction(restoreHealthConfigSchema, async (ctx, input) => {
  const result = await restoreHealthConfig(ctx, input.version);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return result;
});
