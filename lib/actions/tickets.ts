'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { closeTicket, openTicket } from '@/lib/dal/tickets';
import { openTicketSchema } from '@/lib/validation/tickets';
import { tenantAction } from './safe-action';

const openFormSchema = openTicketSchema.pick({ subject: true, priority: true }).extend({ accountId: z.string() });

/** Opens a support ticket on the account, now. */
export const openTicketAction = tenantAction(openFormSchema, async (ctx, { accountId, subject, priority }) => {
  // the DAL parses again, and takes "no subject" as undefined rather than the parsed null
  const id = await openTicket(ctx, accountId, { subject: subject ?? undefined, priority });
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return { id };
}, { minRole: 'csm' });

// An unchecked checkbox posts nothing: absent means "not resolved on first contact".
// accountId only names the page to refresh: the DAL finds the ticket by id in the org.
const closeFormSchema = z.object({
  accountId: z.uuid({ message: 'That account was not found.' }),
  ticketId: z.string(),
  resolvedFirstContact: z.literal('on').optional().transform((v) => v === 'on'),
});

/** Closes an open ticket now, saying whether the first contact resolved it. */
export const closeTicketAction = tenantAction(closeFormSchema, async (ctx, { accountId, ...input }) => {
  await closeTicket(ctx, input.ticketId, { resolvedFirstContact: input.resolvedFirstContact });
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
}, { minRole: 'csm' });
