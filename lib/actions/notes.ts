'use server';

import { revalidatePath } from 'next/cache';
import { createNote } from '@/lib/dal/notes';
import { createNoteSchema } from '@/lib/validation/notes';
import { tenantAction } from './safe-action';

/** Adds a dated note to the account's timeline. */
export const addNoteAction = tenantAction(createNoteSchema, async (ctx, { accountId, ...note }) => {
  const id = await createNote(ctx, accountId, note);
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return { id };
}, { minRole: 'csm' });
