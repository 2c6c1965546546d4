'use client';

import { useState } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';
import { NOTE_MAX } from '@/lib/validation/notes';

type Action = (prev: null, form: FormData) => Promise<ActionResult<{ id: string }>>;
export type NoteActionSet = { edit: Action; remove: Action };

type Props = { noteId: string; body: string; date: string; today: string; actions: NoteActionSet };

// Smaller than ui/Button: the timeline carries a pair under every note.
const small = 'rounded-md border bg-white px-2 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-60';

/** Edit (text and date, in place; errors next to the field, the typed text kept) and delete (after a confirm) of one note. */
export function NoteActions({ noteId, body, date, today, actions }: Props) {
  const [editing, setEditing] = useState(false);
  const edit = useFormSubmit(actions.edit, () => setEditing(false));
  const removal = useFormSubmit(actions.remove);
  const bodyError = edit.fieldErrors.body?.[0];
  const id = `note-${noteId}`;
  if (editing) {
    return (
      <form onSubmit={edit.onSubmit} noValidate className="mt-2 space-y-2" aria-label="Edit note">
        <input type="hidden" name="noteId" value={noteId} />
        {edit.error && !bodyError && !edit.fieldErrors.date ? <p role="alert" className="text-sm text-red-700">{edit.error}</p> : null}
        <div>
          <label htmlFor={`${id}-body`} className="block text-sm font-medium text-gray-800">Note</label>
          <textarea
            id={`${id}-body`} name="body" rows={4} maxLength={NOTE_MAX} defaultValue={body}
            aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? `${id}-body-error` : undefined}
            className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm ${bodyError ? 'border-red-500' : 'border-gray-300'}`}
          />
          {bodyError ? <p id={`${id}-body-error`} className="mt-1 text-sm text-red-700">{bodyError}</p> : null}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-44"><TextField label="Date" name="date" type="date" defaultValue={date} max={today} errors={edit.fieldErrors.date} /></div>
          <Button type="submit" disabled={edit.pending}>{edit.pending ? 'Saving…' : 'Save note'}</Button>
          <button type="button" className={`${small} border-gray-300 text-gray-800 hover:bg-gray-50`} onClick={() => setEditing(false)}>Cancel</button>
        </div>
      </form>
    );
  }
  return (
    <div className="mt-1 space-y-1">
      <div className="flex gap-2">
        <button type="button" className={`${small} border-gray-300 text-gray-800 hover:bg-gray-50`} onClick={() => setEditing(true)}>
          Edit<span className="sr-only"> note of {date}</span>
        </button>
        <form onSubmit={(e) => (confirm('Delete this note? The audit log keeps its text.') ? removal.onSubmit(e) : e.preventDefault())}>
          <input type="hidden" name="noteId" value={noteId} />
          <button type="submit" disabled={removal.pending} className={`${small} border-red-300 text-red-700 hover:bg-red-50`}>
            Delete<span className="sr-only"> note of {date}</span>
          </button>
        </form>
      </div>
      {removal.error ? <p role="alert" className="text-sm text-red-700">{removal.error}</p> : null}
    </div>
  );
}
