import Form from 'next/form';
import Link from 'next/link';
import { PRIORITY_LABELS } from '@/lib/playbooks/triggers';
import type { AlertFilters as Filters } from '@/lib/validation/alerts';
import { FilterSelect } from '@/components/ui/filter-select';

type Props = { base: string; query: Filters; playbooks: { id: string; name: string }[]; accountName: string | null };

/** The inbox filters as a GET form: every view is a URL. The account filter comes from an account page's link. */
export function AlertFilters({ base, query, playbooks, accountName }: Props) {
  const filtered = query.mine || query.priority || query.playbook || query.account || query.status !== 'active';
  return (
    <Form action={base} role="search" aria-label="Filter alerts" className="mb-4 rounded-lg border border-gray-200 bg-white p-4">
      {query.account ? <input type="hidden" name="account" value={query.account} /> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect id="alerts-mine" label="Assigned to" name="mine" value={query.mine ?? ''} options={[{ value: '', label: 'Anyone' }, { value: '1', label: 'Me' }]} />
        <FilterSelect id="alerts-status" label="Status" name="status" value={query.status} options={[
          { value: 'active', label: 'Open and snoozed' }, { value: 'open', label: 'Open' }, { value: 'snoozed', label: 'Snoozed' },
          { value: 'resolved', label: 'Resolved' }, { value: 'all', label: 'All' },
        ]} />
        <FilterSelect id="alerts-priority" label="Priority" name="priority" value={query.priority ?? ''}
          options={[{ value: '', label: 'Any priority' }, ...Object.entries(PRIORITY_LABELS).reverse().map(([value, label]) => ({ value, label }))]} />
        <FilterSelect id="alerts-playbook" label="Playbook" name="playbook" value={query.playbook ?? ''}
          options={[{ value: '', label: 'Any playbook' }, ...playbooks.map((p) => ({ value: p.id, label: p.name }))]} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">Apply</button>
        {accountName && query.account ? (
          <p className="text-sm text-gray-800">Account: <strong>{accountName}</strong></p>
        ) : null}
        {filtered ? <Link href={base} className="text-sm text-blue-700 underline underline-offset-2">Clear filters</Link> : null}
      </div>
    </Form>
  );
}
