'use client';

import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';

type FormAction = (prev: null, form: FormData) => Promise<ActionResult<unknown>>;
export type AlertActionSet = { assign: FormAction; snooze: FormAction; resolve: FormAction };

type Props = {
  alertId: string;
  /** names the alert for screen readers: the buttons of every alert on the page read differently */
  label: string;
  assigneeId: string | null;
  members: { id: string; name: string }[];
  tomorrow: string;
  actions: AlertActionSet;
};

function ActionForm({ action, alertId, submit, pendingLabel, children }: {
  action: FormAction; alertId: string; submit: React.ReactNode; pendingLabel: string; children: (errors: Record<string, string[]>) => React.ReactNode;
}) {
  const router = useRouter();
  const { onSubmit, pending, error, fieldErrors } = useFormSubmit(action, () => router.refresh());
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
      <input type="hidden" name="alertId" value={alertId} />
      {children(fieldErrors)}
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? pendingLabel : submit}</Button>
    </form>
  );
}

const summary = 'cursor-pointer rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50';

/** Assign, snooze (date and reason) and resolve (note) for one alert; each opens in place. */
export function AlertActions({ alertId, label, assigneeId, members, tomorrow, actions }: Props) {
  return (
    <div className="mt-3 flex flex-wrap items-start gap-2">
      <details className="group">
        <summary className={summary}>Assign<span className="sr-only"> {label}</span></summary>
        <ActionForm action={actions.assign} alertId={alertId} submit="Save assignee" pendingLabel="Saving…">
          {(errors) => (
            <SelectField label="Assign to" name="assigneeId" defaultValue={assigneeId ?? 'none'} errors={errors.assigneeId}
              options={[{ value: 'none', label: 'Nobody' }, ...members.map((m) => ({ value: m.id, label: m.name }))]} />
          )}
        </ActionForm>
      </details>
      <details className="group">
        <summary className={summary}>Snooze<span className="sr-only"> {label}</span></summary>
        <ActionForm action={actions.snooze} alertId={alertId} submit="Snooze alert" pendingLabel="Snoozing…">
          {(errors) => (
            <>
              <TextField label="Snooze until" name="until" type="date" min={tomorrow} defaultValue={tomorrow} errors={errors.until} />
              <TextField label="Reason" name="reason" maxLength={500} autoComplete="off" errors={errors.reason} hint="Shown in the inbox while it is snoozed." />
            </>
          )}
        </ActionForm>
      </details>
      <details className="group">
        <summary className={summary}>Resolve<span className="sr-only"> {label}</span></summary>
        <ActionForm action={actions.resolve} alertId={alertId} submit="Resolve alert" pendingLabel="Resolving…">
          {(errors) => <TextField label="What was done" name="note" maxLength={1000} autoComplete="off" errors={errors.note} />}
        </ActionForm>
      </details>
    </div>
  );
}
