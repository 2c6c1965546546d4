import { formatDate } from '@/lib/format';
import type { ChangeExplanation } from '@/lib/health/explain';

const MINUS = '\u2212';

/** "Since yesterday": the score's move and why, in words; the arrow is decorative, the words carry the direction. */
export function ChangeSummary({ change }: { change: ChangeExplanation }) {
  const d = change.delta;
  const tone = d === null || d === 0 ? 'text-gray-900' : d > 0 ? 'text-green-800' : 'text-red-800';
  return (
    <section aria-label={change.title} className="rounded-md border border-gray-200 p-3">
      <h3 className="text-sm font-semibold text-gray-900">
        {change.title}
        {change.comparedDay ? <span className="font-normal text-gray-600"> (compared with {formatDate(change.comparedDay)})</span> : null}
      </h3>
      <p className={`mt-1 text-sm font-medium ${tone}`}>
        {d !== null && d !== 0 ? <span aria-hidden="true">{d > 0 ? '▲ ' : '▼ '}</span> : null}
        {change.headline}
        {d !== null && d !== 0 ? <span className="sr-only"> ({d > 0 ? '+' : MINUS}{Math.abs(d)})</span> : null}
      </p>
      {change.reasons.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-gray-700">
          {change.reasons.map((r, i) => <li key={i}>{r}</li>)}
        </ul>
      ) : change.comparedDay ? <p className="mt-1 text-sm text-gray-700">No factor moved and nothing was recorded in between.</p> : null}
    </section>
  );
}
