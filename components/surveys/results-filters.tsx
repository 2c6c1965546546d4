import Link from 'next/link';
import { segmentEnum } from '@/db/schema/enums';
import { labelOf } from '@/lib/format';
import type { SurveyResultsParams } from '@/lib/validation/surveys';

const select = 'mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm';

/** Segment and account filters as a plain GET form, so the filtered view is a URL. */
export function ResultsFilters({ base, filters, accounts }: { base: string; filters: SurveyResultsParams; accounts: { id: string; name: string }[] }) {
  const active = Boolean(filters.segment || filters.account);
  return (
    <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter results">
      <div className="w-full sm:w-48">
        <label htmlFor="f-segment" className="block text-sm font-medium text-gray-800">Segment</label>
        <select id="f-segment" name="segment" defaultValue={filters.segment ?? ''} className={select}>
          <option value="">All segments</option>
          {segmentEnum.enumValues.map((s) => <option key={s} value={s}>{labelOf(s)}</option>)}
        </select>
      </div>
      <div className="w-full sm:w-64">
        <label htmlFor="f-account" className="block text-sm font-medium text-gray-800">Account</label>
        <select id="f-account" name="account" defaultValue={filters.account ?? ''} className={select}>
          <option value="">All accounts</option>
          {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">Apply filters</button>
      {active ? <Link href={base} className="py-2 text-sm text-blue-700 underline underline-offset-2">Clear filters</Link> : null}
      {active ? <p className="w-full text-xs text-gray-700">Filtered results leave out answers through the anonymous link (they belong to no account).</p> : null}
    </form>
  );
}
