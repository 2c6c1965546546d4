import Link from 'next/link';
import { ChartLegend } from '@/components/charts/chart-legend';
import { NpsTrendChart } from '@/components/charts/nps-trend-chart';
import { SeriesTable } from '@/components/charts/series-table';
import { compareKpi } from '@/components/dashboard/compare';
import { formatMonth } from '@/components/dashboard/format';
import { KpiCard, KpiGroup } from '@/components/dashboard/kpi-card';
import { Card } from '@/components/ui/card';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import type { KpiScope } from '@/lib/dal/kpis';
import { getNpsSeries, getSurveyScores } from '@/lib/dal/kpis/surveys';
import { previousPeriod, type Period } from '@/lib/kpi/period';

const KINDS = ['nps', 'csat', 'ces'] as const;
const TREND_MONTHS = 12;

/** NPS, CSAT and CES of the period and scope (vs the previous period), and the org's NPS by month over the last 12 months. */
export async function VoiceSection({ ctx, period, scope, currency }: { ctx: TenantCtx; period: Period; scope: KpiScope; currency: string }) {
  const previous = previousPeriod(period);
  const [now, before, trend] = await Promise.all([
    getSurveyScores(ctx, { start: period.start, end: period.end, scope }),
    getSurveyScores(ctx, { start: previous.start, end: previous.end, scope }),
    getNpsSeries(ctx, TREND_MONTHS),
  ]);
  const answered = trend.points.filter((p) => p.value !== null);
  const last = answered.at(-1);
  return (
    <>
      <KpiGroup title="Customer voice">
        {KINDS.map((k) => (
          <KpiCard key={k} kpi={now[k]} currency={currency} change={compareKpi(now[k], before[k], currency, true)} previousLabel="previous period" />
        ))}
      </KpiGroup>
      <Card title="NPS by month, last 12 months" className="mb-6 min-w-0">
        {last ? (
          <>
            <p className="mb-2 text-sm text-gray-700">
              NPS {Math.round(last.value!)} in {formatMonth(last.start)} from {last.n} answers; {answered.length} of the last {TREND_MONTHS} months had NPS answers (whole org, anonymous answers included).
            </p>
            <NpsTrendChart data={trend.points.map((p) => ({ month: formatMonth(p.start), NPS: p.value === null ? null : Math.round(p.value) }))} />
            <ChartLegend items={[{ label: 'NPS (−100 to 100)', color: 'cyan' }]} />
            <SeriesTable
              caption="NPS of each month"
              columns={['Month', 'NPS', 'Answers']}
              rows={trend.points.map((p) => ({ label: formatMonth(p.start), cells: [p.value === null ? `— (${p.reason})` : String(Math.round(p.value)), String(p.n)] }))}
            />
          </>
        ) : (
          <p className="rounded-md bg-gray-50 p-4 text-sm text-gray-700">
            No NPS answers in the last 12 months. <Link href={`/${ctx.orgSlug}/surveys/new`} className="text-blue-800 underline">Create an NPS survey</Link> and send it to your customers&apos; stakeholders.
          </p>
        )}
      </Card>
    </>
  );
}

/** Placeholder while the survey scores load. */
export function VoiceSkeleton() {
  return <div className="mb-6 h-40 animate-pulse rounded-lg bg-gray-100" aria-busy="true" aria-label="Loading survey scores" />;
}
