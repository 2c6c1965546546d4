// The shape every KPI result shares: the number, what it rests on, its definition, and why it is missing.

/**
 * money: integer minor units of the org's currency (ARPA and LTV unrounded); percent: 0–100 at full precision;
 * score: a 0–100 health score or an average of them (one decimal).
 */
export type KpiUnit = 'money' | 'percent' | 'ratio' | 'count' | 'days' | 'score';
/** What `n` counts. */
export type KpiBasis = 'accounts' | 'renewals' | 'tickets' | 'answers';

export type KpiDefinition = Readonly<{ label: string; unit: KpiUnit; nOf: KpiBasis; definition: string }>;

export type Kpi<T = number> = KpiDefinition & {
  /** null means "no data" (shown as "—" with `reason`), never 0. */
  value: T | null;
  /** How many accounts, renewals or tickets the value rests on. */
  n: number;
  /** Why value is null; null whenever there is a value. */
  reason: string | null;
  /** The counts and sums behind the value, for tooltips (e.g. pending renewals). */
  detail?: Record<string, number | null>;
};

export type KpiPoint = { start: string; end: string; value: number | null; n: number; reason: string | null };
/** A monthly series for a trend chart: one point per calendar month of the period (clipped to it), oldest first. */
export type KpiSeries = KpiDefinition & { points: KpiPoint[] };

/** Builds a KPI: the reason is kept only when the value is null. */
export function kpi<T>(
  def: KpiDefinition,
  value: T | null,
  n: number,
  reason: string,
  detail?: Record<string, number | null>,
): Kpi<T> {
  return { ...def, value, n, reason: value === null ? reason : null, ...(detail ? { detail } : {}) };
}

/** A point of a series, from the same value/n/reason triple as kpi(). */
export const point = (range: { start: string; end: string }, value: number | null, n: number, reason: string): KpiPoint => ({
  start: range.start,
  end: range.end,
  value,
  n,
  reason: value === null ? reason : null,
});

/** Collects per-bucket points into series keyed like `defs`. */
export function toSeries<K extends string>(
  defs: Record<K, KpiDefinition>,
  buckets: readonly Record<K, KpiPoint>[],
): Record<K, KpiSeries> {
  const keys = Object.keys(defs) as K[];
  return Object.fromEntries(keys.map((k) => [k, { ...defs[k], points: buckets.map((b) => b[k]) }])) as Record<K, KpiSeries>;
}
