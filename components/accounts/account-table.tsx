import Link from 'next/link';
import type { Role } from '@/db/schema/enums';
import { HealthBadge } from '@/components/health/band';
import type { AccountListRow } from '@/lib/dal/accounts';
import { formatDate, labelOf } from '@/lib/format';
import type { AccountListParams, AccountSortKey } from '@/lib/validation/accounts';
import { SortHeader } from './sort-header';

type Props = { base: string; rows: AccountListRow[]; query: AccountListParams; role: Role };

const columns: { key: AccountSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Account' },
  { key: 'health', label: 'Health' },
  { key: 'owner', label: 'Owner' },
  { key: 'segment', label: 'Segment' },
  { key: 'stage', label: 'Stage' },
  { key: 'seats', label: 'Seats', numeric: true },
  { key: 'renewal', label: 'Renewal' },
  { key: 'activity', label: 'Last activity' },
];

/** One page of accounts; every header sorts (health: accounts without a score last either way). MRR joins in a later issue. */
export function AccountTable({ base, rows, query, role }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Accounts, sorted by {columns.find((c) => query.sort.endsWith(c.key))?.label ?? 'Account'}</caption>
        <thead className="bg-gray-50 text-gray-700">
          <tr>{columns.map((c) => <SortHeader key={c.key} base={base} query={query} role={role} column={c.key} label={c.label} numeric={c.numeric} />)}</tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((a) => (
            <tr key={a.id} className={a.archivedAt ? 'bg-gray-50' : undefined}>
              <td className="px-4 py-2">
                <Link href={`${base}/${a.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">{a.name}</Link>
                {a.archivedAt ? <span className="ml-2 rounded border border-gray-400 px-1.5 text-xs text-gray-700">Archived</span> : null}
                <span className="block text-xs text-gray-600">{a.domain ?? ''}</span>
              </td>
              <td className="whitespace-nowrap px-4 py-2"><HealthBadge score={a.healthScore} band={a.healthBand} /></td>
              <td className="whitespace-nowrap px-4 py-2">{a.ownerName ?? <span className="text-gray-600">Unassigned</span>}</td>
              <td className="whitespace-nowrap px-4 py-2">{labelOf(a.segment)}</td>
              <td className="whitespace-nowrap px-4 py-2">{labelOf(a.stage)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{a.licensedSeats?.toLocaleString('en-US') ?? '—'}</td>
              <td className="whitespace-nowrap px-4 py-2">{formatDate(a.nextRenewalDate)}</td>
              <td className="whitespace-nowrap px-4 py-2">
                {a.lastActivityAt ? <time dateTime={a.lastActivityAt.toISOString()}>{formatDate(a.lastActivityAt)}</time> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
