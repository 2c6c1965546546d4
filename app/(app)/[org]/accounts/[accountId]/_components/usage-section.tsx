import { AccountSessionsChart, AccountUsersChart } from '@/components/charts/account-usage-chart';
import { ChartLegend } from '@/components/charts/chart-legend';
import { ACCOUNT_USAGE_SERIES, type AccountUsageRow } from '@/components/charts/series';
import { SeriesTable } from '@/components/charts/series-table';
import { formatDate, formatMonth, formatValue } from '@/components/dashboard/format';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getAccountActiveDays, getAccountFeatureUse, getAccountUsageTrend, getUsageKpis, type AccountUsageTrend } from '@/lib/dal/kpis';
import { FeatureAdoption } from './feature-adoption';

const int = (n: number) => n.toLocaleString('en-US');
const pct = (n: number) => formatValue(n, 'percent', 'USD');

/** A fact tile: the value, or "—" with the reason (as a tooltip and as text below it). */
function Fact({ label, value, reason, note }: { label: string; value: string | null; reason?: string | null; note?: string }) {
  return (
    <div className="rounded-md border border-gray-200 p-3">
      <dt className="text-xs text-gray-600">{label}</dt>
      {value === null ? (
        <dd className="text-sm font-semibold text-gray-900" title={reason ?? undefined}>
          <span aria-hidden="true">—</span><span className="sr-only">No value</span>
        </dd>
      ) : (
        <dd className="text-sm font-semibold tabular-nums text-gray-900">{value}</dd>
      )}
      {value === null && reason ? <dd className="mt-0.5 text-xs text-gray-600">{reason}</dd> : note ? <dd className="mt-0.5 text-xs text-gray-600">{note}</dd> : null}
    </div>
  );
}

function trendRows(t: AccountUsageTrend) {
  const rows: AccountUsageRow[] = t.months.map((m) => ({
    month: formatMonth(m.month), 'Active users': m.activeUsers, 'Licensed seats': m.seats, Sessions: m.sessions,
  }));
  const cells = t.months.map((m) => ({
    label: formatMonth(m.month),
    cells: [
      m.activeUsers === null ? '—' : int(m.activeUsers),
      m.seats === null ? '— (no seat count)' : `${int(m.seats)}${m.seatsFrom === 'current' ? ' (current)' : ''}`,
      m.utilization === null ? '—' : pct(m.utilization),
      m.sessions === null ? '—' : int(m.sessions),
    ],
  }));
  return { rows, cells };
}

/** The account's usage: utilization, MAU and active days now, 12 months of users vs seats and sessions, feature use. */
export async function UsageSection({ ctx, accountId }: { ctx: TenantCtx; accountId: string }) {
  const scope = { kind: 'account' as const, accountId };
  const [usage, active, trend, features] = await Promise.all([
    getUsageKpis(ctx, scope),
    getAccountActiveDays(ctx, accountId),
    getAccountUsageTrend(ctx, accountId),
    getAccountFeatureUse(ctx, accountId),
  ]);
  const { rows, cells } = trendRows(trend);
  const first = trend.months[0];
  const last = trend.months.at(-1);
  const onlyCurrentSeats = trend.months.every((m) => m.seatsFrom === 'current');
  return (
    <section id="usage" aria-labelledby="usage-heading" className="min-w-0 rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id="usage-heading" className="mb-3 text-base font-semibold text-gray-900">Usage</h2>
      {!trend.hasUsage ? (
        <p className="text-sm text-gray-700">
          No usage data has been received for this organization yet. Once the product sends usage events through the
          API, active users, sessions and feature use show here.
        </p>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact label="License utilization" value={usage.utilization.value === null ? null : pct(usage.utilization.value)}
              reason={usage.utilization.value === null ? 'The account has no licensed seat count.' : null}
              note={usage.utilization.detail ? `${int(usage.utilization.detail.activeUsers ?? 0)} of ${int(usage.utilization.detail.seats ?? 0)} seats, 30 days` : undefined} />
            <Fact label="Monthly active users" value={usage.mau.value === null ? null : int(usage.mau.value)} reason={usage.mau.reason} note="Distinct users, 30 days" />
            <Fact label="Active days" value={active.days === null ? null : `${active.days} of 28`} reason="No usage data yet." note="Days with any active user" />
            <Fact label="Feature adoption" value={features.adoption === null ? null : pct(features.adoption)} reason={features.reason}
              note={`${features.trackedUsed} of ${features.trackedCount} tracked features, 30 days`} />
          </dl>
          <p className="mb-3 text-xs text-gray-600">As of {formatDate(usage.asOf)} (the last 30 days; active days over the last 28).</p>
          <h3 className="mb-1 text-sm font-semibold text-gray-900">Active users and licensed seats, last 12 months</h3>
          {first && last ? (
            <p className="mb-2 text-sm text-gray-700">
              {last.activeUsers === null ? null : <>{int(last.activeUsers)} active users in {formatMonth(last.month)}</>}
              {last.seats === null ? ' (no seat count)' : <> of {int(last.seats)} seats{last.utilization === null ? '' : ` (${pct(last.utilization)})`}</>}
              {first.activeUsers === null ? '.' : <>; {int(first.activeUsers)} in {formatMonth(first.month)}.</>}
              {onlyCurrentSeats ? ' No seat change was recorded, so every month shows the current seat count.' : ''}
            </p>
          ) : null}
          <AccountUsersChart data={rows} />
          <ChartLegend items={ACCOUNT_USAGE_SERIES.map((s) => ({ label: s.category, color: s.color, note: s.note }))} />
          <h3 className="mb-1 mt-4 text-sm font-semibold text-gray-900">Sessions per month</h3>
          <p className="mb-2 text-sm text-gray-700">
            {int(trend.months.reduce((sum, m) => sum + (m.sessions ?? 0), 0))} sessions over the 12 months;
            {' '}{last?.sessions === null || !last ? '' : `${int(last.sessions)} in ${formatMonth(last.month)}.`}
          </p>
          <AccountSessionsChart data={rows} />
          <ChartLegend items={[{ label: 'Sessions', color: 'cyan' }]} />
          <SeriesTable caption="Usage by month" columns={['Month', 'Active users', 'Licensed seats', 'Utilization', 'Sessions']} rows={cells} />
          <FeatureAdoption data={features} />
        </>
      )}
    </section>
  );
}
