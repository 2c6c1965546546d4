// The health score's arithmetic (DESIGN.md "Health score"). SQL gathers each account's inputs; these turn them
// into factor values 0–100 and a weighted score. A factor is null (missing) only when it has no source.

export const healthFactors = [
  'usageFrequency',
  'licenseUtilization',
  'featureAdoption',
  'usageTrend',
  'nps',
  'csat',
  'ces',
  'support',
  'relationship',
] as const;

export type HealthFactor = (typeof healthFactors)[number];
export type HealthWeights = Record<HealthFactor, number>;
export type HealthBand = 'red' | 'yellow' | 'green';
/** Band thresholds in score points: red below yellowFrom, yellow below greenFrom, green from greenFrom. */
export type HealthBands = { yellowFrom: number; greenFrom: number };

/** Default admin weights, 0–100 each (they happen to sum to 100; any sum is normalized). */
export const defaultHealthWeights: HealthWeights = {
  usageFrequency: 20,
  licenseUtilization: 15,
  featureAdoption: 10,
  usageTrend: 10,
  nps: 15,
  csat: 5,
  ces: 5,
  support: 10,
  relationship: 10,
};

/** Default bands: red below 40, yellow 40–69, green 70 and above. */
export const defaultHealthBands: HealthBands = { yellowFrom: 40, greenFrom: 70 };

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** Usage frequency factor 0–100: days with any active user in the last 28 days ÷ 20, capped at 100. */
export const usageFrequency = (activeDays: number) => clamp((activeDays * 100) / 20);

/** License utilization factor 0–100: distinct active users in 30 days ÷ seats, capped; null without a seat count. */
export const licenseUtilizationFactor = (activeUsers: number, seats: number | null) =>
  seats === null || seats === 0 ? null : clamp((activeUsers * 100) / seats);

/** Feature adoption factor 0–100: tracked features used in 30 days ÷ tracked features; null when none is tracked. */
export const featureAdoptionFactor = (featuresUsed: number, trackedFeatures: number) =>
  trackedFeatures === 0 ? null : clamp((featuresUsed * 100) / trackedFeatures);

/** Usage trend factor 0–100: r = distinct users last 30 days ÷ the 30 before, clamp(50 + 50 × (r − 1)); null if prev30 = 0. */
export const usageTrend = (last30: number, prev30: number) =>
  prev30 === 0 ? null : clamp(50 + 50 * (last30 / prev30 - 1));

/** NPS factor 0–100 = (account NPS over 180 days + 100) ÷ 2; null when the account has no NPS answer. */
export const npsFactor = (accountNps: number | null) => (accountNps === null ? null : (accountNps + 100) / 2);

/** CSAT factor 0–100 = % satisfied over 180 days; null when there is no CSAT answer. */
export const csatFactor = (percentSatisfied: number | null) => percentSatisfied;

/** CES factor 0–100 = (mean 1–7 answer over 180 days − 1) ÷ 6 × 100; null when there is no CES answer. */
export const cesFactor = (mean: number | null) => (mean === null ? null : ((mean - 1) * 100) / 6);

// `open` counts every open ticket, high-priority ones included, so one open high-priority ticket costs 40 points.
/** Support factor 0–100 = 100 − 15 × open tickets − 25 × open high-priority tickets, floor 0; never null. */
export const supportFactor = (open: number, openHigh: number) => Math.max(0, 100 - 15 * open - 25 * openHigh);

// 40 if a champion is present (not left) + 30 if a champion or economic buyer was contacted in 60 days + 30 if 2 or
// more stakeholders were contacted in 90 days − 40 if a champion left in 90 days.
/** Relationship factor 0–100 from champion and contact signals, clamped; no stakeholders is missing (the caller passes null). */
export function relationshipFactor(r: {
  championPresent: boolean;
  championOrBuyerContacted60d: boolean;
  stakeholdersContacted90d: number;
  championLeft90d: boolean;
}): number {
  const points =
    (r.championPresent ? 40 : 0) +
    (r.championOrBuyerContacted60d ? 30 : 0) +
    (r.stakeholdersContacted90d >= 2 ? 30 : 0) -
    (r.championLeft90d ? 40 : 0);
  return clamp(points);
}

const zeroWeights = Object.fromEntries(healthFactors.map((f) => [f, 0])) as HealthWeights;

function checkWeights(weights: HealthWeights) {
  for (const f of healthFactors) {
    const w = weights[f];
    if (!Number.isFinite(w) || w < 0 || w > 100) throw new RangeError(`The weight of ${f} must be 0–100, got ${w}`);
  }
}

/** Admin weights (0–100 each) as fractions summing to 1; null when every weight is 0. */
export function normalizeWeights(weights: HealthWeights): HealthWeights | null {
  checkWeights(weights);
  const total = healthFactors.reduce((sum, f) => sum + weights[f], 0);
  if (total === 0) return null;
  return Object.fromEntries(healthFactors.map((f) => [f, weights[f] / total])) as HealthWeights;
}

/** Band of a whole-number score under the thresholds; null for a null score. */
export function bandFor(score: number | null, bands: HealthBands = defaultHealthBands): HealthBand | null {
  if (score === null) return null;
  return score < bands.yellowFrom ? 'red' : score < bands.greenFrom ? 'yellow' : 'green';
}

/** A factor's contribution: weight is its share of the score (0–1, after redistributing missing weight). */
export type FactorPoints = { value: number | null; weight: number; points: number | null };

export type HealthScore = {
  score: number | null;
  unrounded: number | null;
  band: HealthBand | null;
  perFactor: Record<HealthFactor, FactorPoints>;
  missing: HealthFactor[];
};

// The missing factors' weight goes to the present ones in proportion to their weights; points = value × share and
// add up to `unrounded`; the score is rounded before banding.
/** Health score, a whole number 0–100, and band from factor values 0–100 (null = missing); null if no present factor weighs > 0. */
export function scoreFromFactors(
  factors: Record<HealthFactor, number | null>,
  weights: HealthWeights = defaultHealthWeights,
  bands: HealthBands = defaultHealthBands,
): HealthScore {
  checkWeights(weights);
  if (bands.yellowFrom > bands.greenFrom) throw new RangeError('Yellow must start at or below green');
  const missing = healthFactors.filter((f) => factors[f] === null);
  const present = healthFactors.filter((f) => factors[f] !== null);
  for (const f of present) {
    const v = factors[f]!;
    if (!Number.isFinite(v) || v < 0 || v > 100) throw new RangeError(`The ${f} factor must be 0–100, got ${v}`);
  }
  // Renormalizing over the present factors is exactly a proportional spread of the missing factors' weight.
  const shares = normalizeWeights({ ...zeroWeights, ...Object.fromEntries(present.map((f) => [f, weights[f]])) });
  const perFactor = {} as Record<HealthFactor, FactorPoints>;
  let unrounded: number | null = shares === null ? null : 0;
  for (const f of healthFactors) {
    const value = factors[f];
    const weight = shares?.[f] ?? 0;
    const points = value === null || shares === null ? null : value * weight;
    perFactor[f] = { value, weight, points };
    if (points !== null && unrounded !== null) unrounded += points;
  }
  // 12 decimals first: a sum meant to be 69.5 can come out as 69.49999999999999 and must round to 70.
  const score = unrounded === null ? null : Math.round(Number(unrounded.toFixed(12)));
  return { score, unrounded, band: bandFor(score, bands), perFactor, missing };
}
