import Form from 'next/form';
import Link from 'next/link';
import type { Role } from '@/db/schema/enums';
import { accountListHref, accountListSearch, isFiltered, type AccountListParams } from '@/lib/validation/accounts';
import { HiddenParams } from './hidden-params';
import { filterControl, FilterSelect, type FilterOption } from '@/components/ui/filter-select';

type Props = { base: string; query: AccountListParams; role: Role; members: { id: string; name: string }[] };

/** Search and filters as a GET form: everything lands in the URL, so a view can be shared or reloaded. */
export function AccountFilters({ base, query, role, members }: Props) {
  const { sort } = accountListSearch(query, role);
  const owners: FilterOption[] = [
    { value: 'all', label: 'All owners' }, { value: 'me', label: 'My accounts' }, { value: 'none', label: 'Unassigned' },
    ...members.map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <Form action={base} role="search" aria-label="Filter accounts" className="mb-4 rounded-lg border border-gray-200 bg-white p-4">
      <HiddenParams params={sort ? { sort } : {}} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4 2xl:grid-cols-7">
        <div className="col-span-2">
          <label htmlFor="accounts-q" className="block text-xs font-medium text-gray-700">Search by name or domain</label>
          <input id="accounts-q" name="q" type="search" defaultValue={query.q ?? ''} className={filterControl} />
        </div>
        <FilterSelect id="accounts-owner" label="Owner" name="owner" value={query.owner} options={owners} />
        <FilterSelect id="accounts-segment" label="Segment" name="segment" value={query.segment ?? ''} options={[
          { value: '', label: 'All segments' }, { value: 'enterprise', label: 'Enterprise' }, { value: 'mid_market', label: 'Mid-market' }, { value: 'smb', label: 'SMB' },
        ]} />
        <FilterSelect id="accounts-stage" label="Stage" name="stage" value={query.stage ?? ''} options={[
          { value: '', label: 'All stages' }, { value: 'onboarding', label: 'Onboarding' }, { value: 'adopting', label: 'Adopting' }, { value: 'mature', label: 'Mature' }, { value: 'renewal', label: 'Renewal' },
        ]} />
        <FilterSelect id="accounts-band" label="Health" name="band" value={query.band ?? ''} options={[
          { value: '', label: 'All bands' }, { value: 'red', label: 'Red (at risk)' }, { value: 'yellow', label: 'Yellow' }, { value: 'green', label: 'Green' }, { value: 'none', label: 'No score' },
        ]} />
        <FilterSelect id="accounts-status" label="Status" name="status" value={query.status} options={[
          { value: 'active', label: 'Active' }, { value: 'archived', label: 'Archived' }, { value: 'all', label: 'Active and archived' },
        ]} />
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="w-32">
          <FilterSelect id="accounts-page-size" label="Rows per page" name="pageSize" value={String(query.pageSize)} options={[25, 50, 100].map((n) => ({ value: String(n), label: String(n) }))} />
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">Apply</button>
        {isFiltered(query) ? (
          <Link href={accountListHref(base, query, role, { q: undefined, segment: undefined, stage: undefined, band: undefined, status: 'active', owner: 'all' })} className="py-2 text-sm text-blue-700 underline underline-offset-2">
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
