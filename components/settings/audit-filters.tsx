import Link from 'next/link';
import { SelectField, TextField } from '@/components/ui/field';
import { AUDIT_KINDS, auditKindLabels, type AuditFilters } from '@/lib/validation/audit';

type Props = { filters: AuditFilters; members: { userId: string; name: string }[]; timezone: string; basePath: string };

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export function AuditFilterForm({ filters, members, timezone, basePath }: Props) {
  const actors = [
    { value: '', label: 'Everyone' },
    { value: 'api', label: 'API' },
    { value: 'system', label: 'System' },
    ...members.map((m) => ({ value: m.userId, label: m.name })),
  ];
  const kinds = [{ value: '', label: 'All kinds' }, ...AUDIT_KINDS.map((k) => ({ value: k, label: auditKindLabels[k] }))];
  const filtered = Boolean(filters.actor || filters.kind || filters.from || filters.to);
  return (
    <form method="get" action={basePath} aria-label="Filter the audit log" className="mb-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Actor" name="actor" defaultValue={filters.actor ?? ''} options={actors} />
        <SelectField label="Kind" name="kind" defaultValue={filters.kind ?? ''} options={kinds} />
        <TextField label="From" name="from" type="date" defaultValue={filters.from ?? ''} />
        <TextField label="To" name="to" type="date" defaultValue={filters.to ?? ''} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">Apply filters</button>
        {filtered ? <Link href={basePath} className="text-sm font-medium text-blue-700 underline">Clear filters</Link> : null}
        <p className="text-xs text-gray-600">Dates and times are in the org&apos;s timezone, {timezone}.</p>
      </div>
    </form>
  );
}
