import { formatDate } from '@/lib/format';

type Event = { id: string; kind: string; occurredAt: Date; actorType: string; actorName: string | null; summary: string };

/** The account's history, newest first. */
export function Timeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="text-sm text-gray-700">Nothing has happened on this account yet.</p>;
  return (
    <ol className="space-y-3">
      {events.map((e) => (
        <li key={e.id} className="border-l-2 border-gray-200 pl-3 text-sm">
          <p className="text-gray-900">{e.summary}</p>
          <p className="text-xs text-gray-600">
            <time dateTime={e.occurredAt.toISOString()}>{formatDate(e.occurredAt)}</time> · {e.actorName ?? (e.actorType === 'api_key' ? 'API' : 'System')}
          </p>
        </li>
      ))}
    </ol>
  );
}
