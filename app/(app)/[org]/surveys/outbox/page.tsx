import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkTable } from '@/components/surveys/link-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireTenant } from '@/lib/auth/tenant';
import { getKpiClock } from '@/lib/dal/kpis/clock';
import { listOutbox } from '@/lib/dal/surveys';
import { publicUrl } from '@/lib/env';
import { smtpConfigured } from '@/lib/mail';
import { pageParamsSchema } from '@/lib/validation/surveys';

export const metadata: Metadata = { title: 'Survey outbox' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function OutboxPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const { page } = pageParamsSchema.parse(await searchParams);
  const [list, clock] = await Promise.all([listOutbox(ctx, page), getKpiClock(ctx)]);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/${ctx.orgSlug}/surveys`} className="text-blue-700 underline">← Surveys</Link></p>
      <PageHeader
        title="Survey outbox"
        description={smtpConfigured()
          ? 'Links whose email failed. Copy a link and send it yourself, newest first.'
          : 'No email server is set up, so survey links are not emailed: copy each link and send it yourself. Newest first.'}
      />
      {list.rows.length > 0 ? (
        <LinkTable orgSlug={ctx.orgSlug} rows={list.rows} showSurvey timezone={clock.timezone} origin={publicUrl().replace(/\/$/, '')} />
      ) : (
        <Card>
          <h2 className="text-base font-semibold text-gray-900">{list.total > 0 || page > 1 ? 'No links on this page' : 'The outbox is empty'}</h2>
          <p className="mt-1 text-sm text-gray-700">Links sent from a survey&apos;s send page appear here until they are emailed.</p>
        </Card>
      )}
      {list.total > 0 ? <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{}} /> : null}
    </>
  );
}
