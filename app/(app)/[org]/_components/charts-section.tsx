import { ArrTrendChart } from '@/components/charts/arr-trend-chart';
import { ChartLegend } from '@/components/charts/chart-legend';
import { MrrMovementsChart } from '@/components/charts/mrr-movements-chart';
import { RetentionTrendChart } from '@/components/charts/retention-trend-chart';
import { MOVEMENT_SERIES, RETENTION_SERIES } from '@/components/charts/series';
import { SeriesTable } from '@/components/charts/series-table';
import { Card } from '@/components/ui/card';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getRevenueSeries, type KpiScope } from '@/lib/dal/kpis';
import type { Period } from '@/lib/kpi/period';
import { retentionCharts, revenueCharts } from './chart-data';

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-md bg-gray-50 p-4 text-sm text-gray-700">{children}</p>;
}

const HOW_TO = 'Record revenue changes on an account’s page, or import them from a CSV, and they appear here.';

/** MRR movements, ARR, and NRR/GRR by month for the period and scope, each with a caption and a hidden table. */
export async function ChartsSection({ ctx, period, scope }: { ctx: TenantCtx; period: Period; scope: KpiScope }) {
  const series = await getRevenueSeries(ctx, period, scope);
  const r = revenueCharts(series);
  const retention = retentionCharts(series);
  const categories = MOVEMENT_SERIES.map((m) => m.category);
  return (
    <div className="mb-6 grid gap-4 xl:grid-cols-2">
      <Card title="MRR movements by month" className="min-w-0">
        {r.hasMovements ? (
          <>
            <p className="mb-2 text-sm text-gray-700">Gained {r.totals.gained} MRR and lost {r.totals.lost} MRR in the period.</p>
            <MrrMovementsChart data={r.movements} currency={r.currency} />
            <ChartLegend items={MOVEMENT_SERIES.map((m) => ({ label: m.category, color: m.color, note: m.note }))} />
            <SeriesTable caption="MRR movements by month" columns={['Month', ...categories]} rows={r.movementCells} />
          </>
        ) : (
          <Empty>No revenue recorded in this period. {HOW_TO}</Empty>
        )}
      </Card>
      <Card title="ARR trend" className="min-w-0">
        {r.hasRevenue ? (
          <>
            <p className="mb-2 text-sm text-gray-700">ARR went from {r.totals.firstArr} to {r.totals.lastArr} over the period (month ends).</p>
            <ArrTrendChart data={r.trend} currency={r.currency} />
            <ChartLegend items={[{ label: 'ARR at month end', color: 'blue' }]} />
            <SeriesTable caption="ARR at the end of each month" columns={['Month', 'ARR']} rows={r.trendCells} />
          </>
        ) : (
          <Empty>No revenue recorded yet for these accounts. {HOW_TO}</Empty>
        )}
      </Card>
      <Card title="NRR and GRR by month" className="min-w-0 xl:col-span-2">
        {retention.summary ? (
          <>
            <p className="mb-2 text-sm text-gray-700">
              {retention.summary.month}: NRR {retention.summary.nrr}, GRR {retention.summary.grr}. Monthly NRR ranged
              from {retention.summary.minNrr} to {retention.summary.maxNrr} over the period. Each month compares the
              accounts paying at its start with their MRR at its end.
            </p>
            <RetentionTrendChart data={retention.rows} />
            <ChartLegend items={RETENTION_SERIES.map((s) => ({ label: s.category, color: s.color, note: s.note }))} />
            <SeriesTable caption="NRR and GRR of each month" columns={['Month', 'NRR', 'GRR', 'Accounts in the start cohort']} rows={retention.cells} />
          </>
        ) : (
          <Empty>No month of the period started with a paying account, so there is no retention to show. {HOW_TO}</Empty>
        )}
      </Card>
    </div>
  );
}

/** Placeholder while the charts load. */
export function ChartsSkeleton() {
  return (
    <div className="mb-6 grid gap-4 xl:grid-cols-2" aria-busy="true" aria-label="Loading charts">
      <div className="h-80 animate-pulse rounded-lg bg-gray-100" />
      <div className="h-80 animate-pulse rounded-lg bg-gray-100" />
      <div className="h-80 animate-pulse rounded-lg bg-gray-100 xl:col-span-2" />
    </div>
  );
}
