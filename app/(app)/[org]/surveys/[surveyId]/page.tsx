import type { Metadata } from 'next';
import Link from 'next/link';
import { CommentList } from '@/components/surveys/comment-list';
import { LinkTable } from '@/components/surveys/link-table';
import { ResultsSection } from '@/components/surveys/results-section';
import { SurveyHeader } from '@/components/surveys/survey-header';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { createAnonymousLinkAction, setSurveyStatusAction } from '@/lib/actions/surveys';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getSurveyResults, listRespondingAccounts } from '@/lib/dal/survey-results';
import { listSurveyLinks } from '@/lib/dal/surveys';
import { publicUrl } from '@/lib/env';
import { found } from '@/lib/found';
import { pageParamsSchema } from '@/lib/validation/surveys';

export const metadata: Metadata = { title: 'Survey' };

type Props = { params: Promise<{ org: string; surveyId: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function SurveyPage({ params, searchParams }: Props) {
  const { org, surveyId } = await params;
  const query = await searchParams;
  const ctx = await requireTenant(org);
  const results = await found(getSurveyResults(ctx, surveyId, query));
  const linksPage = pageParamsSchema.parse({ page: query.links }).page;
  const [links, accounts] = await Promise.all([listSurveyLinks(ctx, surveyId, linksPage), listRespondingAccounts(ctx, surveyId)]);
  const base = `/${ctx.orgSlug}/surveys`;
  const here = `${base}/${surveyId}`;
  const origin = publicUrl().replace(/\/$/, '');
  const s = results.survey;
  const filterQs = new URLSearchParams(Object.entries({ segment: results.filters.segment, account: results.filters.account }).filter(([, v]) => v) as [string, string][]).toString();
  const actions = hasRole(ctx.role, 'csm') ? { status: setSurveyStatusAction.bind(null, ctx.orgSlug), anonymous: createAnonymousLinkAction.bind(null, ctx.orgSlug) } : null;
  const linkPages = Math.ceil(links.total / links.pageSize);
  return (
    <>
      <SurveyHeader survey={s} base={base} exportHref={`${here}/export${filterQs ? `?${filterQs}` : ''}`} actions={actions} />
      {s.anonymousPath ? (
        <Card title="Anonymous link" className="mb-6">
          <p className="mb-1 text-sm text-gray-700">Anyone with this link can answer, once per browser. Answers count in the survey&apos;s and the org&apos;s scores, never in an account&apos;s.</p>
          <a data-testid="anonymous-link" href={s.anonymousPath} className="break-all font-mono text-sm text-blue-700 underline underline-offset-2">{origin}{s.anonymousPath}</a>
        </Card>
      ) : null}
      <ResultsSection results={results} base={here} accounts={accounts} />
      <Card title={`Comments (${results.comments.total})`} className="mt-6">
        <CommentList orgSlug={ctx.orgSlug} rows={results.comments.rows} timezone={results.timezone} />
        {results.comments.total > results.comments.pageSize ? (
          <Pagination page={results.comments.page} pageSize={results.comments.pageSize} total={results.comments.total} params={{ segment: results.filters.segment, account: results.filters.account }} />
        ) : null}
      </Card>
      <section aria-labelledby="links-heading" className="mt-6">
        <h2 id="links-heading" className="mb-1 text-lg font-semibold text-gray-900">Links ({links.total}; {s.answered} answered)</h2>
        <p className="mb-3 text-sm text-gray-700">Each stakeholder&apos;s personal link. Copy one to send it yourself when it was not emailed.</p>
        {links.rows.length ? <LinkTable orgSlug={ctx.orgSlug} rows={links.rows} showSurvey={false} timezone={results.timezone} origin={origin} />
          : <p className="text-sm text-gray-700">No links sent yet.{actions && s.status === 'open' ? <> <Link href={`${here}/send`} className="text-blue-700 underline">Send the survey</Link>.</> : null}</p>}
        {linkPages > 1 ? (
          <nav aria-label="Links pages" className="mt-3 flex items-center gap-3 text-sm text-gray-700">
            <span>Links page {linksPage} of {linkPages}</span>
            {linksPage > 1 ? <Link href={`${here}?links=${linksPage - 1}#links-heading`} className="rounded-md border border-gray-300 bg-white px-3 py-1">Previous links</Link> : null}
            {linksPage < linkPages ? <Link href={`${here}?links=${linksPage + 1}#links-heading`} className="rounded-md border border-gray-300 bg-white px-3 py-1">Next links</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
