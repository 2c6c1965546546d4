import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountFilters } from '@/components/accounts/account-filters';
import { AccountTable } from '@/components/accounts/account-table';
import { NoAccounts, NoMatch } from '@/components/accounts/list-states';
import { OwnerToggle } from '@/components/accounts/owner-toggle';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { hasAnyAccount, listAccounts } from '@/lib/dal/accounts';
import { listMembers } from '@/lib/dal/members';
import { accountListHref, accountListSearch, parseAccountListParams } from '@/lib/validation/accounts';
import { ExportLink } from '@/components/ui/export-link';

export const metadata: Metadata = { title: 'Accounts' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

const button = 'rounded-md px-3 py-2 text-sm font-medium';

export default async function AccountsPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const query = parseAccountListParams(await searchParams, ctx.role);
  const base = `/${ctx.orgSlug}/accounts`;
  const canEdit = hasRole(ctx.role, 'csm');
  const [{ rows, total }, members] = await Promise.all([listAccounts(ctx, query), listMembers(ctx)]);
  const empty = total === 0 && !(await hasAnyAccount(ctx));
  const search = new URLSearchParams(accountListSearch(query, ctx.role, false)).toString();
  const all = { q: undefined, segment: undefined, stage: undefined, band: undefined, status: 'active', owner: 'all' } as const;
  return (
    <>
      <PageHeader
        title="Accounts"
        description={query.owner === 'me' ? 'The accounts you own.' : 'Every customer account of your org.'}
        actions={
          <div className="flex flex-wrap gap-2">
            {empty ? null : <ExportLink href={`${base}/export${search ? `?${search}` : ''}`} />}
            {canEdit ? <Link href={`${base}/import`} className={`${button} border border-gray-300 bg-white text-gray-800 hover:bg-gray-50`}>Import CSV</Link> : null}
            {canEdit ? <Link href={`${base}/new`} className={`${button} bg-blue-700 text-white hover:bg-blue-800`}>Add account</Link> : null}
          </div>
        }
      />
      {empty ? <NoAccounts base={base} canEdit={canEdit} /> : (
        <>
          {canEdit ? <div className="mb-3"><OwnerToggle base={base} query={query} role={ctx.role} /></div> : null}
          <AccountFilters base={base} query={query} role={ctx.role} members={members.map((m) => ({ id: m.userId, name: m.name }))} />
          {rows.length > 0 ? <AccountTable base={base} rows={rows} query={query} role={ctx.role} /> : total > 0 ? (
            <p className="text-sm text-gray-700">This page is past the end of the list. <Link href={accountListHref(base, query, ctx.role)} className="text-blue-700 underline">Go to the first page</Link>.</p>
          ) : (
            <NoMatch clearHref={accountListHref(base, query, ctx.role, all)} onlyMine={query.owner === 'me'} allHref={accountListHref(base, query, ctx.role, { owner: 'all' })} />
          )}
          {total > 0 ? <Pagination page={query.page} pageSize={query.pageSize} total={total} params={accountListSearch(query, ctx.role, false)} /> : null}
        </>
      )}
    </>
  );
}
