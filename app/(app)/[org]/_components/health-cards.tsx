import { HealthBandsChart, type BandCountRow } from '@/components/charts/health-bands-chart';
import { SeriesTable } from '@/components/charts/series-table';
import { BAND_LABELS, BAND_MEANINGS, BandIcon } from '@/components/health/band';
import type { Kpi } from '@/lib/dal/kpis';
import { BAND_KEYS, type HealthKpis } from '@/lib/dal/kpis/health';

const SWATCH = { red: 'bg-rose-500', yellow: 'bg-amber-500', green: 'bg-emerald-500', none: 'bg-gray-500' } as const;
const one = (x: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

/** "up 2.5 vs the period start (good)", or why there is no comparison; `upIsGood` false for accounts at risk. */
function ChangeLine({ now, then, upIsGood, digits }: { now: Kpi; then: Kpi; upIsGood: boolean; digits: 0 | 1 }) {
  if (now.value === null || then.value === null) {
    return <p className="mt-1 text-xs text-gray-600">No comparison: {(then.reason ?? 'No value at the period start.').replace(/^./, (c) => c.toLowerCase())}</p>;
  }
  const diff = now.value - then.value;
  const size = digits === 1 ? one(Math.abs(diff)) : String(Math.abs(diff));
  if (Number(size) === 0) return <p className="mt-1 text-xs text-gray-600">Unchanged since the period start</p>;
  const good = (diff > 0) === upIsGood;
  return (
    <p className={`mt-1 text-sm font-medium ${good ? 'text-green-800' : 'text-red-700'}`}>
      <span aria-hidden="true">{diff > 0 ? '▲' : '▼'} </span>{diff > 0 ? 'up' : 'down'} {size}
      <span className="font-normal text-gray-600"> vs the period start ({good ? 'good' : 'bad'})</span>
    </p>
  );
}

function Card({ kpi, then, value, nText, upIsGood, digits }: {
  kpi: Kpi; then: Kpi; value: string; nText: string; upIsGood: boolean; digits: 0 | 1;
}) {
  return (
    <article className="flex flex-col rounded-lg border border-gray-200 bg-white p-4 shadow-sm" aria-label={kpi.label}>
      <h3 className="text-sm font-medium text-gray-700">{kpi.label}</h3>
      {kpi.value === null ? (
        <>
          <p className="mt-1 text-2xl font-semibold text-gray-900" aria-label="No value">—</p>
          <p className="mt-1 text-xs text-gray-700">{kpi.reason}</p>
        </>
      ) : (
        <>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-gray-900" data-testid="kpi-value">{value}</p>
          <ChangeLine now={kpi} then={then} upIsGood={upIsGood} digits={digits} />
        </>
      )}
      <p className="mt-2 text-xs text-gray-600">{nText}</p>
      <details className="mt-1 text-xs text-gray-700">
        <summary className="cursor-pointer text-blue-800 underline-offset-2 hover:underline">How is this computed?</summary>
        <p className="mt-1">{kpi.definition}</p>
      </details>
    </article>
  );
}

/** The two health cards and the distribution by band (chart with caption, legend words and a hidden table). */
export function HealthCards({ k }: { k: HealthKpis }) {
  const dist = k.distribution;
  const rows: BandCountRow[] = BAND_KEYS.map((b) => ({ band: BAND_LABELS[b], [BAND_LABELS[b]]: dist.counts[b] }));
  const caption = BAND_KEYS.map((b) => `${dist.counts[b]} ${BAND_LABELS[b].toLowerCase()}`).join(', ');
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Card kpi={k.average} then={k.averageAtStart} value={k.average.value === null ? '—' : one(k.average.value)}
        nText={`n = ${k.average.n.toLocaleString('en-US')} scored paying accounts`} upIsGood digits={1} />
      <Card kpi={k.atRisk} then={k.atRiskAtStart} value={`${k.atRisk.value ?? 0}`}
        nText={`of ${k.atRisk.n.toLocaleString('en-US')} paying accounts`} upIsGood={false} digits={0} />
      <article aria-label={dist.label} className="min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:col-span-2">
        <h3 className="text-sm font-medium text-gray-700">{dist.label}</h3>
        {dist.n === 0 ? <p className="mt-2 text-sm text-gray-700">No paying accounts, so there is nothing to show by band.</p> : (
          <>
            <p className="mt-1 text-sm text-gray-700">Of {dist.n.toLocaleString('en-US')} paying accounts: {caption}.</p>
            <HealthBandsChart data={rows} />
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700">
              {BAND_KEYS.map((b) => (
                <li key={b} className="flex items-center gap-1">
                  <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${SWATCH[b]}`} />
                  <BandIcon band={b === 'none' ? null : b} />{BAND_LABELS[b]}: {BAND_MEANINGS[b]}
                </li>
              ))}
            </ul>
            <SeriesTable caption="Paying accounts by health band" columns={['Band', 'Accounts']} rows={BAND_KEYS.map((b) => ({ label: BAND_LABELS[b], cells: [String(dist.counts[b])] }))} />
            <p className="mt-1 text-xs text-gray-600">{dist.definition}</p>
          </>
        )}
      </article>
    </div>
  );
}
