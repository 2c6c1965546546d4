import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireTenant } from '@/lib/auth/tenant';
import { listAccounts } from '@/lib/dal/accounts';
import { formatDate, labelOf } from '@/lib/format';
import { listParamsSchema } from '@/lib/validation/list-params';

export const metadata: Metadata = { title: 'Accounts' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function AccountsPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const query = listParamsSchema.parse(await searchParams);
  const { rows, total } = await listAccounts(ctx, query);
  return (
    <>
      <PageHeader title="Accounts" description="Every customer account of your org." />
      <form role="search" className="mb-4 flex gap-2">
        <label htmlFor="q" className="sr-only">Search by name or domain</label>
        <input id="q" name="q" defaultValue={query.q} placeholder="Search by name or domain" className="w-72 rounded-md border border-gray-300 px-3 py-2 text-sm" />
        <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm">Search</button>
      </form>
      {rows.length === 0 ? (
        <Card><p className="text-sm text-gray-700">{query.q ? `No account matches “${query.q}”.` : 'No accounts yet.'}</p></Card>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-gray-50 text-gray-700">
              <tr>{['Account', 'Owner', 'Segment', 'Stage', 'Seats', 'Renewal'].map((h) => <th key={h} scope="col" className="px-4 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2">
                    <Link href={`/${ctx.orgSlug}/accounts/${a.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">{a.name}</Link>
                    <span className="block text-xs text-gray-600">{a.domain ?? ''}</span>
                  </td>
                  <td className="px-4 py-2">{a.ownerName ?? 'Unassigned'}</td>
                  <td className="px-4 py-2">{labelOf(a.segment)}</td>
                  <td className="px-4 py-2">{labelOf(a.stage)}</td>
                  <td className="px-4 py-2 tabular-nums">{a.licensedSeats ?? '—'}</td>
                  <td className="px-4 py-2">{formatDate(a.nextRenewalDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={{ q: query.q, pageSize: String(query.pageSize) }} />
    </>
  );
}
