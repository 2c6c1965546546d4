import { StakeholderActions, type StakeholderActionSet } from '@/components/stakeholders/stakeholder-actions';
import type { StakeholderDto } from '@/lib/dal/stakeholders';
import { formatDate, labelOf } from '@/lib/format';

const badge = 'ml-2 inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium';

/** The account's people; those who left stay listed, marked in words. Controls only when `actions` is given. */
export function StakeholderList({ people, actions }: { people: StakeholderDto[]; actions?: StakeholderActionSet }) {
  if (people.length === 0) {
    return <p className="text-sm text-gray-700">No stakeholders yet. Add the champion and the economic buyer first: they drive the relationship summary.</p>;
  }
  return (
    <ul className="divide-y divide-gray-100" aria-label="Stakeholders">
      {people.map((p) => (
        <li key={p.id} className="py-3 text-sm">
          <p className="font-semibold text-gray-900">
            {p.name}
            {p.isPrimary ? <span className={`${badge} bg-blue-50 text-blue-800`}>Primary contact</span> : null}
            {p.leftAt ? <span className={`${badge} bg-gray-200 text-gray-800`}>Left the company {formatDate(p.leftAt)}</span> : null}
            {p.doNotSurvey ? <span className={`${badge} bg-amber-50 text-amber-900`}>Do not survey</span> : null}
          </p>
          <p className="text-gray-700">{[labelOf(p.role), p.title, p.email].filter(Boolean).join(' · ')}</p>
          <p className="text-xs text-gray-600">
            {labelOf(p.influence)} influence · {labelOf(p.sentiment)} sentiment · {p.lastContactedAt ? `Last contacted ${formatDate(p.lastContactedAt)}` : 'Never contacted'}
            {p.externalId ? ` · External id ${p.externalId}` : ''}
          </p>
          {actions ? <StakeholderActions id={p.id} values={p} left={p.leftAt !== null} actions={actions} /> : null}
        </li>
      ))}
    </ul>
  );
}
