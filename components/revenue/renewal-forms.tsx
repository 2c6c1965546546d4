'use client';

import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { InlineForm, type FormAction } from './inline-form';
import { ChurnReasonFields } from './revenue-forms';

const outcomeOptions = [
  { value: 'renewed', label: 'Renewed (same or more ARR)' },
  { value: 'downgraded', label: 'Downgraded (less ARR)' },
  { value: 'churned', label: 'Churned (nothing renewed)' },
];

type OutcomeProps = { accountId: string; renewalId: string; currency: string; arrDueText: string; action: FormAction };

/**
 * The outcome of the pending renewal; renewed and downgraded need the renewed ARR; churned needs the churn reason
 * instead (the account's MRR goes to 0 at the due date).
 */
export function RecordOutcomeForm({ accountId, renewalId, currency, arrDueText, action }: OutcomeProps) {
  const [churned, setChurned] = useState(false);
  return (
    <InlineForm title="Record outcome" submitLabel="Save outcome" doneMessage="Renewal outcome recorded." action={action} hidden={{ accountId, renewalId }}>
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Outcome" name="outcome" options={outcomeOptions} defaultValue="renewed" errors={errors.outcome}
            onChange={(e) => setChurned(e.currentTarget.value === 'churned')}
          />
          {churned ? (
            <ChurnReasonFields errors={errors} name="churnReason" label="Churn reason (MRR goes to 0 at the due date)" />
          ) : (
            <TextField
              label={`Renewed ARR (${currency})`} name="renewedArr" inputMode="decimal" autoComplete="off" errors={errors.renewedArr}
              hint={`Per year. ${arrDueText} was due.`}
            />
          )}
        </div>
      )}
    </InlineForm>
  );
}

type CreateProps = { accountId: string; currency: string; action: FormAction; first: boolean };

/** A pending renewal with its due date and the ARR up for renewal. */
export function CreateRenewalForm({ accountId, currency, action, first }: CreateProps) {
  return (
    <InlineForm title="Add a renewal" submitLabel="Add renewal" doneMessage="Renewal added." action={action} hidden={{ accountId }} startOpen={first}>
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Due date" name="dueDate" type="date" required errors={errors.dueDate} />
          <TextField label={`ARR due (${currency})`} name="arrDue" inputMode="decimal" autoComplete="off" required hint="Per year, e.g. 15,000" errors={errors.arrDue} />
        </div>
      )}
    </InlineForm>
  );
}
