import type { Metadata } from 'next';
import { AlertCard } from '@/components/alerts/alert-card';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { assignAlertAction, resolveAlertAction, snoozeAlertAction } from '@/lib/actions/alerts';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listAlerts } from '@/lib/dal/alerts';
import { listMembers } from '@/lib/dal/members';
import { orgToday } from '@/lib/dal/notes';
import { listPlaybookOptions } from '@/lib/dal/playbooks';
import { addDays } from '@/lib/kpi/period';
import { alertParamsSchema } from '@/lib/validation/alerts';
import { AlertFilters } from './_components/alert-filters';
import { ExportLink } from '@/components/ui/export-link';

export const metadata: Metadata = { title: 'Alerts' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

// the inbox's filters as the export's query (every page: no page number)
const exportSearch = (filters: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === false ? [] : [[k, v === true ? '1' : String(v)]]))).toString();

export default async function AlertsPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const query = alertParamsSchema.parse(await searchParams);
  const canAct = hasRole(ctx.role, 'csm');
  const [page, playbooks, members, today] = await Promise.all([listAlerts(ctx, query), listPlaybookOptions(ctx), listMembers(ctx), orgToday(ctx)]);
  const slug = ctx.orgSlug;
  const actions = canAct ? { assign: assignAlertAction.bind(null, slug), snooze: snoozeAlertAction.bind(null, slug), resolve: resolveAlertAction.bind(null, slug) } : undefined;
  const assignable = members.filter((m) => hasRole(m.role, 'csm')).map((m) => ({ id: m.userId, name: m.name }));
  const accountName = query.account ? page.rows[0]?.accountName ?? 'this account' : null;
  const { page: current, ...rest } = query;
  return (
    <>
      <PageHeader title="Alerts" description="Accounts a playbook flagged: open first, then snoozed, then resolved; by priority." />
      <AlertFilters base={`/${slug}/alerts`} query={query} playbooks={playbooks} accountName={accountName} />
      {page.total > 0 ? <div className="mb-3"><ExportLink href={`/${slug}/alerts/export?${exportSearch(rest)}`} /></div> : null}
      {!canAct ? <p className="mb-3 text-sm text-gray-700">You can read alerts; CSMs and admins assign, snooze and resolve them.</p> : null}
      {page.rows.length === 0 ? (
        <Card>
          <p className="text-sm text-gray-800">
            {playbooks.length === 0 ? 'No playbooks yet, so nothing raises alerts. Admins set them up under Settings → Playbooks.' : 'No alerts match these filters.'}
          </p>
        </Card>
      ) : (
        <ul aria-label="Alerts" className="space-y-3">
          {page.rows.map((a) => (
            <li key={a.id}><AlertCard alert={a} orgSlug={slug} actions={actions} members={assignable} tomorrow={addDays(today, 1)} /></li>
          ))}
        </ul>
      )}
      <Pagination page={current} pageSize={page.pageSize} total={page.total} params={Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v === undefined ? undefined : String(v)]))} />
    </>
  );
}
