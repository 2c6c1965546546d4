import { formatDate, labelOf } from '@/lib/format';

type Stakeholder = {
  id: string; name: string; email: string | null; title: string | null; role: string;
  isPrimary: boolean; lastContactedAt: Date | null; leftAt: Date | null;
};

/** The account's people; those who left stay listed, marked as such. */
export function StakeholderList({ people }: { people: Stakeholder[] }) {
  if (people.length === 0) return <p className="text-sm text-gray-700">No stakeholders yet.</p>;
  return (
    <ul className="divide-y divide-gray-100">
      {people.map((p) => (
        <li key={p.id} className="py-2 text-sm">
          <p className="font-medium text-gray-900">
            {p.name} {p.isPrimary ? <span className="ml-1 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800">Primary</span> : null}
            {p.leftAt ? <span className="ml-1 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">Left {formatDate(p.leftAt)}</span> : null}
          </p>
          <p className="text-gray-600">{labelOf(p.role)}{p.title ? ` · ${p.title}` : ''}{p.email ? ` · ${p.email}` : ''}</p>
          <p className="text-xs text-gray-600">Last contacted: {formatDate(p.lastContactedAt)}</p>
        </li>
      ))}
    </ul>
  );
}
