import Link from 'next/link';
import type { SurveyRow } from '@/lib/dal/surveys';
import { formatDay, formatScore, KIND_SHORT } from './labels';
import { StatusBadge } from './status-badge';

const pct = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The surveys list: kind, status, links sent, answered, response rate and the score with its n. */
export function SurveyTable({ orgSlug, rows, timezone }: { orgSlug: string; rows: SurveyRow[]; timezone: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Surveys, newest first</caption>
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2">Survey</th>
            <th scope="col" className="px-3 py-2">Kind</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">Sent</th>
            <th scope="col" className="px-3 py-2 text-right">Answered</th>
            <th scope="col" className="px-3 py-2 text-right">Response rate</th>
            <th scope="col" className="px-3 py-2 text-right">Score (n)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2">
                <Link href={`/${orgSlug}/surveys/${r.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">{r.name}</Link>
                <span className="block text-xs text-gray-600">Created {formatDay(r.createdAt, timezone)}</span>
              </td>
              <td className="px-3 py-2 text-gray-800">{KIND_SHORT[r.kind]}</td>
              <td className="px-3 py-2"><StatusBadge status={r.status} /></td>
              <td className="px-3 py-2 text-right tabular-nums">{r.sent.toLocaleString('en-US')}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.answered.toLocaleString('en-US')}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.responseRate === null ? '—' : `${pct.format(r.responseRate)}%`}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatScore(r.kind, r.score.value)} <span className="text-gray-600">(n = {r.score.n})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
