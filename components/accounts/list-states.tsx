import Link from 'next/link';
import { Card } from '@/components/ui/card';

/** The org has no accounts at all: say how to get some (CSMs and up), or who can (viewers). */
export function NoAccounts({ base, canEdit }: { base: string; canEdit: boolean }) {
  return (
    <Card>
      <h2 className="text-base font-semibold text-gray-900">No accounts yet</h2>
      {canEdit ? (
        <>
          <p className="mt-1 text-sm text-gray-700">Accounts are the customers your team looks after. Add one by hand, or bring your whole book in from a CSV file.</p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Link href={`${base}/new`} className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">Add your first account</Link>
            <Link href={`${base}/import`} className="text-sm text-blue-700 underline underline-offset-2">Import accounts from CSV</Link>
          </div>
        </>
      ) : (
        <p className="mt-1 text-sm text-gray-700">CSMs and admins of this org can add accounts or import them from a CSV file.</p>
      )}
    </Card>
  );
}

/** Accounts exist but none match: offer the way back (and say when it is only "my accounts"). */
export function NoMatch({ clearHref, onlyMine, allHref }: { clearHref: string; onlyMine: boolean; allHref: string }) {
  return (
    <Card>
      <h2 className="text-base font-semibold text-gray-900">No accounts match</h2>
      <p className="mt-1 text-sm text-gray-700">
        {onlyMine ? 'You own no accounts that match. ' : 'Nothing matches these filters. '}
        <Link href={clearHref} className="text-blue-700 underline underline-offset-2">Clear filters</Link>
        {onlyMine ? <> or <Link href={allHref} className="text-blue-700 underline underline-offset-2">see all accounts</Link></> : null}
        .
      </p>
    </Card>
  );
}
