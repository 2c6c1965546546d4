import Link from 'next/link';
import { Fragment } from 'react';
import { OUTCOME_LABELS, relativeDays } from '@/components/revenue/labels';
import { RecordOutcomeForm } from '@/components/revenue/renewal-forms';
import type { FormAction } from '@/components/revenue/inline-form';
import type { RenewalListRow } from '@/lib/dal/renewal-list';
import { formatDate } from '@/lib/format';
import { formatMoney } from '@/lib/money';

type Props = { orgSlug: string; rows: RenewalListRow[]; currency: string; action: FormAction | null };

const monthFmt = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (ym: string) => monthFmt.format(new Date(`${ym}-01T00:00:00Z`));

function When({ r }: { r: RenewalListRow }) {
  if (r.outcome === 'pending' && r.daysUntilDue < 0) {
    return <strong className="text-red-800">Overdue by {-r.daysUntilDue === 1 ? '1 day' : `${-r.daysUntilDue} days`}</strong>;
  }
  return <span className="text-gray-700">{r.daysUntilDue === 0 ? 'Due today' : relativeDays(r.daysUntilDue)}</span>;
}

function Outcome({ r, money }: { r: RenewalListRow; money: (v: number) => string }) {
  if (r.outcome === 'pending') return <span className="text-gray-900">Pending</span>;
  const tone = r.outcome === 'churned' ? 'text-red-800' : 'text-emerald-800';
  return (
    <span>
      <strong className={tone}>{OUTCOME_LABELS[r.outcome]}</strong>
      <span className="block text-xs text-gray-700">{r.outcome === 'churned' ? 'nothing renewed' : `renewed at ${money(r.renewedArr ?? r.arrDue)}`}</span>
    </span>
  );
}

/** Renewals grouped by due month; each month's heading has its count and ARR due over the whole filtered list. */
export function RenewalTable({ orgSlug, rows, currency, action }: Props) {
  const money = (v: number) => formatMoney(v, currency);
  const cols = action ? 7 : 6;
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Renewals by due month, earliest first</caption>
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2">Account</th>
            <th scope="col" className="px-3 py-2">Owner</th>
            <th scope="col" className="px-3 py-2">Due date</th>
            <th scope="col" className="px-3 py-2">When</th>
            <th scope="col" className="px-3 py-2 text-right">ARR due</th>
            <th scope="col" className="px-3 py-2">Outcome</th>
            {action ? <th scope="col" className="px-3 py-2">Action</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((r, i) => (
            <Fragment key={r.id}>
              {i === 0 || rows[i - 1].month !== r.month ? (
                <tr className="bg-blue-50/60" data-testid="month-row">
                  <th scope="colgroup" colSpan={cols} className="px-3 py-2 font-semibold text-gray-900">
                    {/* sticky and narrow on phones: the table scrolls sideways, the month total stays in view */}
                    <span className="sticky left-3 block max-w-[18rem] sm:max-w-none">
                      {monthName(r.month)} · {r.monthCount === 1 ? '1 renewal' : `${r.monthCount} renewals`} · ARR due {money(r.monthArrDue)}
                    </span>
                  </th>
                </tr>
              ) : null}
              <tr data-renewal-id={r.id} className="align-top">
                <td className="px-3 py-2"><Link href={`/${orgSlug}/accounts/${r.accountId}`} className="font-medium text-blue-700 underline">{r.accountName}</Link></td>
                <td className="px-3 py-2 text-gray-800">{r.ownerName ?? 'Unassigned'}</td>
                <td className="whitespace-nowrap px-3 py-2 text-gray-800">{formatDate(r.dueDate)}</td>
                <td className="whitespace-nowrap px-3 py-2"><When r={r} /></td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-gray-900">{money(r.arrDue)}</td>
                <td className="px-3 py-2" data-testid="outcome"><Outcome r={r} money={money} /></td>
                {action ? (
                  <td className="min-w-[20rem] px-3 py-2">
                    {r.outcome === 'pending' ? (
                      <RecordOutcomeForm accountId={r.accountId} renewalId={r.id} currency={currency} arrDueText={money(r.arrDue)} action={action} />
                    ) : <span className="text-xs text-gray-600">Decided</span>}
                  </td>
                ) : null}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
