import { HealthTrendChart } from '@/components/charts/health-trend-chart';
import { SeriesTable } from '@/components/charts/series-table';
import { formatMonth } from '@/components/dashboard/format';
import { BAND_LABELS, HealthBadge } from '@/components/health/band';
import { ChangeSummary } from '@/components/health/change-summary';
import { FactorBars } from '@/components/health/factor-bars';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getAccountHealth, type TrendPoint } from '@/lib/dal/health-read';
import { formatDate } from '@/lib/format';
import { explainChange, factorLines } from '@/lib/health/explain';

const EMPTY = 'Not enough data: scores appear once the account has usage, survey or stakeholder data.';

/** The last stored score of each calendar month, for the screen-reader table (the chart has every day). */
function monthEnds(trend: TrendPoint[]) {
  const byMonth = new Map<string, TrendPoint>();
  for (const p of trend) byMonth.set(p.day.slice(0, 7), p);
  return [...byMonth.values()].map((p) => ({
    label: formatMonth(p.day),
    cells: [formatDate(p.day), p.score === null ? 'Not enough data' : `${p.score} (${BAND_LABELS[p.band ?? 'none']})`],
  }));
}

function TrendCaption({ trend }: { trend: TrendPoint[] }) {
  const scored = trend.filter((p) => p.score !== null) as (TrendPoint & { score: number })[];
  if (scored.length === 0) return <p className="text-sm text-gray-700">No day of the last 12 months had enough data for a score.</p>;
  const low = scored.reduce((a, b) => (b.score < a.score ? b : a));
  const high = scored.reduce((a, b) => (b.score > a.score ? b : a));
  return (
    <p className="mb-1 text-sm text-gray-700">
      From {scored[0].score} on {formatDate(scored[0].day)} to {scored[scored.length - 1].score} on {formatDate(scored[scored.length - 1].day)};
      lowest {low.score} ({formatDate(low.day)}), highest {high.score} ({formatDate(high.day)}).
    </p>
  );
}

/** The account's health: score and band, factors with points, what changed since yesterday and last week, 12-month trend. */
export async function HealthSection({ ctx, accountId }: { ctx: TenantCtx; accountId: string }) {
  const h = await getAccountHealth(ctx, accountId);
  const latest = h.latest;
  return (
    <section id="health" aria-labelledby="health-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id="health-heading" className="mb-3 text-base font-semibold text-gray-900">Health</h2>
      {!latest ? <p className="text-sm text-gray-700">No health score yet. {EMPTY}</p> : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <HealthBadge score={h.current.score} band={h.current.band} size="lg" />
            <p className="text-xs text-gray-600">
              {h.current.updatedAt ? <>Updated {formatDate(h.current.updatedAt)} · </> : null}
              {latest.configVersion === 0 ? 'Default health settings' : `Health settings version ${latest.configVersion}`}
            </p>
          </div>
          {h.current.score === null ? <p className="mt-2 text-sm text-gray-700">{EMPTY}</p> : null}
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <ChangeSummary change={explainChange(latest, h.dayBefore, h.happenings, { since: 'yesterday', timeZone: h.timezone })} />
            <ChangeSummary change={explainChange(latest, h.weekBefore, h.happenings, { since: 'last week', timeZone: h.timezone })} />
          </div>
          <h3 className="mb-2 mt-5 text-sm font-semibold text-gray-900">Factors on {formatDate(latest.day)}</h3>
          <FactorBars lines={factorLines(latest)} />
          <h3 className="mb-1 mt-5 text-sm font-semibold text-gray-900">Last 12 months</h3>
          <TrendCaption trend={h.trend} />
          <HealthTrendChart data={h.trend.map((p) => ({ day: formatDate(p.day), Score: p.score }))} />
          <SeriesTable caption="Health score at the last stored day of each month" columns={['Month', 'Day', 'Score']} rows={monthEnds(h.trend)} />
        </>
      )}
    </section>
  );
}
