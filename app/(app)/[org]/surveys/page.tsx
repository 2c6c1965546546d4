import type { Metadata } from 'next';
import Link from 'next/link';
import { SurveyTable } from '@/components/surveys/survey-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getKpiClock } from '@/lib/dal/kpis/clock';
import { listSurveys } from '@/lib/dal/surveys';
import { pageParamsSchema } from '@/lib/validation/surveys';

export const metadata: Metadata = { title: 'Surveys' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function SurveysPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const { page } = pageParamsSchema.parse(await searchParams);
  const base = `/${ctx.orgSlug}/surveys`;
  const [list, clock] = await Promise.all([listSurveys(ctx, page), getKpiClock(ctx)]);
  const canEdit = hasRole(ctx.role, 'csm');
  const actions = (
    <div className="flex flex-wrap items-center gap-3">
      <Link href={`${base}/outbox`} className="text-sm text-blue-700 underline underline-offset-2">Outbox (links to copy)</Link>
      {canEdit ? <Link href={`${base}/new`} className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">New survey</Link> : null}
    </div>
  );
  return (
    <>
      <PageHeader title="Surveys" description="NPS, CSAT and CES surveys answered by your customers. Scores count every answer, anonymous ones included." actions={actions} />
      {list.rows.length > 0 ? (
        <SurveyTable orgSlug={ctx.orgSlug} rows={list.rows} timezone={clock.timezone} />
      ) : list.total > 0 ? (
        <p className="text-sm text-gray-700">This page is past the end of the list. <Link href={base} className="text-blue-700 underline">Go to the first page</Link>.</p>
      ) : (
        <Card>
          <h2 className="text-base font-semibold text-gray-900">No surveys yet</h2>
          <p className="mt-1 text-sm text-gray-700">
            {canEdit ? 'Ask your customers how likely they are to recommend you (NPS), how satisfied they are (CSAT) or how easy you made something (CES).' : 'CSMs and admins of this org can create and send surveys.'}
          </p>
          {canEdit ? <Link href={`${base}/new`} className="mt-4 inline-block rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">Create your first survey</Link> : null}
        </Card>
      )}
      {list.total > 0 ? <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{}} /> : null}
    </>
  );
}
