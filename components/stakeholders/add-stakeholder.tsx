'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { StakeholderForm, type FormAction } from './stakeholder-form';

/** The "Add stakeholder" button; opens the form inline and closes it once the person is added. */
export function AddStakeholder({ accountId, action }: { accountId: string; action: FormAction }) {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState(false);
  if (!open) {
    return (
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => { setOpen(true); setAdded(false); }}>Add stakeholder</Button>
        {added ? <p role="status" className="text-sm text-emerald-800">Stakeholder added.</p> : null}
      </div>
    );
  }
  return (
    <div className="mb-4">
      <h3 className="mb-2 text-sm font-semibold text-gray-900">New stakeholder</h3>
      <StakeholderForm
        action={action} hidden={{ accountId }} submitLabel="Add stakeholder"
        onDone={() => { setOpen(false); setAdded(true); }} onCancel={() => setOpen(false)}
      />
    </div>
  );
}
