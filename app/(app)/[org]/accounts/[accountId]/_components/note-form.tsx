'use client';

import { useRef, useState } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';
import { NOTE_MAX } from '@/lib/validation/notes';

type Props = { accountId: string; today: string; action: (prev: null, f: FormData) => Promise<ActionResult<{ id: string }>> };

/** A dated note (today by default, never in the future); cleared after it is saved, kept when refused. */
export function NoteForm({ accountId, today, action }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  const [length, setLength] = useState(0);
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(action, () => {
    ref.current?.reset();
    setLength(0);
  });
  const bodyError = fieldErrors.body?.[0];
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      {error ? <Alert tone="error">{fieldErrors.accountId?.[0] ?? error}</Alert> : null}
      {result?.ok ? <p role="status" className="text-sm text-emerald-800">Note added to the timeline.</p> : null}
      <div>
        <label htmlFor="note-body" className="block text-sm font-medium text-gray-800">Note</label>
        <textarea
          id="note-body" name="body" rows={4} maxLength={NOTE_MAX} onChange={(e) => setLength(e.currentTarget.value.length)}
          aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? 'note-body-error' : 'note-body-count'}
          className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm ${bodyError ? 'border-red-500' : 'border-gray-300'}`}
        />
        {bodyError ? <p id="note-body-error" className="mt-1 text-sm text-red-700">{bodyError}</p> : null}
        <p id="note-body-count" className="mt-1 text-xs text-gray-600">{length.toLocaleString('en-US')} / {NOTE_MAX.toLocaleString('en-US')} characters</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-44"><TextField label="Date" name="date" type="date" defaultValue={today} max={today} errors={fieldErrors.date} /></div>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Add note'}</Button>
      </div>
    </form>
  );
}
