import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilterForm } from '@/components/settings/audit-filters';
import { AuditList } from '@/components/settings/audit-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listAuditEntries } from '@/lib/dal/audit';
import { listMembers } from '@/lib/dal/members';
import { auditParamsSchema } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

const back = (slug: string) => <Link href={`/${slug}/settings`} className="text-sm font-medium text-blue-700 underline">Back to settings</Link>;

export default async function AuditPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  if (!hasRole(ctx.role, 'admin')) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Card title="Only admins can see the audit log">
          <p className="mb-3 text-sm text-gray-700">
            The audit log shows every change in {ctx.orgName} with the values before and after, so it is kept to admins and owners.
            If you need to know who changed something, ask one of them.
          </p>
          {back(ctx.orgSlug)}
        </Card>
      </>
    );
  }
  const filters = auditParamsSchema.parse(await searchParams);
  const [page, members] = await Promise.all([listAuditEntries(ctx, filters), listMembers(ctx)]);
  const basePath = `/${ctx.orgSlug}/settings/audit`;
  const filtered = Boolean(filters.actor || filters.kind || filters.from || filters.to);
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when, with the values before and after. Newest first." actions={back(ctx.orgSlug)} />
      <AuditFilterForm filters={filters} members={members} timezone={page.timezone} basePath={basePath} />
      {page.rows.length === 0 ? (
        <Card>
          <p className="text-sm text-gray-700">
            {filtered || filters.page > 1
              ? 'No entries match these filters. Widen the date range or choose another actor or kind.'
              : 'Nothing has been recorded yet. Changes to settings, members, invitations, accounts and stakeholders appear here.'}
          </p>
        </Card>
      ) : (
        <AuditList rows={page.rows} timezone={page.timezone} orgSlug={ctx.orgSlug} />
      )}
      {page.total > 0 ? <Pagination page={filters.page} pageSize={page.pageSize} total={page.total} params={{ actor: filters.actor, kind: filters.kind, from: filters.from, to: filters.to }} /> : null}
    </>
  );
}
