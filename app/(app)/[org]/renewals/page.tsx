import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listDueRenewals } from '@/lib/dal/renewal-list';
import { formatDate } from '@/lib/format';
import { addDays } from '@/lib/kpi/period';
import { RENEWAL_WINDOW_LABELS, parseRenewalListParams, renewalListHref, renewalListSearch } from '@/lib/validation/renewal-list';
import { recordOutcomeFromList } from './_components/actions';
import { RenewalsEmpty } from './_components/empty-state';
import { RenewalFilters } from './_components/renewal-filters';
import { RenewalKpiStrip } from './_components/renewal-kpi-strip';
import { RenewalTable } from './_components/renewal-table';
import { ExportLink } from '@/components/ui/export-link';

export const metadata: Metadata = { title: 'Renewals' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function RenewalsPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const query = parseRenewalListParams(await searchParams, ctx.role);
  const base = `/${ctx.orgSlug}/renewals`;
  const list = await listDueRenewals(ctx, query);
  const action = hasRole(ctx.role, 'csm') ? recordOutcomeFromList.bind(null, ctx.orgSlug) : null;
  // the DAL's range is [from, to); people read the last day included
  const range = list.from && list.to ? ` (due ${formatDate(list.from)} – ${formatDate(addDays(list.to, -1))})` : list.to ? ` (due before ${formatDate(list.to)})` : '';
  return (
    <>
      <PageHeader title="Renewals" description={`${query.owner === 'me' ? 'Renewals of the accounts you own' : 'Renewals of every account'}, earliest due first. ARR in ${list.currency}.`} />
      <RenewalKpiStrip ctx={ctx} today={list.today} />
      <h2 className="mb-2 text-base font-semibold text-gray-900">{RENEWAL_WINDOW_LABELS[query.window]}{range}</h2>
      <RenewalFilters base={base} query={query} role={ctx.role} />
      {list.total > 0 ? <div className="mb-3"><ExportLink href={`${base}/export?${new URLSearchParams(renewalListSearch(query, ctx.role, false)).toString()}`} /></div> : null}
      {list.rows.length > 0 ? (
        <RenewalTable orgSlug={ctx.orgSlug} rows={list.rows} currency={list.currency} action={action} />
      ) : list.total > 0 ? (
        <p className="text-sm text-gray-700">This page is past the end of the list. <Link href={renewalListHref(base, query, ctx.role)} className="text-blue-700 underline">Go to the first page</Link>.</p>
      ) : (
        <RenewalsEmpty
          window={query.window} mine={query.owner === 'me'}
          allHref={renewalListHref(base, query, ctx.role, { owner: 'all' })} pendingHref={renewalListHref(base, query, ctx.role, { window: 'pending' })}
        />
      )}
      {list.total > 0 ? <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={renewalListSearch(query, ctx.role, false)} /> : null}
    </>
  );
}
