'use client';

import { useState } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import type { StakeholderValues } from './options';
import { StakeholderForm, type FormAction } from './stakeholder-form';

export type StakeholderActionSet = {
  update: FormAction;
  remove: FormAction;
  logContact: FormAction;
  markLeft: FormAction;
  markBack: FormAction;
};

type Props = { id: string; values: StakeholderValues; left: boolean; actions: StakeholderActionSet };

// Smaller than ui/Button: every person in the list carries four of these.
const small = 'rounded-md border bg-white px-2 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-60';
const tones = { secondary: 'border-gray-300 text-gray-800 hover:bg-gray-50', danger: 'border-red-300 text-red-700 hover:bg-red-50' };

/** One button posting the stakeholder's id to an action; the visible word plus the person's name for screen readers. */
function IdButton({ id, label, name, run, variant = 'secondary', confirmText }: {
  id: string; label: string; name: string; run: ReturnType<typeof useFormSubmit>; variant?: 'secondary' | 'danger'; confirmText?: string;
}) {
  return (
    <form onSubmit={(e) => (confirmText && !confirm(confirmText) ? e.preventDefault() : run.onSubmit(e))}>
      <input type="hidden" name="stakeholderId" value={id} />
      <button type="submit" disabled={run.pending} className={`${small} ${tones[variant]}`}>
        {label}<span className="sr-only"> ({name})</span>
      </button>
    </form>
  );
}

/** Edit, log contact, left / back and remove for one stakeholder; each shows its own error. */
export function StakeholderActions({ id, values, left, actions }: Props) {
  const [editing, setEditing] = useState(false);
  const contact = useFormSubmit(actions.logContact);
  const status = useFormSubmit(left ? actions.markBack : actions.markLeft);
  const removal = useFormSubmit(actions.remove);
  const error = contact.error ?? status.error ?? removal.error;
  if (editing) {
    return (
      <div className="mt-2">
        <StakeholderForm
          action={actions.update} hidden={{ stakeholderId: id }} values={values} submitLabel="Save changes"
          onDone={() => setEditing(false)} onCancel={() => setEditing(false)}
        />
      </div>
    );
  }
  return (
    <div className="mt-2 space-y-1">
      <div className="flex flex-wrap gap-2">
        {left ? null : <IdButton id={id} name={values.name} label="Log contact" run={contact} />}
        <button type="button" className={`${small} ${tones.secondary}`} onClick={() => setEditing(true)}>
          Edit<span className="sr-only"> ({values.name})</span>
        </button>
        <IdButton id={id} name={values.name} label={left ? 'Back at the company' : 'Left the company'} run={status} />
        <IdButton id={id} name={values.name} label="Remove" variant="danger" run={removal} confirmText={`Remove ${values.name} from this account? Their history stays in the timeline.`} />
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
