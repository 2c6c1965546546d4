import Link from 'next/link';
import { actionLabel } from '@/lib/audit-diff';
import type { AuditEntryDto } from '@/lib/dal/audit';
import { AuditDiff } from './audit-diff';

function actorText(e: AuditEntryDto): string {
  if (e.actorType === 'api_key') return 'API';
  if (e.actorType === 'system') return 'System';
  return e.actorName ?? 'A deleted user';
}

/** One audit entry per row: when and who on the left, what and the changed values on the right. */
export function AuditList({ rows, timezone, orgSlug }: { rows: AuditEntryDto[]; timezone: string; orgSlug: string }) {
  const when = new Intl.DateTimeFormat('en-US', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol aria-label="Audit entries, newest first" className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white shadow-sm">
      {rows.map((e) => (
        <li key={e.id} className="grid gap-2 px-4 py-3 md:grid-cols-[12rem_1fr]">
          <div className="text-sm">
            <time dateTime={e.createdAt.toISOString()} className="block text-gray-600">{when.format(e.createdAt)}</time>
            <span className="font-medium text-gray-900">{actorText(e)}</span>
            {e.actorType === 'api_key' && e.actorId ? <span className="block text-xs text-gray-600">key {e.actorId.slice(0, 8)}</span> : null}
          </div>
          <div className="min-w-0">
            <p className="text-sm">
              <span className="font-semibold text-gray-900">{actionLabel(e.action)}</span>{' '}
              <code className="rounded bg-gray-100 px-1 text-xs text-gray-700">{e.action}</code>
              {e.entityType === 'account' && e.entityId && e.action !== 'account.deleted' ? (
                <> · <Link href={`/${orgSlug}/accounts/${e.entityId}`} className="text-blue-700 underline">open the account</Link></>
              ) : null}
            </p>
            <div className="mt-1"><AuditDiff before={e.before} after={e.after} /></div>
          </div>
        </li>
      ))}
    </ol>
  );
}
