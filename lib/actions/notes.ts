'use server';

import { revalidatePath } from 'next/cache';
import { createNote, deleteNote, updateNote } from '@/lib/dal/notes';
import { createNoteSchema, deleteNoteSchema, editNoteSchema } from '@/lib/validation/notes';
import { tenantAction } from './safe-action';

/** Adds a dated note to the account's timeline. */
export const addNoteAction = tenantAction(createNoteSchema, async (ctx, { accountId, ...note }) => {
  const id = await createNote(ctx, accountId, note);
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return { id };
}, { minRole: 'csm' });

/** Changes a note's text and date (the DAL finds the note, and its account, in the org). */
export const editNoteAction = tenantAction(editNoteSchema, async (ctx, { noteId, ...note }) => {
  const { accountId } = await updateNote(ctx, noteId, note);
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return { id: noteId };
}, { minRole: 'csm' });

/** Deletes a note. */
export const deleteNoteAction = tenantAction(deleteNoteSchema, async (ctx, { noteId }) => {
  const { accountId } = await deleteNote(ctx, noteId);
  revalidatePath(`/${ctx.orgSlug}/accounts/${accountId}`);
  return { id: noteId };
}, { minRole: 'csm' });
