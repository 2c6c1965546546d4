import type { ActionResult } from '@/lib/actions/safe-action';
import type { HealthConfigVersionDto } from '@/lib/dal/health-config';
import { healthFactors } from '@/lib/kpi/health';
import { FACTOR_TEXT } from './factor-text';
import { RestoreButton } from './restore-button';

type Props = {
  rows: HealthConfigVersionDto[];
  activeVersion: number;
  timezone: string;
  orgSlug: string;
  restore: ((prev: null, form: FormData) => Promise<ActionResult<{ version: number; accounts: number }>>) | null;
};

const weightsText = (r: HealthConfigVersionDto) => healthFactors.map((f) => `${FACTOR_TEXT[f].label} ${r.weights[f]}`).join(', ');

/** Saved versions, newest first: who, when, comment, the weights; admins can restore an older one. */
export function VersionHistory({ rows, activeVersion, timezone, orgSlug, restore }: Props) {
  const when = new Intl.DateTimeFormat('en-US', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol aria-label="Saved versions, newest first" className="divide-y divide-gray-100">
      {rows.map((r) => (
        <li key={r.version} className="grid gap-2 py-3 md:grid-cols-[9rem_1fr_auto] md:items-start">
          <div className="text-sm">
            <span className="font-semibold text-gray-900">Version {r.version}</span>
            {r.version === activeVersion ? <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900">Active</span> : null}
            <time dateTime={r.createdAt.toISOString()} className="block text-gray-600">{when.format(r.createdAt)}</time>
          </div>
          <div className="min-w-0 text-sm">
            <p className="text-gray-900"><span className="font-medium">{r.createdByName ?? 'A former member'}</span>: {r.comment ?? 'no comment'}</p>
            <p className="text-xs text-gray-600">Red below {r.bands.yellowFrom}, green from {r.bands.greenFrom}. {weightsText(r)}.</p>
          </div>
          {restore && r.version !== activeVersion ? <RestoreButton version={r.version} orgSlug={orgSlug} action={restore} /> : null}
        </li>
      ))}
    </ol>
  );
}
