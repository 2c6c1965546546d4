import { MarkChurnedForm, ReactivateForm, RecordMrrForm } from '@/components/revenue/revenue-forms';
import { MrrHistory } from '@/components/revenue/mrr-history';
import { markChurnedAction, reactivateAction, recordRevenueChangeAction } from '@/lib/actions/revenue';
import { hasRole } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getOrgSettings } from '@/lib/dal/orgs';
import { getAccountMrrHistory, getCurrentMrr, type CurrentMrr } from '@/lib/dal/revenue';
import { formatDate } from '@/lib/format';
import { formatMoney, toMajorInput } from '@/lib/money';
import { mrrHistoryParamsSchema } from '@/lib/validation/revenue';

const PAGE_SIZE = 10;

type Props = { ctx: TenantCtx; accountId: string; today: string | null; query: Record<string, string | string[]> };

/** "Paying" / "Churned since Mar 1, 2025: Budget cuts" / "No MRR in effect yet", in words. */
function statusText(current: CurrentMrr | undefined) {
  if (!current) return 'No MRR in effect yet';
  if (current.status === 'paying') return 'Paying';
  return `Churned since ${formatDate(current.since)}${current.churnReason ? `: ${current.churnReason}` : ''}`;
}

/** The account's MRR, ARR and paying status (derived from its revenue changes), the history and the CSM's forms. */
export async function RevenueSection({ ctx, accountId, today, query }: Props) {
  const { page } = mrrHistoryParamsSchema.parse({ page: query.mrrPage });
  const [currentById, history, { currency }] = await Promise.all([
    getCurrentMrr(ctx, [accountId]),
    getAccountMrrHistory(ctx, accountId, { page, pageSize: PAGE_SIZE }),
    getOrgSettings(ctx),
  ]);
  const current = currentById[accountId];
  const forms = hasRole(ctx.role, 'csm') && today ? { today, currency, accountId } : null;
  const slug = ctx.orgSlug;
  const pageHref = (p: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string')) as Record<string, string>, mrrPage: String(p) })}#revenue`;
  const lastChurn = history.rows.find((r) => r.movement === 'churn');
  const facts = current
    ? [['Current MRR', formatMoney(current.mrr, current.currency)], ['ARR', formatMoney(current.mrr * 12, current.currency)], ['Status', statusText(current)]]
    : [];
  return (
    <section id="revenue" aria-labelledby="revenue-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id="revenue-heading" className="mb-3 text-base font-semibold text-gray-900">Revenue</h2>
      {history.total === 0 ? (
        <p className="mb-3 text-sm text-gray-700">No revenue recorded yet.{forms ? ' Record the MRR the account pays to start its history.' : ''}</p>
      ) : (
        <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {(facts.length ? facts : [['Status', statusText(current)]]).map(([k, v]) => (
            <div key={k} className={`rounded-md border border-gray-200 p-3 ${k === 'Status' ? 'col-span-2 sm:col-span-1' : ''}`}>
              <dt className="text-xs text-gray-600">{k}</dt>
              <dd className={`text-sm font-semibold ${k === 'Status' && current?.status === 'churned' ? 'text-red-800' : 'text-gray-900'}`}>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {forms ? (
        <div className={`flex flex-wrap items-start gap-3 ${history.total > 0 ? 'mb-4' : ''}`}>
          {current?.status !== 'churned' ? <RecordMrrForm {...forms} action={recordRevenueChangeAction.bind(null, slug)} first={history.total === 0} /> : null}
          {current?.status === 'paying' ? <MarkChurnedForm {...forms} action={markChurnedAction.bind(null, slug)} /> : null}
          {current?.status === 'churned' ? (
            <ReactivateForm {...forms} action={reactivateAction.bind(null, slug)} lastMrr={lastChurn ? toMajorInput(lastChurn.previousMrr, currency) : undefined} />
          ) : null}
        </div>
      ) : null}
      {history.total > 0 ? (
        <>
          <h3 className="mb-1 text-sm font-semibold text-gray-900">MRR history</h3>
          <MrrHistory rows={history.rows} page={history.page} pages={Math.ceil(history.total / PAGE_SIZE)} total={history.total} pageHref={pageHref} />
        </>
      ) : null}
    </section>
  );
}
