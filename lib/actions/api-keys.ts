'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey } from '@/lib/dal/api-keys';
import { apiKeyIdSchema, createApiKeySchema } from '@/lib/validation/api-keys';
import { tenantAction } from './safe-action';

/** Creates a key and returns it: the only time the full key is ever shown. */
export const createApiKeyAction = tenantAction(createApiKeySchema, async (ctx, input) => {
  const created = await createApiKey(ctx, input);
  revalidatePath(`/${ctx.orgSlug}/settings/api`);
  return created;
}, { minRole: 'admin' });

export const revokeApiKeyAction = tenantAction(apiKeyIdSchema, async (ctx, { apiKeyId }) => {
  await revokeApiKey(ctx, apiKeyId);
  revalidatePath(`/${ctx.orgSlug}/settings/api`);
}, { minRole: 'admin' });
