import type { SurveyKind } from '@/db/schema/enums';
import type { TrendPoint } from '@/lib/dal/survey-results';
import { formatScore } from './labels';

const monthFmt = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The score per calendar month (org timezone), with n, as a table: the numbers themselves are the chart's text. */
export function TrendTable({ kind, points }: { kind: SurveyKind; points: TrendPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-gray-700">No answers yet, so no trend.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Score by month</caption>
        <thead className="text-xs uppercase tracking-wide text-gray-700">
          <tr><th scope="col" className="py-1 pr-3">Month</th><th scope="col" className="py-1 pr-3 text-right">Score</th><th scope="col" className="py-1 text-right">n</th></tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row" className="py-1 pr-3 font-normal text-gray-800">{monthFmt.format(new Date(`${p.month}-01T00:00:00Z`))}</th>
              <td className="py-1 pr-3 text-right tabular-nums">
                {p.score.n === 0 ? <span className="text-gray-600">— <span className="text-xs">no answers</span></span> : formatScore(kind, p.score.value)}
              </td>
              <td className="py-1 text-right tabular-nums text-gray-700">{p.score.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
