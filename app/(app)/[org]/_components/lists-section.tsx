import Link from 'next/link';
import { formatDate, formatMoney } from '@/components/dashboard/format';
import { Card } from '@/components/ui/card';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getBiggestMoves, getUpcomingRenewals, type AccountMove, type KpiScope } from '@/lib/dal/kpis';
import type { Period } from '@/lib/kpi/period';

const th = 'px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-gray-600';
const td = 'px-2 py-1.5';

function AccountLink({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  return <Link href={`/${orgSlug}/accounts/${id}`} className="font-medium text-blue-800 hover:underline">{name}</Link>;
}

function Moves({ title, moves, orgSlug, currency, empty }: { title: string; moves: AccountMove[]; orgSlug: string; currency: string; empty: string }) {
  return (
    <Card title={title} className="min-w-0">
      {moves.length === 0 ? <p className="text-sm text-gray-700">{empty}</p> : (
        <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead><tr><th className={th} scope="col">Account</th><th className={`${th} text-right`} scope="col">MRR change</th><th className={`${th} text-right`} scope="col">MRR now</th></tr></thead>
          <tbody className="divide-y divide-gray-100">
            {moves.map((m) => (
              <tr key={m.accountId}>
                <td className={td}><AccountLink orgSlug={orgSlug} id={m.accountId} name={m.accountName} /></td>
                <td className={`${td} text-right tabular-nums`}>{formatMoney(m.delta, currency, { signed: true })}</td>
                <td className={`${td} text-right tabular-nums`}>{formatMoney(m.endMrr, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </Card>
  );
}

/** Upcoming renewals (next 90 days) and the period's biggest MRR expansions and contractions, linking to accounts. */
export async function ListsSection({ ctx, period, scope, today, currency: c }: {
  ctx: TenantCtx; period: Period; scope: KpiScope; today: string; currency: string;
}) {
  const [renewals, moves] = await Promise.all([
    getUpcomingRenewals(ctx, { today, scope, limit: 10 }),
    getBiggestMoves(ctx, period, { scope, limit: 5 }),
  ]);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card title="Upcoming renewals (next 90 days)" className="min-w-0 xl:col-span-2">
        {renewals.rows.length === 0 ? (
          <p className="text-sm text-gray-700">No renewals pending in the next 90 days. Set a renewal date on an account to track it here.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead><tr><th className={th} scope="col">Account</th><th className={th} scope="col">Due</th><th className={`${th} text-right`} scope="col">ARR due</th><th className={th} scope="col">Owner</th></tr></thead>
              <tbody className="divide-y divide-gray-100">
                {renewals.rows.map((r) => (
                  <tr key={`${r.accountId}-${r.dueDate}`}>
                    <td className={td}><AccountLink orgSlug={ctx.orgSlug} id={r.accountId} name={r.accountName} /></td>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(r.dueDate)}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatMoney(r.arrDue, c)}</td>
                    <td className={td}>{r.ownerName ?? <span className="text-gray-600">Unassigned</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-gray-600">
              Showing {renewals.rows.length} of {renewals.total}. <Link href={`/${ctx.orgSlug}/renewals`} className="text-blue-800 underline">All renewals</Link>
            </p>
          </div>
        )}
      </Card>
      <Moves title="Biggest expansions" moves={moves.expansions} orgSlug={ctx.orgSlug} currency={c} empty="No account’s MRR grew in this period." />
      <Moves title="Biggest contractions" moves={moves.contractions} orgSlug={ctx.orgSlug} currency={c} empty="No account’s MRR shrank in this period." />
    </div>
  );
}

/** Placeholder while the lists load. */
export function ListsSkeleton() {
  return <div className="h-64 animate-pulse rounded-lg bg-gray-100" aria-busy="true" aria-label="Loading lists" />;
}
