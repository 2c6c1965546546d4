import { Card } from '@/components/ui/card';
import type { RelationshipSummary } from '@/lib/dal/relationship';

const ago = (days: number | null, none: string) => (days === null ? none : days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);

/** The relationship at a glance, in words (no colour-only signals). */
export function RelationshipCard({ summary: s }: { summary: RelationshipSummary }) {
  if (s.stakeholders === 0) {
    return <Card title="Relationship"><p className="text-sm text-gray-700">No stakeholders yet, so there is no relationship to summarize.</p></Card>;
  }
  const rows: [string, string][] = [
    ['Champion', s.champions === 0 ? 'None — no current champion' : s.champions === 1 ? 'Yes' : `Yes, ${s.champions}`],
    ['Economic buyer', s.economicBuyers === 0 ? 'Unknown' : 'Known'],
    ['Last contact with champion', s.champions === 0 ? '—' : ago(s.daysSinceChampionContact, 'Never contacted')],
    ['Last contact with economic buyer', s.economicBuyers === 0 ? '—' : ago(s.daysSinceBuyerContact, 'Never contacted')],
    ['Contacted in the last 90 days', `${s.contactedLast90Days} of ${s.current} current stakeholder${s.current === 1 ? '' : 's'}`],
  ];
  return (
    <Card title="Relationship">
      {s.championLeft ? (
        <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <strong>Warning: champion left.</strong> {s.championLeft.name} left {ago(s.championLeft.daysAgo, '')}. A champion leaving is a churn signal; find a new champion.
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-gray-600">{k}</dt>
            <dd className="font-medium text-gray-900">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
