import Link from 'next/link';
import type { LinkRow } from '@/lib/dal/surveys';
import { formatDay, KIND_SHORT } from './labels';

const DELIVERY: Record<string, string> = { outbox: 'Not emailed (copy the link)', queued: 'Email queued', sent: 'Emailed', failed: 'Email failed' };

/**
 * Survey links to copy: each row names the stakeholder and holds `a[data-testid=survey-link]` with the relative
 * /s/<token> path (other tests rely on both); the text is the full URL to copy. `showSurvey` adds the survey column (the outbox page).
 */
export function LinkTable({ orgSlug, rows, showSurvey, timezone, origin }: { orgSlug: string; rows: LinkRow[]; showSurvey: boolean; timezone: string; origin: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
      <table className="min-w-[44rem] w-full text-left text-sm">
        <caption className="sr-only">Survey links, newest first</caption>
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2">Stakeholder</th>
            {showSurvey ? <th scope="col" className="px-3 py-2">Survey</th> : null}
            <th scope="col" className="px-3 py-2">Sent</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Link</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="survey-link-row">
              <td className="px-3 py-2">
                <span className="font-medium text-gray-900">{r.stakeholderName ?? 'Removed stakeholder'}</span>
                <span className="block text-xs text-gray-700">
                  {r.accountId ? <Link href={`/${orgSlug}/accounts/${r.accountId}`} className="text-blue-700 underline underline-offset-2">{r.accountName}</Link> : null}
                  {r.email ? ` · ${r.email}` : ''}
                </span>
              </td>
              {showSurvey ? (
                <td className="px-3 py-2"><Link href={`/${orgSlug}/surveys/${r.surveyId}`} className="text-blue-700 underline underline-offset-2">{r.surveyName}</Link> <span className="text-xs text-gray-600">{KIND_SHORT[r.kind]}</span></td>
              ) : null}
              <td className="whitespace-nowrap px-3 py-2 text-gray-800">{formatDay(r.sentAt, timezone)}</td>
              <td className="px-3 py-2">
                {r.respondedAt ? <strong className="font-semibold text-emerald-800">✓ Answered</strong> : <span className="text-gray-800">Not answered</span>}
                <span className="block text-xs text-gray-600" title={r.deliveryError ?? undefined}>{DELIVERY[r.delivery] ?? r.delivery}</span>
              </td>
              <td className="px-3 py-2">
                <a data-testid="survey-link" href={r.path} className="break-all font-mono text-xs text-blue-700 underline underline-offset-2">
                  {origin}{r.path}<span className="sr-only"> (survey link for {r.stakeholderName ?? 'a removed stakeholder'})</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
