import { HealthBandsChart, type BandCountRow } from '@/components/charts/health-bands-chart';
import { SeriesTable } from '@/components/charts/series-table';
import { BAND_LABELS, BAND_MEANINGS, BandIcon } from '@/components/health/band';
import { compareKpi } from '@/components/dashboard/compare';
import { KpiCard } from '@/components/dashboard/kpi-card';
import { BAND_KEYS, type HealthKpis } from '@/lib/dal/kpis/health';

const SWATCH = { red: 'bg-rose-500', yellow: 'bg-amber-500', green: 'bg-emerald-500', none: 'bg-gray-500' } as const;
// the cards compare now with the period start (scores are today's; only history is dated), not with the previous period
const START = 'the period start';
const NO_MONEY = 'USD'; // the health cards format no money; KpiCard needs a currency for those that do

/** The two health cards and the distribution by band (chart with caption, legend words and a hidden table). */
export function HealthCards({ k }: { k: HealthKpis }) {
  const dist = k.distribution;
  const rows: BandCountRow[] = BAND_KEYS.map((b) => ({ band: BAND_LABELS[b], [BAND_LABELS[b]]: dist.counts[b] }));
  const caption = BAND_KEYS.map((b) => `${dist.counts[b]} ${BAND_LABELS[b].toLowerCase()}`).join(', ');
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <KpiCard kpi={k.average} currency={NO_MONEY} previousLabel={START} change={compareKpi(k.average, k.averageAtStart, NO_MONEY, true, START)}
        nText={`n = ${k.average.n.toLocaleString('en-US')} scored paying accounts`} />
      <KpiCard kpi={k.atRisk} currency={NO_MONEY} previousLabel={START} change={compareKpi(k.atRisk, k.atRiskAtStart, NO_MONEY, false, START)}
        nText={`of ${k.atRisk.n.toLocaleString('en-US')} paying accounts`} />
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
