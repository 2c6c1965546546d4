import { OUTCOME_LABELS, relativeDays } from '@/components/revenue/labels';
import { CreateRenewalForm, RecordOutcomeForm } from '@/components/revenue/renewal-forms';
import { createRenewalAction, recordRenewalOutcomeAction } from '@/lib/actions/renewals';
import { hasRole } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getOrgSettings } from '@/lib/dal/orgs';
import { listAccountRenewals } from '@/lib/dal/renewals';
import { daysUntil, formatDate } from '@/lib/format';
import { formatMoney } from '@/lib/money';

// Renewals come once a year: 25 is decades of history; the total says when there are more.
const PAGE_SIZE = 25;

type Props = { ctx: TenantCtx; accountId: string };

/** The pending renewal(s) with the outcome form, then the decided ones with their outcome in words. */
export async function RenewalsSection({ ctx, accountId }: Props) {
  const [list, { currency }] = await Promise.all([listAccountRenewals(ctx, accountId, { pageSize: PAGE_SIZE }), getOrgSettings(ctx)]);
  const canEdit = hasRole(ctx.role, 'csm');
  const money = (v: number) => formatMoney(v, currency);
  // the list is latest due first; the next renewal is the earliest pending one
  const pending = list.rows.filter((r) => r.outcome === 'pending').reverse();
  const decided = list.rows.filter((r) => r.outcome !== 'pending');
  const [next, ...later] = pending;
  return (
    <section id="renewals" aria-labelledby="renewals-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id="renewals-heading" className="mb-3 text-base font-semibold text-gray-900">Renewals</h2>
      {list.total === 0 ? <p className="mb-3 text-sm text-gray-700">No renewals yet.</p> : null}
      {next ? (
        <div className="mb-4 rounded-md border border-gray-200 p-3">
          <p className="text-xs text-gray-600">Next renewal (pending)</p>
          <p className="text-sm font-semibold text-gray-900" data-testid="next-renewal">
            Due {formatDate(next.dueDate)} ({relativeDays(daysUntil(next.dueDate))}) · ARR due {money(next.arrDue)}
          </p>
          {later.length ? (
            <p className="mt-1 text-xs text-gray-700">Also pending: {later.map((r) => `${formatDate(r.dueDate)} (${money(r.arrDue)})`).join(', ')}</p>
          ) : null}
          {canEdit ? (
            <div className="mt-3">
              <RecordOutcomeForm
                accountId={accountId} renewalId={next.id} currency={currency} arrDueText={money(next.arrDue)}
                action={recordRenewalOutcomeAction.bind(null, ctx.orgSlug)}
              />
            </div>
          ) : null}
        </div>
      ) : list.total > 0 ? <p className="mb-3 text-sm text-gray-700">No pending renewal.</p> : null}
      {canEdit && !next ? (
        <div className="mb-4"><CreateRenewalForm accountId={accountId} currency={currency} action={createRenewalAction.bind(null, ctx.orgSlug)} first={list.total === 0} /></div>
      ) : null}
      {decided.length ? (
        <>
          <h3 className="mb-1 text-sm font-semibold text-gray-900">Decided renewals</h3>
          <ul aria-label="Decided renewals" className="divide-y divide-gray-100 text-sm">
            {decided.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-x-3 py-2">
                <span>
                  <strong className={r.outcome === 'churned' ? 'text-red-800' : 'text-gray-900'}>{OUTCOME_LABELS[r.outcome]}</strong>
                  <span className="text-gray-700"> · due {formatDate(r.dueDate)}</span>
                </span>
                <span className="tabular-nums text-gray-800">
                  ARR {money(r.arrDue)} → {r.outcome === 'churned' ? 'nothing renewed' : money(r.renewedArr ?? 0)}
                </span>
              </li>
            ))}
          </ul>
          {list.total > list.rows.length ? <p className="mt-2 text-xs text-gray-600">Showing the latest {list.rows.length} of {list.total} renewals.</p> : null}
        </>
      ) : null}
    </section>
  );
}
