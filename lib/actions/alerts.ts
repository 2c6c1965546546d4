'use server';

import { revalidatePath } from 'next/cache';
import { assignAlert, resolveAlert, snoozeAlert } from '@/lib/dal/alerts';
import { assignAlertSchema, resolveAlertSchema, snoozeAlertSchema } from '@/lib/validation/alerts';
import { tenantAction } from './safe-action';

// The inbox, the account page and the sidebar badge all show alerts: revalidate the org's whole layout.

/** Assigns an alert to a member, or to nobody. */
export const assignAlertAction = tenantAction(assignAlertSchema, async (ctx, { alertId, assigneeId }) => {
  await assignAlert(ctx, alertId, assigneeId === 'none' ? null : assigneeId);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return { id: alertId };
}, { minRole: 'csm' });

/** Snoozes an alert until a date, with a reason. */
export const snoozeAlertAction = tenantAction(snoozeAlertSchema, async (ctx, { alertId, ...input }) => {
  await snoozeAlert(ctx, alertId, input);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return { id: alertId };
}, { minRole: 'csm' });

/** Resolves an alert with a note. */
export const resolveAlertAction = tenantAction(resolveAlertSchema, async (ctx, { alertId, note }) => {
  await resolveAlert(ctx, alertId, note);
  revalidatePath(`/${ctx.orgSlug}`, 'layout');
  return { id: alertId };
}, { minRole: 'csm' });
