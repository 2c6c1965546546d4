import Link from 'next/link';
import type { MrrHistoryRow } from '@/lib/dal/revenue';
import { formatDate } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { actorLabel, MOVEMENT_LABELS, MOVEMENT_TONES } from './labels';

type Props = { rows: MrrHistoryRow[]; page: number; pages: number; total: number; pageHref: (page: number) => string };

/** One page of an account's revenue changes, newest first: movement in words, MRR before → after. */
export function MrrHistory({ rows, page, pages, total, pageHref }: Props) {
  return (
    <>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">MRR history, newest first</caption>
          <thead className="border-b border-gray-200 text-xs text-gray-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Effective</th>
              <th scope="col" className="py-2 pr-3 font-medium">Movement</th>
              <th scope="col" className="py-2 pr-3 font-medium">MRR</th>
              <th scope="col" className="hidden py-2 font-medium sm:table-cell">Recorded by</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap py-2 pr-3 align-top">{formatDate(r.effectiveDate)}</td>
                <td className="py-2 pr-3 align-top">
                  {r.movement ? (
                    <span className={`inline-block rounded border px-1.5 text-xs font-medium ${MOVEMENT_TONES[r.movement]}`}>{MOVEMENT_LABELS[r.movement]}</span>
                  ) : <span className="text-xs text-gray-600">No change</span>}
                  {r.churnReason ? <span className="block text-xs text-gray-700">{r.churnReason}</span> : null}
                </td>
                <td className="py-2 pr-3 align-top tabular-nums">
                  <span className="whitespace-nowrap">{formatMoney(r.previousMrr, r.currency)} →</span> <strong className="whitespace-nowrap font-semibold">{formatMoney(r.mrr, r.currency)}</strong>
                </td>
                <td className="hidden py-2 align-top text-gray-700 sm:table-cell">{actorLabel(r.actorType, r.actorName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="MRR history pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-gray-700">
          <p>Page {page} of {pages} · {total.toLocaleString('en-US')} changes</p>
          <div className="flex gap-2">
            {page > 1 ? <Link href={pageHref(page - 1)} className="rounded-md border border-gray-300 bg-white px-3 py-1">Newer</Link> : null}
            {page < pages ? <Link href={pageHref(page + 1)} className="rounded-md border border-gray-300 bg-white px-3 py-1">Older</Link> : null}
          </div>
        </nav>
      ) : null}
    </>
  );
}
