import { z } from 'zod';

/** The longest note a CSM can write, in characters (line breaks count as one). */
export const NOTE_MAX = 5000;

const isRealDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const noteFields = {
  // a textarea posts CRLF line breaks; count them as the one character the user typed
  body: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
    z.string({ message: 'Write the note.' }).trim().min(1, { message: 'Write the note.' }).max(NOTE_MAX, { message: `Keep the note to ${NOTE_MAX.toLocaleString('en-US')} characters or fewer.` }),
  ),
  date: z
    .string({ message: 'Enter the date of the note.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-01-31.' })
    .refine(isRealDate, { message: 'That date does not exist.' }),
};

/** The add-note form. Whether the date lies in the future depends on the org's timezone: the DAL checks that. */
export const createNoteSchema = z.object({ accountId: z.uuid({ message: 'That account was not found.' }), ...noteFields });

export type NoteInput = Omit<z.infer<typeof createNoteSchema>, 'accountId'>;

/** Editing a note: its text and date, by the note's id (the timeline event's). */
export const editNoteSchema = z.object({ noteId: z.uuid({ message: 'That note was not found.' }), ...noteFields });

/** Deleting a note, by its id. */
export const deleteNoteSchema = z.object({ noteId: z.uuid({ message: 'That note was not found.' }) });

/** The account page's search params: `before` is the id of the last timeline event shown; junk is ignored. */
export const timelineParamsSchema = z.object({
  before: z.uuid().optional().catch(undefined),
});
