import Link from 'next/link';
import { formatDay, formatScore, KIND_SHORT } from '@/components/surveys/labels';
import type { SurveyKind } from '@/db/schema/enums';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getAccountSurveySummary } from '@/lib/dal/kpis/surveys';

const KINDS: SurveyKind[] = ['nps', 'csat', 'ces'];

/** The account's NPS, CSAT and CES over 180 days (its stakeholders' answers, never anonymous ones) and its latest 5 answers. */
export async function SurveyAnswersSection({ ctx, accountId }: { ctx: TenantCtx; accountId: string }) {
  const { scores, latest, timezone } = await getAccountSurveySummary(ctx, accountId);
  return (
    <section id="surveys" aria-labelledby="surveys-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id="surveys-heading" className="mb-3 text-base font-semibold text-gray-900">Survey answers</h2>
      <dl className="grid grid-cols-3 gap-3">
        {KINDS.map((k) => (
          <div key={k} className="rounded-md border border-gray-200 p-2">
            <dt className="text-xs font-medium text-gray-700">{KIND_SHORT[k]} · 180 days</dt>
            <dd className="text-lg font-semibold tabular-nums text-gray-900">{formatScore(k, scores[k].value)}</dd>
            <dd className="text-xs text-gray-600">{scores[k].value === null ? 'No answers' : `n = ${scores[k].n}`}</dd>
          </div>
        ))}
      </dl>
      {latest.length === 0 ? (
        <p className="mt-3 text-sm text-gray-700">Nobody at this account has answered a survey yet. <Link href={`/${ctx.orgSlug}/surveys`} className="text-blue-700 underline">Surveys</Link></p>
      ) : (
        <ul className="mt-3 divide-y divide-gray-100">
          {latest.map((a) => (
            <li key={a.id} className="py-2 text-sm">
              <p className="text-gray-900">
                <strong className="font-semibold">{KIND_SHORT[a.kind]} {a.score}</strong> · {a.stakeholderName ?? 'Removed stakeholder'}
                <span className="text-gray-600"> · {formatDay(a.createdAt, timezone)} · {a.surveyName}</span>
              </p>
              {a.comment ? <p className="mt-0.5 whitespace-pre-wrap text-gray-700">“{a.comment}”</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
