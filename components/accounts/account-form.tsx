'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';

/** The form's values as strings ('' = not set), the way inputs hold them. */
export type AccountFormValues = {
  name: string; domain: string; externalId: string; ownerId: string; segment: string; stage: string;
  licensedSeats: string; contractStart: string; nextRenewalDate: string;
};

type Props = {
  action: (prev: null, form: FormData) => Promise<ActionResult<{ id: string }>>;
  orgSlug: string;
  members: { id: string; label: string }[];
  initial?: Partial<AccountFormValues>;
  /** Set when editing: sent along so the action knows which account. */
  accountId?: string;
  submitLabel: string;
  cancelHref: string;
};

const segments = [
  { value: '', label: 'Not set' }, { value: 'enterprise', label: 'Enterprise' }, { value: 'mid_market', label: 'Mid-market' }, { value: 'smb', label: 'SMB' },
];
const stages = [
  { value: 'onboarding', label: 'Onboarding' }, { value: 'adopting', label: 'Adopting' }, { value: 'mature', label: 'Mature' }, { value: 'renewal', label: 'Renewal' },
];

/** Create or edit an account. A rejected save keeps what was typed and puts each error under its field. */
export function AccountForm({ action, orgSlug, members, initial = {}, accountId, submitLabel, cancelHref }: Props) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const { onSubmit, pending, fieldErrors: errors, error, result } = useFormSubmit(action, ({ id }) => router.push(`/${orgSlug}/accounts/${id}`));

  // after a rejected save, take keyboard and screen-reader users to the first field to fix
  useEffect(() => {
    if (result && !result.ok) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result]);

  const v = (k: keyof AccountFormValues) => initial[k] ?? '';
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-gray-900">Company</legend>
        {accountId ? <input type="hidden" name="accountId" value={accountId} /> : null}
        <TextField label="Name" name="name" required defaultValue={v('name')} errors={errors.name} autoComplete="off" />
        <TextField label="Domain" name="domain" defaultValue={v('domain')} errors={errors.domain} hint="Like example.com" autoComplete="off" />
        <TextField label="External ID" name="externalId" defaultValue={v('externalId')} errors={errors.externalId} hint="The CRM's id; unique in this org" autoComplete="off" />
        <SelectField label="Owner" name="ownerId" defaultValue={v('ownerId')} errors={errors.ownerId} options={[{ value: '', label: 'Unassigned' }, ...members.map((m) => ({ value: m.id, label: m.label }))]} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-gray-900">Contract</legend>
        <SelectField label="Segment" name="segment" defaultValue={v('segment')} errors={errors.segment} options={segments} />
        <SelectField label="Stage" name="stage" defaultValue={v('stage') || 'onboarding'} errors={errors.stage} options={stages} />
        <TextField label="Licensed seats" name="licensedSeats" type="number" min={0} step={1} inputMode="numeric" defaultValue={v('licensedSeats')} errors={errors.licensedSeats} />
        <div className="hidden sm:block" />
        <TextField label="Contract start" name="contractStart" type="date" defaultValue={v('contractStart')} errors={errors.contractStart} />
        <TextField label="Next renewal date" name="nextRenewalDate" type="date" defaultValue={v('nextRenewalDate')} errors={errors.nextRenewalDate} hint="On or after the contract start" />
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
        <Link href={cancelHref} className="text-sm text-gray-700 underline underline-offset-2">Cancel</Link>
      </div>
    </form>
  );
}
