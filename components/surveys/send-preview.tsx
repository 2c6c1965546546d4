import type { SendPreview as Preview, Recipient, SkipReason } from '@/lib/dal/survey-send';
import { formatDay, SKIP_LABELS } from './labels';

function Reason({ r, cooldownDays, timezone }: { r: Recipient; cooldownDays: number; timezone: string }) {
  const base = SKIP_LABELS[r.skip as SkipReason];
  if (r.skip === 'cooldown' && r.lastAskedAt) return <>{base}: last asked {formatDay(r.lastAskedAt, timezone)}, cooldown {cooldownDays} days</>;
  return <>{base}</>;
}

function People({ rows, caption, skipped, cooldownDays, timezone }: { rows: Recipient[]; caption: string; skipped: boolean; cooldownDays: number; timezone: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full min-w-[34rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2">Stakeholder</th>
            <th scope="col" className="px-3 py-2">Account</th>
            <th scope="col" className="px-3 py-2">{skipped ? 'Why skipped' : 'Email'}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((r) => (
            <tr key={r.stakeholderId} data-testid={skipped ? 'skipped-row' : 'recipient-row'}>
              <td className="px-3 py-2 font-medium text-gray-900">{r.name}</td>
              <td className="px-3 py-2 text-gray-800">{r.accountName}</td>
              <td className="px-3 py-2 text-gray-800">{skipped ? <Reason r={r} cooldownDays={cooldownDays} timezone={timezone} /> : r.email}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who gets a link and who is skipped (with the reason), each list cut at 100 with the full counts above it. */
export function SendPreview({ preview, timezone }: { preview: Preview; timezone: string }) {
  const skippedTotal = Object.values(preview.skipCounts).reduce((s, n) => s + n, 0);
  const reasons = (Object.entries(preview.skipCounts) as [SkipReason, number][]).filter(([, n]) => n > 0);
  return (
    <div className="space-y-5">
      <section aria-labelledby="gets-heading">
        <h3 id="gets-heading" className="mb-2 text-sm font-semibold text-gray-900">
          Will get a link: {preview.sendCount.toLocaleString('en-US')}{preview.sendCount > preview.send.length ? ` (first ${preview.send.length} shown)` : ''}
        </h3>
        {preview.send.length ? <People rows={preview.send} caption="Stakeholders who will get a link" skipped={false} cooldownDays={preview.cooldownDays} timezone={timezone} />
          : <p className="text-sm text-gray-700">Nobody in this selection can be sent a link.</p>}
      </section>
      <section aria-labelledby="skip-heading">
        <h3 id="skip-heading" className="mb-2 text-sm font-semibold text-gray-900">
          Skipped: {skippedTotal.toLocaleString('en-US')}{skippedTotal > preview.skipped.length ? ` (first ${preview.skipped.length} shown)` : ''}
        </h3>
        {reasons.length ? (
          <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700">
            {reasons.map(([k, n]) => <li key={k}>{SKIP_LABELS[k]}: {n}</li>)}
          </ul>
        ) : null}
        {preview.skipped.length ? <People rows={preview.skipped} caption="Stakeholders who are skipped, with the reason" skipped cooldownDays={preview.cooldownDays} timezone={timezone} />
          : <p className="text-sm text-gray-700">Nobody is skipped.</p>}
        <p className="mt-2 text-xs text-gray-600">Cooldown: a person is asked at most once in {preview.cooldownDays} days across all surveys (organization setting).</p>
      </section>
    </div>
  );
}
