'use client';

import { useId } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { SelectField, TextField } from '@/components/ui/field';
import { InlineForm, type FormAction } from './inline-form';
import { PRIORITY_LABELS } from './labels';

const priorityOptions = Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }));

/** "Open ticket": a subject and a priority, opened now. */
export function OpenTicketForm({ accountId, action }: { accountId: string; action: FormAction }) {
  return (
    <InlineForm title="Open ticket" submitLabel="Open ticket" doneMessage="Ticket opened." action={action} hidden={{ accountId }}>
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-2"><TextField label="Subject" name="subject" maxLength={200} autoComplete="off" errors={errors.subject} /></div>
          <SelectField label="Priority" name="priority" options={priorityOptions} defaultValue="normal" errors={errors.priority} />
        </div>
      )}
    </InlineForm>
  );
}

/** Closes one ticket now; the checkbox says whether the first contact resolved it. */
export function CloseTicketForm({ accountId, ticketId, subject, action }: { accountId: string; ticketId: string; subject: string; action: FormAction }) {
  const id = useId();
  const { onSubmit, pending, error } = useFormSubmit(action);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="ticketId" value={ticketId} />
      <span className="flex items-center gap-1.5">
        <input id={id} type="checkbox" name="resolvedFirstContact" className="h-4 w-4 rounded border-gray-400" />
        <label htmlFor={id} className="text-xs text-gray-800">Resolved on first contact</label>
      </span>
      <button type="submit" disabled={pending} className="rounded-md border border-gray-300 bg-white px-2 py-1 text-xs font-medium text-gray-800 hover:bg-gray-50 disabled:opacity-60">
        {pending ? 'Closing…' : 'Close'}<span className="sr-only"> ticket {subject}</span>
      </button>
      {error ? <p role="alert" className="w-full text-xs text-red-700">{error}</p> : null}
    </form>
  );
}
