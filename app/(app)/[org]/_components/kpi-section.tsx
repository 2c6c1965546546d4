import { compareKpi } from '@/components/dashboard/compare';
import { formatDate, formatPeriod } from '@/components/dashboard/format';
import { KpiCard, KpiGroup } from '@/components/dashboard/kpi-card';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getPortfolioCards, type KpiScope, type PortfolioCardKey } from '@/lib/dal/kpis';
import { previousPeriod, type Period } from '@/lib/kpi/period';

// Which cards, in which group; `false` marks the KPIs where going up is bad.
const GROUPS: { title: string; cards: [PortfolioCardKey, boolean][] }[] = [
  { title: 'Revenue', cards: [['arr', true], ['expansion', true], ['quickRatio', true], ['arpa', true]] },
  { title: 'Retention', cards: [['nrr', true], ['grr', true], ['logoChurn', false]] },
  { title: 'Usage', cards: [['mau', true], ['utilization', true]] },
];

/** The KPI cards of the period and scope, each compared with the previous period of the same length. */
export async function KpiSection({ ctx, period, scope }: { ctx: TenantCtx; period: Period; scope: KpiScope }) {
  const previous = previousPeriod(period);
  const [now, before] = await Promise.all([getPortfolioCards(ctx, period, scope), getPortfolioCards(ctx, previous, scope)]);
  const previousLabel = 'previous period';
  return (
    <>
      {GROUPS.map((g) => (
        <KpiGroup key={g.title} title={g.title}>
          {g.cards.map(([key, upIsGood]) => (
            <KpiCard
              key={key}
              kpi={now.cards[key]}
              currency={now.currency}
              change={compareKpi(now.cards[key], before.cards[key], now.currency, upIsGood)}
              previousLabel={previousLabel}
            />
          ))}
        </KpiGroup>
      ))}
      <p className="-mt-3 mb-6 text-xs text-gray-600">
        MAU and utilization cover the 30 days up to {formatDate(now.asOf)}. Changes compare with the previous period, {formatPeriod(previous)}.
      </p>
    </>
  );
}

/** Placeholder while the cards load. */
export function KpiSkeleton() {
  return (
    <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-busy="true" aria-label="Loading KPIs">
      {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-32 animate-pulse rounded-lg bg-gray-100" />)}
    </div>
  );
}
