import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { formatPeriod } from '@/components/dashboard/format';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireTenant } from '@/lib/auth/tenant';
import { getKpiClock, type KpiScope } from '@/lib/dal/kpis';
import { getOverview } from '@/lib/dal/overview';
import { DASHBOARD_PERIOD_LABELS, DASHBOARD_SCOPE_LABELS, parseDashboardParams, resolveDashboardPeriod } from '@/lib/validation/dashboard';
import { ChartsSection, ChartsSkeleton } from './_components/charts-section';
import { DashboardFilters } from './_components/dashboard-filters';
import { HealthSection, HealthSkeleton } from './_components/health-section';
import { KpiSection, KpiSkeleton } from './_components/kpi-section';
import { ListsSection, ListsSkeleton } from './_components/lists-section';
import { VoiceSection, VoiceSkeleton } from './_components/voice-section';

export const metadata: Metadata = { title: 'Dashboard' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ params, searchParams }: Props) {
  // requireTenant (which can 404) runs before any Suspense boundary.
  const ctx = await requireTenant((await params).org);
  const query = parseDashboardParams(await searchParams);
  const [clock, overview] = await Promise.all([getKpiClock(ctx), getOverview(ctx)]);
  const { period, choice, customError } = resolveDashboardPeriod(query, clock.today);
  const scope: KpiScope = query.scope === 'all' ? { kind: 'org' }
    : query.scope === 'mine' ? { kind: 'owner', ownerId: ctx.userId } : { kind: 'segment', segment: query.scope };
  const key = `${period.start}/${period.end}/${query.scope}`;
  return (
    <>
      <PageHeader title={ctx.orgName} description="Your portfolio at a glance." />
      <DashboardFilters params={query} customError={customError} />
      <p className="mb-4 text-sm text-gray-700">
        {DASHBOARD_SCOPE_LABELS[query.scope]}, {DASHBOARD_PERIOD_LABELS[choice].toLowerCase()}: {formatPeriod(period)}.
      </p>
      {overview.accounts === 0 ? (
        <Card className="mb-6">
          <p className="text-sm text-gray-700">
            No accounts yet. <Link href={`/${ctx.orgSlug}/accounts/new`} className="text-blue-800 underline">Add an account</Link> or{' '}
            <Link href={`/${ctx.orgSlug}/accounts/import`} className="text-blue-800 underline">import a CSV</Link>; the numbers below fill in as revenue and usage arrive.
          </p>
        </Card>
      ) : null}
      <Suspense key={`k${key}`} fallback={<KpiSkeleton />}>
        <KpiSection ctx={ctx} period={period} scope={scope} />
      </Suspense>
      <Suspense key={`h${key}`} fallback={<HealthSkeleton />}>
        <HealthSection ctx={ctx} period={period} scope={scope} today={clock.today} currency={clock.currency} />
      </Suspense>
      <Suspense key={`v${key}`} fallback={<VoiceSkeleton />}>
        <VoiceSection ctx={ctx} period={period} scope={scope} currency={clock.currency} />
      </Suspense>
      <Suspense key={`c${key}`} fallback={<ChartsSkeleton />}>
        <ChartsSection ctx={ctx} period={period} scope={scope} />
      </Suspense>
      <Suspense key={`l${key}`} fallback={<ListsSkeleton />}>
        <ListsSection ctx={ctx} period={period} scope={scope} today={clock.today} currency={clock.currency} />
      </Suspense>
    </>
  );
}
