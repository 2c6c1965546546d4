import Link from 'next/link';
import type { BacktestFigures, BandCounts, HealthPreview } from '@/lib/health/preview-types';
import { BandText } from './band-text';

const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)} %`);
const ROWS: (keyof BandCounts)[] = ['red', 'yellow', 'green', 'none'];
const ROW_LABEL: Record<keyof BandCounts, string> = { red: 'Red', yellow: 'Yellow', green: 'Green', none: 'Not enough data' };

function caught(b: BacktestFigures) {
  return b.churned === 0 ? '— (no churn in 12 months)' : `${b.caught} of ${b.churned} (${pct((b.caught * 100) / b.churned)})`;
}

function falseAlarms(b: BacktestFigures) {
  return b.pairs === 0 ? '— (no paying account-months)' : `${b.falseAlarms} of ${b.pairs} (${pct(b.falseAlarmRate)})`;
}

const th = 'px-2 py-2 sm:px-3 text-left text-xs font-semibold uppercase tracking-wide text-gray-700';
const td = 'px-2 py-2 sm:px-3 text-sm text-gray-900';

/** The server's preview of a draft: band changes, distribution and backtest, current vs draft. */
export function PreviewPanel({ preview, orgSlug }: { preview: HealthPreview; orgSlug: string }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-5 rounded-lg border border-blue-200 bg-blue-50/40 p-4">
      <h3 id="preview-heading" className="text-base font-semibold text-gray-900">Preview of this draft</h3>
      <div>
        <h4 className="text-sm font-semibold text-gray-900">
          {preview.changedBands === 0 ? `No account changes band (of ${preview.accounts}).` : `${preview.changedBands} of ${preview.accounts} accounts change band`}
        </h4>
        {preview.topChanges.length > 0 ? (
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full divide-y divide-gray-200 bg-white">
              <caption className="sr-only">Accounts that change band, biggest score change first (at most 20)</caption>
              <thead><tr><th scope="col" className={th}>Account</th><th scope="col" className={th}>Now</th><th scope="col" className={th}>Draft</th></tr></thead>
              <tbody className="divide-y divide-gray-100">
                {preview.topChanges.map((c) => (
                  <tr key={c.accountId}>
                    <td className={td}><Link href={`/${orgSlug}/accounts/${c.accountId}`} className="text-blue-700 underline">{c.name}</Link></td>
                    <td className={td}><BandText score={c.from.score} band={c.from.band} /></td>
                    <td className={td}><BandText score={c.to.score} band={c.to.band} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.changedBands > preview.topChanges.length ? <p className="mt-1 text-xs text-gray-600">Showing the {preview.topChanges.length} biggest score changes.</p> : null}
          </div>
        ) : null}
      </div>
      <div className="grid gap-5 md:grid-cols-2">
        <table className="min-w-full divide-y divide-gray-200 bg-white">
          <caption className="mb-1 text-left text-sm font-semibold text-gray-900">Accounts by band</caption>
          <thead><tr><th scope="col" className={th}>Band</th><th scope="col" className={th}>Now</th><th scope="col" className={th}>Draft</th></tr></thead>
          <tbody className="divide-y divide-gray-100">
            {ROWS.map((r) => (
              <tr key={r}><th scope="row" className={`${td} text-left font-medium`}>{ROW_LABEL[r]}</th><td className={td}>{preview.distribution.current[r]}</td><td className={td}>{preview.distribution.draft[r]}</td></tr>
            ))}
          </tbody>
        </table>
        <table className="min-w-full divide-y divide-gray-200 bg-white">
          <caption className="mb-1 text-left text-sm font-semibold text-gray-900">Backtest, last 12 months</caption>
          <thead><tr><th scope="col" className={th}>Measure</th><th scope="col" className={th}>Now</th><th scope="col" className={th}>Draft</th></tr></thead>
          <tbody className="divide-y divide-gray-100">
            <tr><th scope="row" className={`${td} text-left font-medium`}>Caught (red 90 days before churn)</th><td className={td}>{caught(preview.backtest.current)}</td><td className={td}>{caught(preview.backtest.draft)}</td></tr>
            <tr><th scope="row" className={`${td} text-left font-medium`}>False alarms (red month-ends, not churned)</th><td className={td}>{falseAlarms(preview.backtest.current)}</td><td className={td}>{falseAlarms(preview.backtest.draft)}</td></tr>
          </tbody>
        </table>
      </div>
      <div>
        <h4 className="text-sm font-semibold text-gray-900">What the backtest could not date</h4>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-gray-700">
          {preview.undatable.map((n) => <li key={n}>{n}</li>)}
        </ul>
      </div>
    </section>
  );
}
