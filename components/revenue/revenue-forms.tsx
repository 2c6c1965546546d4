'use client';

import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { CHURN_REASONS } from '@/lib/validation/revenue';
import { InlineForm, type FieldErrors, type FormAction } from './inline-form';

type Base = { accountId: string; today: string; currency: string; action: FormAction };

/** Date and amount, the two fields every MRR form has. */
function DateAndAmount({ errors, today, currency, amountLabel, defaultAmount }: {
  errors: FieldErrors; today: string; currency: string; amountLabel: string; defaultAmount?: string;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField label="Effective date" name="effectiveDate" type="date" defaultValue={today} required errors={errors.effectiveDate} />
      <TextField
        label={`${amountLabel} (${currency})`} name="mrr" inputMode="decimal" autoComplete="off" required defaultValue={defaultAmount}
        hint="Per month, e.g. 1,250.50" errors={errors.mrr}
      />
    </div>
  );
}

/** "Record MRR change": the account's MRR from a date on; the first one starts its subscription. */
export function RecordMrrForm({ accountId, today, currency, action, first = false }: Base & { first?: boolean }) {
  return (
    <InlineForm
      title={first ? 'Record the first MRR' : 'Record MRR change'} submitLabel="Save MRR" doneMessage="MRR change recorded."
      action={action} hidden={{ accountId }} startOpen={first}
    >
      {(errors) => <DateAndAmount errors={errors} today={today} currency={currency} amountLabel="New MRR" />}
    </InlineForm>
  );
}

/** "Reactivate": a churned account pays again from a date on. */
export function ReactivateForm({ accountId, today, currency, action, lastMrr }: Base & { lastMrr?: string }) {
  return (
    <InlineForm title="Reactivate" submitLabel="Reactivate account" doneMessage="Account reactivated." action={action} hidden={{ accountId }}>
      {(errors) => <DateAndAmount errors={errors} today={today} currency={currency} amountLabel="MRR" defaultAmount={lastMrr} />}
    </InlineForm>
  );
}

const reasonOptions = [
  { value: '', label: 'Choose a reason' },
  ...CHURN_REASONS.map((r) => ({ value: r, label: r })),
  { value: 'other', label: 'Other…' },
];

/** "Mark churned": the MRR goes to 0 on a date, with a reason from the list or typed under "Other". */
export function MarkChurnedForm({ accountId, today, action }: Omit<Base, 'currency'>) {
  return (
    <InlineForm title="Mark churned" submitLabel="Mark as churned" doneMessage="Account marked as churned." action={action} hidden={{ accountId }} variant="danger">
      {(errors) => <ChurnFields errors={errors} today={today} />}
    </InlineForm>
  );
}

function ChurnFields({ errors, today }: { errors: FieldErrors; today: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField label="Churn date" name="effectiveDate" type="date" defaultValue={today} required errors={errors.effectiveDate} />
      <ChurnReasonFields errors={errors} name="reason" />
    </div>
  );
}

/** The churn reason: one of the list, or "Other…" with a text field (`otherReason`); for a two-column grid. */
export function ChurnReasonFields({ errors, name, label = 'Reason' }: { errors: FieldErrors; name: string; label?: string }) {
  const [other, setOther] = useState(false);
  return (
    <>
      <SelectField
        label={label} name={name} options={reasonOptions} defaultValue="" required errors={errors[name]}
        onChange={(e) => setOther(e.currentTarget.value === 'other')}
      />
      {other ? (
        <div className="sm:col-span-2">
          <TextField label="Other reason" name="otherReason" maxLength={200} required autoFocus errors={errors.otherReason} />
        </div>
      ) : null}
    </>
  );
}
