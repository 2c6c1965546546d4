'use client';

import { useId } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';
import { influenceOptions, roleOptions, sentimentOptions, type StakeholderValues } from './options';

export type FormAction<T = unknown> = (prev: null, f: FormData) => Promise<ActionResult<T>>;

type Props = {
  action: FormAction;
  /** hidden ids the action needs (accountId or stakeholderId) */
  hidden: Record<string, string>;
  values?: StakeholderValues;
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
};

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={`${id}-hint`} className="mt-1 h-4 w-4 rounded border-gray-400" />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-gray-800">{label}</label>
        <p id={`${id}-hint`} className="text-xs text-gray-600">{hint}</p>
      </div>
    </div>
  );
}

/**
 * Add or edit a stakeholder. The inputs are uncontrolled and the form is never reset on a
 * rejected submit, so what was typed stays; field errors show next to their fields.
 */
export function StakeholderForm({ action, hidden, values, submitLabel, onDone, onCancel }: Props) {
  const { onSubmit, pending, fieldErrors, error } = useFormSubmit(action, onDone);
  // a tampered hidden id comes back as a field error of a field the user cannot see
  const idError = fieldErrors.accountId?.[0] ?? fieldErrors.stakeholderId?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-md border border-gray-200 bg-gray-50 p-3">
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {error ? <Alert tone="error">{idError ?? error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" required autoFocus maxLength={200} defaultValue={values?.name} errors={fieldErrors.name} autoComplete="off" />
        <TextField label="Email" name="email" type="email" defaultValue={values?.email ?? ''} errors={fieldErrors.email} autoComplete="off" />
        <TextField label="Title" name="title" maxLength={200} defaultValue={values?.title ?? ''} errors={fieldErrors.title} />
        <TextField label="External id" name="externalId" maxLength={200} defaultValue={values?.externalId ?? ''} errors={fieldErrors.externalId} hint="The person's id in your CRM; unique within this account." />
        <SelectField label="Role" name="role" defaultValue={values?.role ?? 'user'} options={roleOptions} errors={fieldErrors.role} />
        <SelectField label="Influence" name="influence" defaultValue={values?.influence ?? 'medium'} options={influenceOptions} errors={fieldErrors.influence} />
        <SelectField label="Sentiment" name="sentiment" defaultValue={values?.sentiment ?? 'neutral'} options={sentimentOptions} errors={fieldErrors.sentiment} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Checkbox name="isPrimary" label="Primary contact" hint="Replaces the account's current primary contact." defaultChecked={values?.isPrimary ?? false} />
        <Checkbox name="doNotSurvey" label="Do not survey" hint="Never send this person a survey." defaultChecked={values?.doNotSurvey ?? false} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
