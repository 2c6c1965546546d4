import type { Kpi } from '@/lib/dal/kpis/types';
import type { Change } from './compare';
import { formatValue } from './format';

const N_OF = { accounts: 'accounts', renewals: 'renewals', tickets: 'tickets', answers: 'answers' } as const;

function ChangeLine({ change, previousLabel }: { change: Change; previousLabel: string }) {
  if (change.kind === 'flat') return <p className="mt-1 text-xs text-gray-600">{change.text}</p>;
  if (change.kind === 'none') {
    // the reason is a tooltip for the pointer and text for everyone else
    return (
      <p className="mt-1 text-sm text-gray-700" title={change.reason} data-testid="kpi-change">
        <span aria-hidden="true">—</span> vs {previousLabel} <span className="text-xs text-gray-600">(no value then)</span>
        <span className="sr-only">: {change.reason}</span>
      </p>
    );
  }
  const tone = change.good ? 'text-green-800' : 'text-red-700';
  return (
    <p className={`mt-1 text-sm font-medium ${tone}`} data-testid="kpi-change">
      <span aria-hidden="true">{change.direction === 'up' ? '▲' : '▼'} </span>
      {change.text}
      <span className="font-normal text-gray-600"> vs {change.previous ? `${change.previous} in the ` : ''}{previousLabel} ({change.good ? 'good' : 'bad'})</span>
    </p>
  );
}

/**
 * One KPI: its value (or "—" and why), the change vs the previous period, n, and the definition on demand. `nText`
 * replaces the plain "n = 12 accounts" when n needs more words ("of 54 paying accounts").
 */
export function KpiCard({ kpi, currency, change, previousLabel, nText }: {
  kpi: Kpi; currency: string; change: Change; previousLabel: string; nText?: string;
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
          <p className="mt-1 text-2xl font-semibold tabular-nums text-gray-900" data-testid="kpi-value">{formatValue(kpi.value, kpi.unit, currency)}</p>
          <ChangeLine change={change} previousLabel={previousLabel} />
        </>
      )}
      <p className="mt-2 text-xs text-gray-600">{nText ?? `n = ${kpi.n.toLocaleString('en-US')} ${N_OF[kpi.nOf]}`}</p>
      <details className="mt-1 text-xs text-gray-700">
        <summary className="cursor-pointer text-blue-800 underline-offset-2 hover:underline">How is this computed?</summary>
        <p className="mt-1">{kpi.definition}</p>
      </details>
    </article>
  );
}

/** A titled grid of KPI cards. */
export function KpiGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-base font-semibold text-gray-900">{title}</h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
    </section>
  );
}
