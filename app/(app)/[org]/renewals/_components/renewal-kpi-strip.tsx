import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getRenewalKpis } from '@/lib/dal/kpis';
import type { Kpi } from '@/lib/dal/kpis/types';
import { addMonths, periodOf } from '@/lib/kpi/period';

const QUARTERS = 4;

function quarterLabel(start: string) {
  return `Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1} ${start.slice(0, 4)}`;
}

function Value({ k }: { k: Kpi }) {
  if (k.value === null) return <><span className="text-lg font-semibold text-gray-900">—</span><span className="block text-xs text-gray-600">{k.reason}</span></>;
  return <span className="text-lg font-semibold tabular-nums text-gray-900">{k.value.toFixed(1)}%</span>;
}

/** The renewal KPIs of the current quarter and the three before it, whole org, as lib/dal/kpis computes them. */
export async function RenewalKpiStrip({ ctx, today }: { ctx: TenantCtx; today: string }) {
  const current = periodOf('quarter', today);
  const quarters = Array.from({ length: QUARTERS }, (_, i) => periodOf('quarter', addMonths(current.start, -3 * (QUARTERS - 1 - i))));
  const kpis = await Promise.all(quarters.map((q) => getRenewalKpis(ctx, q)));
  return (
    <section aria-labelledby="renewal-kpis-heading" className="mb-6">
      <h2 id="renewal-kpis-heading" className="mb-2 text-base font-semibold text-gray-900">Renewal rate by quarter (whole org, by due date)</h2>
      <ul className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
        {quarters.map((q, i) => {
          const k = kpis[i];
          return (
            <li key={q.start} className="rounded-lg border border-gray-200 bg-white p-3 shadow-sm" data-testid="renewal-quarter">
              <h3 className="text-sm font-semibold text-gray-900">{quarterLabel(q.start)}{q.start === current.start ? ' (this quarter)' : ''}</h3>
              <dl className="mt-2 space-y-2 text-sm">
                <div><dt className="text-xs text-gray-600">{k.byCount.label} (by count)</dt><dd><Value k={k.byCount} /></dd></div>
                <div><dt className="text-xs text-gray-600">{k.byValue.label}</dt><dd><Value k={k.byValue} /></dd></div>
                <div><dt className="text-xs text-gray-600">{k.renewedArr.label} (uncapped)</dt><dd><Value k={k.renewedArr} /></dd></div>
              </dl>
              <p className="mt-2 text-xs text-gray-700">{k.byCount.n} decided · {k.pending} pending</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
