'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';
import type { OrgSettings } from '@/lib/dal/orgs';
import { FEATURE_KEYS_HINT, HINTS } from './hints';
import type { Option } from './options';

type Saved = { slug: string; changed: string[] };
type Props = {
  settings: OrgSettings;
  action: (prev: null, f: FormData) => Promise<ActionResult<Saved>>;
  currencies: Option[];
  timezones: Option[];
};

/** The admin's org settings form. After a slug change it moves to the new address. */
export function OrgSettingsForm({ settings, action, currencies, timezones }: Props) {
  const router = useRouter();
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(action, (data) => {
    if (data.slug !== settings.slug) router.replace(`/${data.slug}/settings?saved=slug`);
    else router.refresh();
  });
  const saved = result?.ok ? (result.data.changed.length > 0 ? 'Settings saved.' : 'Nothing changed: the values are the same as before.') : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {/* remounts with the saved (normalised) values after a refresh; a rejected form keeps its input */}
      <div key={JSON.stringify(settings)} className="grid gap-4 sm:grid-cols-2">
        <TextField label="Organization name" name="name" defaultValue={settings.name} required maxLength={120} errors={fieldErrors.name} />
        <TextField label="Address (slug)" name="slug" defaultValue={settings.slug} required maxLength={40} errors={fieldErrors.slug} hint={HINTS.slug} autoCapitalize="none" spellCheck={false} />
        <SelectField label="Currency" name="currency" defaultValue={settings.currency} options={currencies} errors={fieldErrors.currency} hint={HINTS.currency} />
        <SelectField label="Timezone" name="timezone" defaultValue={settings.timezone} options={timezones} errors={fieldErrors.timezone} hint={HINTS.timezone} />
        <TextField label="Survey cooldown (days)" name="surveyCooldownDays" type="number" inputMode="numeric" min={0} max={365} step={1} defaultValue={settings.surveyCooldownDays} errors={fieldErrors.surveyCooldownDays} hint={HINTS.surveyCooldownDays} />
        <TextField label="Alert hysteresis margin (points)" name="alertHysteresis" type="number" inputMode="numeric" min={0} max={50} step={1} defaultValue={settings.alertHysteresis} errors={fieldErrors.alertHysteresis} hint={HINTS.alertHysteresis} />
        <div className="sm:col-span-2">
          <TextArea label="Tracked feature keys" name="trackedFeatureKeys" defaultValue={(settings.trackedFeatureKeys ?? []).join('\n')} errors={fieldErrors.trackedFeatureKeys} hint={FEATURE_KEYS_HINT} />
        </div>
      </div>
      <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save settings'}</Button>
    </form>
  );
}

function TextArea({ label, name, defaultValue, errors, hint }: { label: string; name: string; defaultValue: string; errors?: string[]; hint: string }) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{label}</label>
      <textarea
        id={id} name={name} rows={5} defaultValue={defaultValue} spellCheck={false} autoCapitalize="none"
        aria-invalid={invalid || undefined} aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-sm shadow-sm focus:border-blue-700 ${invalid ? 'border-red-500' : 'border-gray-300'}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-gray-600">{hint}</p>
      {invalid ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors![0]}</p> : null}
    </div>
  );
}
