import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import type { Role } from '@/db/schema/enums';
import type { AccountDto } from '@/lib/dal/accounts';
import { daysUntil, formatDate, labelOf } from '@/lib/format';
import { AccountActions } from './account-actions';

function renewal(date: string | null): string {
  if (!date) return '—';
  const days = daysUntil(date);
  if (days === null) return formatDate(date);
  const when = days === 0 ? 'today' : days === 1 ? 'in 1 day' : days > 0 ? `in ${days} days` : days === -1 ? '1 day ago' : `${-days} days ago`;
  return `${formatDate(date)} (${when})`;
}

/** Name, domain, the key facts and the account's own actions; says so plainly when archived. */
export function AccountHeader({ account, orgSlug, role }: { account: AccountDto; orgSlug: string; role: Role }) {
  const facts = [
    ['Owner', account.ownerName ?? 'Unassigned'],
    ['Stage', labelOf(account.stage)],
    ['Segment', labelOf(account.segment)],
    ['Renewal', renewal(account.nextRenewalDate)],
    ['Seats', account.licensedSeats?.toLocaleString('en-US') ?? '—'],
  ];
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/${orgSlug}/accounts`} className="text-blue-700 underline">← Accounts</Link></p>
      <PageHeader
        title={account.name}
        description={account.domain ?? undefined}
        actions={<AccountActions orgSlug={orgSlug} accountId={account.id} archived={account.archivedAt !== null} role={role} />}
      />
      {account.archivedAt ? (
        <div className="mb-4">
          <Alert tone="info"><strong>Archived</strong> on {formatDate(account.archivedAt)}. It is hidden from the accounts list; its history is kept.</Alert>
        </div>
      ) : null}
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {facts.map(([k, v]) => (
          <div key={k} className="rounded-lg border border-gray-200 bg-white p-3">
            <dt className="text-xs text-gray-600">{k}</dt>
            <dd className="text-sm font-medium text-gray-900">{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
