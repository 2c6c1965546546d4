import Link from 'next/link';
import type { RenewalWindow } from '@/lib/validation/renewal-list';

const WHAT: Record<RenewalWindow, string> = {
  next90: 'No renewal is due in the next 90 days',
  this_quarter: 'No renewal is due this quarter',
  next_quarter: 'No renewal is due next quarter',
  overdue: 'No renewal is overdue',
  pending: 'No renewal is pending',
};

/** Why the list is empty, in words, with the one link most likely to show something. */
export function RenewalsEmpty({ window, mine, allHref, pendingHref }: { window: RenewalWindow; mine: boolean; allHref: string; pendingHref: string }) {
  return (
    <div className="rounded-lg border border-dashed border-gray-300 bg-white p-6 text-sm text-gray-700">
      <p className="font-medium text-gray-900">{WHAT[window]}{mine ? ' on the accounts you own' : ''}.</p>
      <p className="mt-1">
        {mine ? <><Link href={allHref} className="text-blue-700 underline">Show everyone’s renewals</Link>{window !== 'pending' ? ' or ' : '.'}</> : null}
        {window !== 'pending' ? <Link href={pendingHref} className="text-blue-700 underline">{mine ? 'see' : 'See'} all pending renewals</Link> : null}
        {!mine && window === 'pending' ? 'Renewals are added on an account’s page (Renewals section).' : null}
      </p>
    </div>
  );
}
