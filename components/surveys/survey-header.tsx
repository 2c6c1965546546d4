import Link from 'next/link';
import type { SurveyDetail } from '@/lib/dal/surveys';
import { AnonymousLinkButton, StatusButton } from './survey-controls';
import { KIND_SHORT } from './labels';
import { StatusBadge } from './status-badge';
import type { ActionResult } from '@/lib/actions/safe-action';

type Action = (prev: null, form: FormData) => Promise<ActionResult<unknown>>;
type Props = { survey: SurveyDetail; base: string; exportHref: string; actions: { status: Action; anonymous: Action } | null };

/** The survey's name, question and controls: send and open/close for CSMs and up; export for everyone. */
export function SurveyHeader({ survey: s, base, exportHref, actions }: Props) {
  return (
    <header className="mb-6 space-y-3">
      <p className="text-sm"><Link href={base} className="text-blue-700 underline">← Surveys</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{s.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <span>{KIND_SHORT[s.kind]}</span><StatusBadge status={s.status} /><span>Links expire after {s.linkExpiryDays} days</span>
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {actions && s.status === 'open' ? <Link href={`${base}/${s.id}/send`} className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">Send survey</Link> : null}
          {actions ? <StatusButton surveyId={s.id} status={s.status} action={actions.status} /> : null}
          <a href={exportHref} className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">Export responses (CSV)</a>
        </div>
      </div>
      <blockquote className="rounded-md border-l-4 border-blue-700 bg-white px-4 py-2 text-sm text-gray-900">
        <p>{s.question}</p>
        {s.followUpQuestion ? <p className="mt-1 text-gray-700">Follow-up: {s.followUpQuestion}</p> : null}
      </blockquote>
      {s.status === 'draft' && actions ? <p className="text-sm text-gray-700">This survey is a draft: open it to send links.</p> : null}
      {actions && !s.anonymousPath ? (
        <div className="max-w-xs"><AnonymousLinkButton surveyId={s.id} action={actions.anonymous} /></div>
      ) : null}
    </header>
  );
}
