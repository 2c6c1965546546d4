import type { ApiKeyDto } from '@/lib/dal/api-keys';
import { RevokeKeyButton } from './revoke-key-button';

type Revoke = Parameters<typeof RevokeKeyButton>[0]['action'];

const when = (d: Date | null, timezone: string) =>
  d ? new Intl.DateTimeFormat('en-US', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' }).format(d) : null;

/** The org's keys: name, visible prefix, who made it, last use, and status in words (not only colour). */
export function KeyList({ keys, timezone, revoke }: { keys: ApiKeyDto[]; timezone: string; revoke: Revoke }) {
  return (
    <ul className="divide-y divide-gray-100" aria-label="API keys">
      {keys.map((k) => (
        <li key={k.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 text-sm">
            <p className="font-medium text-gray-900">
              {k.name}{' '}
              {k.revokedAt
                ? <span className="ml-1 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-700">Revoked</span>
                : <span className="ml-1 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">Active</span>}
            </p>
            <p className="text-xs text-gray-700"><span className="font-mono">{k.prefix}…</span> · {k.access === 'read' ? 'Read only' : 'Read and write'}</p>
            <p className="text-gray-600">
              Created {when(k.createdAt, timezone)}{k.createdByName ? ` by ${k.createdByName}` : ''} ·{' '}
              {k.lastUsedAt ? `last used ${when(k.lastUsedAt, timezone)}` : 'never used'}
              {k.revokedAt ? ` · revoked ${when(k.revokedAt, timezone)}` : ''}
            </p>
          </div>
          {k.revokedAt ? null : <RevokeKeyButton apiKeyId={k.id} name={k.name} action={revoke} />}
        </li>
      ))}
    </ul>
  );
}
