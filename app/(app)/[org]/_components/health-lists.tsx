import Link from 'next/link';
import { formatMoney } from '@/components/dashboard/format';
import { BAND_LABELS, BAND_MEANINGS, BandIcon, HealthBadge } from '@/components/health/band';
import { Card } from '@/components/ui/card';
import type { AtRiskAccount, RenewalsByBand } from '@/lib/dal/kpis/health';

const th = 'px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-gray-600';
const td = 'px-2 py-1.5';

/** Paying red accounts, lowest score first, with their fall over 30 days; the full list is the accounts list with band=red. */
export function AtRiskTable({ orgSlug, atRisk, listHref }: { orgSlug: string; atRisk: { rows: AtRiskAccount[]; total: number }; listHref: string }) {
  return (
    <Card title="Accounts at risk" className="min-w-0">
      {atRisk.rows.length === 0 ? (
        <p className="text-sm text-gray-700">No paying account is in the red band. Accounts appear here when their health score falls below the red threshold.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Paying accounts in the red band, lowest health first</caption>
            <thead><tr>
              <th className={th} scope="col">Account</th><th className={th} scope="col">Health</th>
              <th className={`${th} text-right`} scope="col">Drop in 30 days</th><th className={`${th} hidden sm:table-cell`} scope="col">Owner</th>
            </tr></thead>
            <tbody className="divide-y divide-gray-100">
              {atRisk.rows.map((r) => (
                <tr key={r.accountId}>
                  <td className={td}><Link href={`/${orgSlug}/accounts/${r.accountId}`} className="font-medium text-blue-800 hover:underline">{r.accountName}</Link></td>
                  <td className={td}><HealthBadge score={r.score} band="red" /></td>
                  <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
                    {r.drop30 === null ? <span className="text-gray-600">No history</span> : r.drop30 === 0 ? 'No drop' : `\u2212${r.drop30} (from ${r.peak30})`}
                  </td>
                  <td className={`${td} hidden sm:table-cell`}>{r.ownerName ?? <span className="text-gray-600">Unassigned</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-gray-600">
            Showing {atRisk.rows.length} of {atRisk.total}. <Link href={listHref} className="text-blue-800 underline">All red accounts</Link>
          </p>
        </div>
      )}
    </Card>
  );
}

/** Pending renewals in the next 90 days per current band: count and ARR due. */
export function RenewalsByBandTable({ data, currency }: { data: RenewalsByBand; currency: string }) {
  return (
    <Card title="Renewals due in the next 90 days by health" className="min-w-0">
      {data.total.count === 0 ? (
        <p className="text-sm text-gray-700">No renewals pending in the next 90 days. Set a renewal date on an account to see its health here.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead><tr>
              <th className={th} scope="col">Band</th><th className={`${th} text-right`} scope="col">Renewals</th><th className={`${th} text-right`} scope="col">ARR due</th>
            </tr></thead>
            <tbody className="divide-y divide-gray-100">
              {data.rows.map((r) => (
                <tr key={r.band}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <span className="inline-flex items-center gap-1.5 whitespace-nowrap"><BandIcon band={r.band === 'none' ? null : r.band} />{BAND_LABELS[r.band]}</span>{' '}
                    <span className="block text-xs text-gray-600 sm:inline sm:text-sm">({BAND_MEANINGS[r.band]})</span>
                  </th>
                  <td className={`${td} text-right tabular-nums`}>{r.count}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatMoney(r.arrDue, currency)}</td>
                </tr>
              ))}
              <tr className="font-medium">
                <th scope="row" className={`${td} text-left`}>Total</th>
                <td className={`${td} text-right tabular-nums`}>{data.total.count}</td>
                <td className={`${td} text-right tabular-nums`}>{formatMoney(data.total.arrDue, currency)}</td>
              </tr>
            </tbody>
          </table>
          <p className="mt-2 text-xs text-gray-600">{data.definition}</p>
        </div>
      )}
    </Card>
  );
}
