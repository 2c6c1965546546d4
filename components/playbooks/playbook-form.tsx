'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { PlaybookParams, PlaybookTrigger } from '@/db/schema/playbooks';
import type { ActionResult } from '@/lib/actions/safe-action';
import { PRIORITY_LABELS, TRIGGER_KEYS, TRIGGERS } from '@/lib/playbooks/triggers';

export type PlaybookFormValues = {
  id?: string; name: string; trigger: PlaybookTrigger; params: PlaybookParams; priority: string;
  assigneeId: string | null; notifyEmail: boolean; webhookUrl: string | null;
};

type Props = {
  action: (prev: null, form: FormData) => Promise<ActionResult<unknown>>;
  members: { id: string; name: string }[];
  initial?: PlaybookFormValues;
  /** where to go after saving; unset: stay and show a message (the create form) */
  doneHref?: string;
  allowPrivateHint: boolean;
};

const triggerOptions = TRIGGER_KEYS.map((k) => ({ value: k, label: TRIGGERS[k].label }));
const priorityOptions = Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }));

/** Create or edit a playbook: the condition's fields follow the chosen trigger; only they are posted. */
export function PlaybookForm({ action, members, initial, doneHref, allowPrivateHint }: Props) {
  const router = useRouter();
  const [trigger, setTrigger] = useState<PlaybookTrigger>(initial?.trigger ?? 'health_below');
  const [formKey, setFormKey] = useState(0);
  const emailId = useId();
  const { onSubmit, pending, error, fieldErrors, result } = useFormSubmit(action, () => {
    if (doneHref) router.push(doneHref);
    else {
      setFormKey((k) => k + 1);
      router.refresh();
    }
  });
  const specs = TRIGGERS[trigger].params;
  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4">
      {initial?.id ? <input type="hidden" name="playbookId" value={initial.id} /> : null}
      {result?.ok && !doneHref ? <Alert tone="success">Playbook created. It has run over every account; matching accounts now have alerts.</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" defaultValue={initial?.name} maxLength={120} autoComplete="off" errors={fieldErrors.name} />
        <SelectField label="When" name="trigger" options={triggerOptions} value={trigger} errors={fieldErrors.trigger}
          onChange={(e) => setTrigger(e.target.value as PlaybookTrigger)} hint={TRIGGERS[trigger].describe(Object.fromEntries(specs.map((s) => [s.key, s.default])))} />
        {specs.map((s) => (
          <TextField key={`${trigger}-${s.key}`} label={`${s.label} (${s.unit})`} name={s.key} type="number" inputMode="numeric" min={s.min} max={s.max}
            defaultValue={initial?.trigger === trigger ? initial.params[s.key] ?? s.default : s.default} errors={fieldErrors[s.key]} />
        ))}
        <SelectField label="Alert priority" name="priority" options={priorityOptions} defaultValue={initial?.priority ?? 'medium'} errors={fieldErrors.priority} />
        <SelectField label="Assign alerts to" name="assignee" defaultValue={initial?.assigneeId ?? 'owner'} errors={fieldErrors.assignee}
          options={[{ value: 'owner', label: 'The account owner' }, ...members.map((m) => ({ value: m.id, label: m.name }))]} />
      </div>
      <fieldset className="space-y-3 rounded-md border border-gray-200 p-3">
        <legend className="px-1 text-sm font-medium text-gray-800">Notify when an alert opens</legend>
        <div className="flex items-center gap-2">
          <input id={emailId} type="checkbox" name="notifyEmail" defaultChecked={initial?.notifyEmail ?? false} className="h-4 w-4 rounded border-gray-400" />
          <label htmlFor={emailId} className="text-sm text-gray-800">Email the assignee</label>
        </div>
        <TextField label="Webhook URL (optional)" name="webhookUrl" type="url" defaultValue={initial?.webhookUrl ?? ''} autoComplete="off" errors={fieldErrors.webhookUrl}
          hint={`Receives a JSON POST { "text": … }, as Slack incoming webhooks expect.${allowPrivateHint ? ' This server allows private addresses (development).' : ' Private and loopback addresses are refused.'}`} />
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? 'Saving…' : initial?.id ? 'Save playbook' : 'Create playbook'}</Button>
    </form>
  );
}
