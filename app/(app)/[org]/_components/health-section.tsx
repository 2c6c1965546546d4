import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import type { KpiScope } from '@/lib/dal/kpis';
import { getAtRiskAccounts, getHealthKpis, getRenewalsByBand } from '@/lib/dal/kpis/health';
import type { Period } from '@/lib/kpi/period';
import { HealthCards } from './health-cards';
import { AtRiskTable, RenewalsByBandTable } from './health-lists';

/** Portfolio health for the scope: average and at-risk cards, distribution by band, at-risk accounts, renewals by band. */
export async function HealthSection({ ctx, period, scope, today, currency }: {
  ctx: TenantCtx; period: Period; scope: KpiScope; today: string; currency: string;
}) {
  const [kpis, atRisk, renewals] = await Promise.all([
    getHealthKpis(ctx, period, scope),
    getAtRiskAccounts(ctx, { scope, limit: 10 }),
    getRenewalsByBand(ctx, { scope, today }),
  ]);
  // the accounts list filtered like the scope; owner=all overrides a CSM's default "my accounts"
  const filter = scope.kind === 'owner' ? 'owner=me' : scope.kind === 'segment' ? `segment=${scope.segment}&owner=all` : 'owner=all';
  const listHref = `/${ctx.orgSlug}/accounts?band=red&sort=health&${filter}`;
  const noScores = kpis.average.n === 0 && kpis.distribution.n > 0;
  return (
    <section aria-labelledby="health-heading" className="mb-6">
      <h2 id="health-heading" className="mb-2 text-base font-semibold text-gray-900">Health</h2>
      {noScores ? (
        <p className="mb-3 rounded-md bg-gray-50 p-3 text-sm text-gray-700">
          No health scores yet: scores appear once accounts have usage, survey or stakeholder data.
        </p>
      ) : null}
      <HealthCards k={kpis} />
      <div className="mt-4 grid gap-4 xl:grid-cols-2">
        <AtRiskTable orgSlug={ctx.orgSlug} atRisk={atRisk} listHref={listHref} />
        <RenewalsByBandTable data={renewals} currency={currency} />
      </div>
    </section>
  );
}

/** Placeholder while the health section loads. */
export function HealthSkeleton() {
  return <div className="mb-6 h-72 animate-pulse rounded-lg bg-gray-100" aria-busy="true" aria-label="Loading health" />;
}
