import type { OrgSettings } from '@/lib/dal/orgs';
import { FEATURE_KEYS_HINT, HINTS } from './hints';
import { currencyLabel } from './options';

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The org settings as text, for CSMs and viewers (admins get the form). */
export function OrgSettingsView({ settings }: { settings: OrgSettings }) {
  const keys = settings.trackedFeatureKeys;
  const items: [string, React.ReactNode, string][] = [
    ['Organization name', settings.name, ''],
    ['Address (slug)', `/${settings.slug}`, HINTS.slug],
    ['Currency', currencyLabel(settings.currency), HINTS.currency],
    ['Timezone', settings.timezone, HINTS.timezone],
    ['Survey cooldown', count(settings.surveyCooldownDays, 'day'), HINTS.surveyCooldownDays],
    ['Alert hysteresis margin', count(settings.alertHysteresis, 'point'), HINTS.alertHysteresis],
    ['Tracked feature keys', keys ? <code className="break-words text-xs">{keys.join(', ')}</code> : 'Every key seen in the last 90 days', FEATURE_KEYS_HINT],
  ];
  return (
    <>
      <p className="mb-4 text-sm text-gray-700">Only admins and owners can change these settings.</p>
      <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
        {items.map(([label, value, hint]) => (
          <div key={label} className={label === 'Tracked feature keys' ? 'sm:col-span-2' : undefined}>
            <dt className="text-sm font-medium text-gray-800">{label}</dt>
            <dd className="mt-1 text-sm text-gray-900">{value}</dd>
            {hint ? <dd className="mt-1 text-xs text-gray-600">{hint}</dd> : null}
          </div>
        ))}
      </dl>
    </>
  );
}
