import { describe, it, expect } from 'vitest';
import {
  bandFor,
  cesFactor,
  csatFactor,
  defaultHealthWeights,
  featureAdoptionFactor,
  healthFactors,
  licenseUtilizationFactor,
  normalizeWeights,
  npsFactor,
  relationshipFactor,
  scoreFromFactors,
  supportFactor,
  usageFrequency,
  usageTrend,
  type HealthFactor,
} from './health';

type Factors = Record<HealthFactor, number | null>;
const none = Object.fromEntries(healthFactors.map((f) => [f, null])) as Factors;
const all = (value: number) => Object.fromEntries(healthFactors.map((f) => [f, value])) as Record<HealthFactor, number>;

describe('factor values', () => {
  it.each([
    { name: 'usage frequency, no active day', value: usageFrequency(0), expected: 0 },
    { name: 'usage frequency, 10 days', value: usageFrequency(10), expected: 50 },
    { name: 'usage frequency, 20 days', value: usageFrequency(20), expected: 100 },
    { name: 'usage frequency, 28 days is capped', value: usageFrequency(28), expected: 100 },
    { name: 'license, 8 of 10 seats', value: licenseUtilizationFactor(8, 10), expected: 80 },
    { name: 'license, over-use is capped', value: licenseUtilizationFactor(12, 10), expected: 100 },
    { name: 'license, no seat count', value: licenseUtilizationFactor(5, null), expected: null },
    { name: 'license, 0 seats', value: licenseUtilizationFactor(5, 0), expected: null },
    { name: 'adoption, 3 of 4 features', value: featureAdoptionFactor(3, 4), expected: 75 },
    { name: 'adoption, none used', value: featureAdoptionFactor(0, 4), expected: 0 },
    { name: 'adoption, nothing tracked', value: featureAdoptionFactor(0, 0), expected: null },
    { name: 'trend, flat', value: usageTrend(10, 10), expected: 50 },
    { name: 'trend, doubled', value: usageTrend(20, 10), expected: 100 },
    { name: 'trend, tripled is clamped', value: usageTrend(30, 10), expected: 100 },
    { name: 'trend, halved', value: usageTrend(5, 10), expected: 25 },
    { name: 'trend, up half', value: usageTrend(15, 10), expected: 75 },
    { name: 'trend, everyone gone', value: usageTrend(0, 10), expected: 0 },
    { name: 'trend, nobody before', value: usageTrend(10, 0), expected: null },
    { name: 'NPS 100', value: npsFactor(100), expected: 100 },
    { name: 'NPS −100', value: npsFactor(-100), expected: 0 },
    { name: 'NPS 30', value: npsFactor(30), expected: 65 },
    { name: 'NPS none', value: npsFactor(null), expected: null },
    { name: 'CSAT 80 %', value: csatFactor(80), expected: 80 },
    { name: 'CSAT none', value: csatFactor(null), expected: null },
    { name: 'CES 1', value: cesFactor(1), expected: 0 },
    { name: 'CES 4', value: cesFactor(4), expected: 50 },
    { name: 'CES 5.5', value: cesFactor(5.5), expected: 75 },
    { name: 'CES 7', value: cesFactor(7), expected: 100 },
    { name: 'CES none', value: cesFactor(null), expected: null },
    { name: 'support, nothing open', value: supportFactor(0, 0), expected: 100 },
    { name: 'support, one open', value: supportFactor(1, 0), expected: 85 },
    // `open` includes the high-priority ticket: 100 − 15 − 25.
    { name: 'support, one open high', value: supportFactor(1, 1), expected: 60 },
    { name: 'support, two open, one high', value: supportFactor(2, 1), expected: 45 },
    { name: 'support, floor 0', value: supportFactor(7, 0), expected: 0 },
    { name: 'support, floor 0 with high', value: supportFactor(3, 3), expected: 0 },
  ])('$name → $expected', ({ value, expected }) => {
    expect(value).toBe(expected);
  });

  const relation = {
    championPresent: false,
    championOrBuyerContacted60d: false,
    stakeholdersContacted90d: 0,
    championLeft90d: false,
  };
  const strong = { championPresent: true, championOrBuyerContacted60d: true, stakeholdersContacted90d: 5 };
  it.each([
    { name: 'nothing', input: relation, expected: 0 },
    { name: 'a champion', input: { ...relation, championPresent: true }, expected: 40 },
    { name: 'a recent buyer contact', input: { ...relation, championOrBuyerContacted60d: true }, expected: 30 },
    { name: 'one contact is not enough', input: { ...relation, stakeholdersContacted90d: 1 }, expected: 0 },
    { name: 'two contacts', input: { ...relation, stakeholdersContacted90d: 2 }, expected: 30 },
    { name: 'everything', input: { ...strong, championLeft90d: false }, expected: 100 },
    { name: 'everything but a champion left', input: { ...strong, championLeft90d: true }, expected: 60 },
    {
      name: 'champion left, contacts remain',
      input: { ...relation, championOrBuyerContacted60d: true, stakeholdersContacted90d: 2, championLeft90d: true },
      expected: 20,
    },
    { name: 'champion left, nothing else: clamped at 0', input: { ...relation, championLeft90d: true }, expected: 0 },
  ])('relationship: $name → $expected', ({ input, expected }) => {
    expect(relationshipFactor(input)).toBe(expected);
  });
});

describe('normalizeWeights', () => {
  it('turns the defaults into shares of 1', () => {
    const shares = normalizeWeights(defaultHealthWeights)!;
    expect(shares.usageFrequency).toBeCloseTo(0.2, 12);
    expect(shares.csat).toBeCloseTo(0.05, 12);
    expect(healthFactors.reduce((sum, f) => sum + shares[f], 0)).toBeCloseTo(1, 12);
  });

  it.each([
    { name: 'all zero', weights: all(0), expected: null },
    { name: 'one factor only', weights: { ...all(0), nps: 30 }, expected: { ...all(0), nps: 1 } },
    { name: 'any sum', weights: { ...all(0), nps: 30, ces: 10 }, expected: { ...all(0), nps: 0.75, ces: 0.25 } },
  ])('$name', ({ weights, expected }) => {
    expect(normalizeWeights(weights)).toEqual(expected);
  });

  it.each([{ nps: -1 }, { nps: 101 }, { nps: Number.NaN }])('refuses a weight outside 0–100: %o', (bad) => {
    expect(() => normalizeWeights({ ...defaultHealthWeights, ...bad })).toThrow(RangeError);
  });
});

describe('scoreFromFactors', () => {
  // Default weights: 0.2 × 75 + 0.15 × 80 + 0.1 × 50 + 0.1 × 60 + 0.15 × 65 + 0.05 × 80 + 0.05 × 75 + 0.1 × 85
  // + 0.1 × 70 = 15 + 12 + 5 + 6 + 9.75 + 4 + 3.75 + 8.5 + 7 = 71.
  const typical: Factors = {
    usageFrequency: 75,
    licenseUtilization: 80,
    featureAdoption: 50,
    usageTrend: 60,
    nps: 65,
    csat: 80,
    ces: 75,
    support: 85,
    relationship: 70,
  };

  const onlyCsat = (csat: number): Factors => ({ ...none, csat });
  const notCsat = healthFactors.filter((f) => f !== 'csat');
  type Case = { name: string; factors: Factors; score: number | null; band: string | null; missing: HealthFactor[] };
  it.each<Case>([
    { name: 'a typical account', factors: typical, score: 71, band: 'green', missing: [] },
    { name: 'everything perfect', factors: all(100), score: 100, band: 'green', missing: [] },
    { name: 'everything zero (data says nothing happened)', factors: all(0), score: 0, band: 'red', missing: [] },
    { name: 'everything 50', factors: all(50), score: 50, band: 'yellow', missing: [] },
    // Usage 80 (weight 20) and NPS 40 (weight 15) only: (80 × 20 + 40 × 15) ÷ 35 = 62.857… → 63.
    {
      name: 'missing weight spreads over the present factors',
      factors: { ...none, usageFrequency: 80, nps: 40 },
      score: 63,
      band: 'yellow',
      missing: ['licenseUtilization', 'featureAdoption', 'usageTrend', 'csat', 'ces', 'support', 'relationship'],
    },
    { name: 'no factor present', factors: none, score: null, band: null, missing: [...healthFactors] },
    // Rounded before banding; one present factor makes the score equal its value.
    { name: '39.4 → 39 is red', factors: onlyCsat(39.4), score: 39, band: 'red', missing: notCsat },
    { name: '39.5 → 40 is yellow', factors: onlyCsat(39.5), score: 40, band: 'yellow', missing: notCsat },
    { name: '39.6 → 40 is yellow', factors: onlyCsat(39.6), score: 40, band: 'yellow', missing: notCsat },
    { name: '69.4 → 69 is yellow', factors: onlyCsat(69.4), score: 69, band: 'yellow', missing: notCsat },
    { name: '70 is green', factors: onlyCsat(70), score: 70, band: 'green', missing: notCsat },
    // Exactly (770 + 680 + 1170 + 490 + 890 + 170) ÷ 60 = 69.5, which doubles sum to 69.49999999999999.
    {
      name: 'an exact 69.5 rounds up to green despite float error',
      factors: { ...none, featureAdoption: 77, usageTrend: 68, nps: 78, ces: 98, support: 89, relationship: 17 },
      score: 70, band: 'green', missing: ['usageFrequency', 'licenseUtilization', 'csat'],
    },
  ])('$name → $score ($band)', ({ factors, score, band, missing }) => {
    const result = scoreFromFactors(factors);
    expect([result.score, result.band]).toEqual([score, band]);
    expect(result.missing).toEqual(missing);
    if (score === null) return;
    const present = healthFactors.filter((f) => factors[f] !== null);
    const points = present.reduce((sum, f) => sum + result.perFactor[f].points!, 0);
    expect(points).toBeCloseTo(result.unrounded!, 10);
    expect(present.reduce((sum, f) => sum + result.perFactor[f].weight, 0)).toBeCloseTo(1, 12);
    for (const f of missing) expect(result.perFactor[f]).toEqual({ value: null, weight: 0, points: null });
  });

  it('explains each factor: raw value, share and points', () => {
    const { perFactor } = scoreFromFactors({ ...none, usageFrequency: 80, nps: 40 });
    expect(perFactor.usageFrequency.value).toBe(80);
    expect(perFactor.usageFrequency.weight).toBeCloseTo(20 / 35, 12);
    expect(perFactor.usageFrequency.points).toBeCloseTo(1600 / 35, 10);
    expect(perFactor.nps.points).toBeCloseTo(600 / 35, 10);
    expect(scoreFromFactors(typical).perFactor.nps.points).toBeCloseTo(9.75, 12);
  });

  it.each([
    { name: 'present factors all weigh 0', weights: { ...defaultHealthWeights, csat: 0 }, factors: onlyCsat(90) },
    { name: 'all weights 0', weights: all(0), factors: typical },
  ])('null score when $name', ({ weights, factors }) => {
    const result = scoreFromFactors(factors, weights);
    expect([result.score, result.unrounded, result.band]).toEqual([null, null, null]);
  });

  it.each([
    { score: 49, band: 'red' },
    { score: 50, band: 'yellow' },
    { score: 79, band: 'yellow' },
    { score: 80, band: 'green' },
  ])('admin bands 50 / 80: $score is $band', ({ score, band }) => {
    const bands = { yellowFrom: 50, greenFrom: 80 };
    expect(scoreFromFactors({ ...none, support: score }, defaultHealthWeights, bands).band).toBe(band);
    expect(bandFor(score, bands)).toBe(band);
  });

  it.each([
    { name: 'a factor above 100', run: () => scoreFromFactors({ ...none, nps: 101 }) },
    { name: 'a negative factor', run: () => scoreFromFactors({ ...none, nps: -1 }) },
    { name: 'a weight above 100', run: () => scoreFromFactors(typical, { ...defaultHealthWeights, ces: 150 }) },
    { name: 'bands out of order', run: () => scoreFromFactors(typical, undefined, { yellowFrom: 80, greenFrom: 50 }) },
  ])('refuses $name', ({ run }) => {
    expect(run).toThrow(RangeError);
  });
});
