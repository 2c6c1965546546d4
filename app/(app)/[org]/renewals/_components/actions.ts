'use server';

import { revalidatePath } from 'next/cache';
import { recordRenewalOutcomeAction } from '@/lib/actions/renewals';
import type { ActionResult } from '@/lib/actions/safe-action';

/**
 * The account page's outcome action, reused as is (it checks the session, role and input); the list must
 * be refreshed too, which that action does not know about. The slug is only used once the action accepted it.
 */
export async function recordOutcomeFromList(orgSlug: unknown, prev: null, form: FormData): Promise<ActionResult<unknown>> {
  const result = await recordRenewalOutcomeAction(orgSlug, prev, form);
  if (result.ok && typeof orgSlug === 'string') revalidatePath(`/${orgSlug}/renewals`);
  return result;
}
