import Link from 'next/link';
import type { PlaybookDto } from '@/lib/dal/playbooks';
import { PRIORITY_LABELS, describeTrigger } from '@/lib/playbooks/triggers';
import type { ActionResult } from '@/lib/actions/safe-action';
import { ToggleForm } from './toggle-form';

const dateTime = (d: Date) => d.toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

type Props = { orgSlug: string; rows: PlaybookDto[]; toggle?: (prev: null, form: FormData) => Promise<ActionResult<unknown>> };

/** The org's playbooks: condition in words, what an alert gets, delivery health; edit and enable/disable for admins. */
export function PlaybookList({ orgSlug, rows, toggle }: Props) {
  if (rows.length === 0) return <p className="text-sm text-gray-800">No playbooks yet. Create one below; it runs at once and then after every health recompute.</p>;
  return (
    <ul aria-label="Playbooks" className="divide-y divide-gray-100">
      {rows.map((p) => (
        <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1 space-y-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold text-gray-900">{p.name}</span>
              <span className={`rounded border px-1.5 text-xs font-medium ${p.enabled ? 'border-emerald-400 text-emerald-900' : 'border-gray-300 text-gray-700'}`}>{p.enabled ? 'Enabled' : 'Disabled'}</span>
            </p>
            <p className="text-gray-800">{describeTrigger(p.trigger, p.params)}</p>
            <p className="text-xs text-gray-700">
              {PRIORITY_LABELS[p.priority]} priority · assigned to {p.assigneeName ?? 'the account owner'} · notifies by {[p.notifyEmail ? 'email' : null, p.hasWebhook ? 'webhook' : null].filter(Boolean).join(' and ') || 'nothing (inbox only)'}
              {' · '}
              <Link href={`/${orgSlug}/alerts?playbook=${p.id}`} className="text-blue-700 underline underline-offset-2">{p.openAlerts} open {p.openAlerts === 1 ? 'alert' : 'alerts'}</Link>
            </p>
            {p.pendingDeliveries || p.failedDeliveries ? (
              <p className="text-xs text-gray-700">{p.pendingDeliveries} notification{p.pendingDeliveries === 1 ? '' : 's'} waiting · {p.failedDeliveries} given up</p>
            ) : null}
            {p.lastNotificationError && p.lastNotificationErrorAt ? (
              <p className="text-xs text-red-800"><strong>Last delivery failure</strong> ({dateTime(p.lastNotificationErrorAt)}): {p.lastNotificationError}</p>
            ) : null}
          </div>
          {toggle ? (
            <div className="flex items-start gap-2">
              <Link href={`/${orgSlug}/settings/playbooks/${p.id}`} className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">
                Edit<span className="sr-only"> {p.name}</span>
              </Link>
              <ToggleForm playbookId={p.id} name={p.name} enabled={p.enabled} action={toggle} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
