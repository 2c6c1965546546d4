'use server';

import { revalidatePath } from 'next/cache';
import { createPlaybook, setPlaybookEnabled, updatePlaybook } from '@/lib/dal/playbooks';
import { createPlaybookSchema, togglePlaybookSchema, updatePlaybookSchema } from '@/lib/validation/playbooks';
import { tenantAction } from './safe-action';

/** Creates a playbook (admins) and runs it over the org's accounts. */
export const createPlaybookAction = tenantAction(createPlaybookSchema, async (ctx, input) => {
  const id = await createPlaybook(ctx, input);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return { id };
}, { minRole: 'admin' });

/** Saves a playbook's condition, priority, assignee and notifications (admins). */
export const updatePlaybookAction = tenantAction(updatePlaybookSchema, async (ctx, { playbookId, ...input }) => {
  await updatePlaybook(ctx, playbookId, input);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return { id: playbookId };
}, { minRole: 'admin' });

/** Enables or disables a playbook (admins). */
export const togglePlaybookAction = tenantAction(togglePlaybookSchema, async (ctx, { playbookId, enabled }) => {
  await setPlaybookEnabled(ctx, playbookId, enabled);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return { enabled };
}, { minRole: 'admin' });
