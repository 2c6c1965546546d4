import { describe, it, expect } from 'vitest';
import {
  arpa,
  arr,
  classifyMovement,
  expansionShortcut,
  grossRevenueChurn,
  grr,
  ltv,
  nrr,
  quickRatio,
  sumMovements,
} from './revenue';

describe('classifyMovement', () => {
  it.each([
    { previous: 0, next: 5000, hadEarlier: false, expected: 'new' },
    { previous: 0, next: 5000, hadEarlier: true, expected: 'reactivation' },
    { previous: 5000, next: 8000, hadEarlier: true, expected: 'expansion' },
    { previous: 5000, next: 8000, hadEarlier: false, expected: 'expansion' },
    { previous: 8000, next: 5000, hadEarlier: true, expected: 'contraction' },
    { previous: 8000, next: 1, hadEarlier: true, expected: 'contraction' },
    { previous: 8000, next: 0, hadEarlier: true, expected: 'churn' },
    { previous: 5000, next: 5000, hadEarlier: true, expected: null },
    { previous: 0, next: 0, hadEarlier: false, expected: null },
    { previous: 0, next: 0, hadEarlier: true, expected: null },
  ])('$previous → $next (earlier subscription: $hadEarlier) is $expected', ({ previous, next, hadEarlier, expected }) => {
    expect(classifyMovement(previous, next, hadEarlier)).toBe(expected);
  });

  it.each([
    [-1, 100],
    [100, -1],
  ])('refuses negative MRR (%i → %i)', (previous, next) => {
    expect(() => classifyMovement(previous, next, false)).toThrow(RangeError);
  });
});

describe('sumMovements', () => {
  const zero = { newMrr: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, net: 0 };
  it.each([
    { name: 'no changes', changes: [], expected: zero },
    {
      name: 'one of each kind, plus a no-op',
      changes: [
        { previousMrr: 0, newMrr: 1000, hadEarlierSubscription: false },
        { previousMrr: 1000, newMrr: 1500, hadEarlierSubscription: true },
        { previousMrr: 1500, newMrr: 1200, hadEarlierSubscription: true },
        { previousMrr: 1200, newMrr: 0, hadEarlierSubscription: true },
        { previousMrr: 0, newMrr: 900, hadEarlierSubscription: true },
        { previousMrr: 900, newMrr: 900, hadEarlierSubscription: true },
      ],
      expected: { newMrr: 1000, expansion: 500, contraction: 300, churn: 1200, reactivation: 900, net: 900 },
    },
    {
      name: 'two expansions add up',
      changes: [
        { previousMrr: 100, newMrr: 150, hadEarlierSubscription: true },
        { previousMrr: 200, newMrr: 260, hadEarlierSubscription: true },
      ],
      expected: { ...zero, expansion: 110, net: 110 },
    },
  ])('$name', ({ changes, expected }) => {
    const totals = sumMovements(changes);
    expect(totals).toEqual(expected);
    expect(totals.net).toBe(changes.reduce((sum, c) => sum + c.newMrr - c.previousMrr, 0));
  });
});

describe('nrr, grr and gross revenue churn', () => {
  it.each([
    { startMrr: 1000, endMrr: 1100, expected: 110 },
    { startMrr: 1000, endMrr: 900, expected: 90 },
    { startMrr: 1000, endMrr: 0, expected: 0 },
    { startMrr: 18, endMrr: 16, expected: 88.88888888888889 },
    { startMrr: 0, endMrr: 500, expected: null },
  ])('nrr($startMrr → $endMrr) = $expected', ({ expected, ...input }) => {
    expect(nrr(input)).toBe(expected);
  });

  it.each([
    { startMrr: 1000, cappedEndMrr: 1000, expected: 100 },
    { startMrr: 1000, cappedEndMrr: 900, expected: 90 },
    { startMrr: 18, cappedEndMrr: 16, expected: 88.88888888888889 },
    { startMrr: 0, cappedEndMrr: 0, expected: null },
  ])('grr($startMrr, capped $cappedEndMrr) = $expected', ({ expected, ...input }) => {
    expect(grr(input)).toBe(expected);
  });

  it.each([
    { grr: 90, expected: 10 },
    { grr: 100, expected: 0 },
    { grr: 0, expected: 100 },
    { grr: null, expected: null },
  ])('grossRevenueChurn($grr) = $expected', ({ grr: value, expected }) => {
    expect(grossRevenueChurn(value)).toBe(expected);
  });

  it('gross revenue churn keeps full precision: 100 − 16/18', () => {
    expect(grossRevenueChurn(grr({ startMrr: 18, cappedEndMrr: 16 }))).toBeCloseTo(11.111111111111, 10);
  });
});

describe('arr and arpa', () => {
  it.each([
    { mrr: 0, expected: 0 },
    { mrr: 123_456, expected: 1_481_472 },
    { mrr: null, expected: null },
  ])('arr($mrr) = $expected', ({ mrr, expected }) => {
    expect(arr(mrr)).toBe(expected);
  });

  it.each([
    { mrr: 100_000, activeAccounts: 40, expected: 2500 },
    { mrr: 1000, activeAccounts: 3, expected: 1000 / 3 },
    { mrr: 0, activeAccounts: 5, expected: 0 },
    { mrr: 0, activeAccounts: 0, expected: null },
  ])('arpa($mrr over $activeAccounts) = $expected', ({ expected, ...input }) => {
    expect(arpa(input)).toBe(expected);
  });
});

describe('ltv', () => {
  it.each([
    // 2 % a month → ARPA ÷ 0.02 = 50 × ARPA.
    { arpa: 10_000, rates: [2, 2, 2, 2, 2, 2], expected: 500_000 },
    // Only the last 6 months count: mean(1..6) = 3.5 % → 10 000 ÷ 0.035.
    { arpa: 10_000, rates: [9, 9, 1, 2, 3, 4, 5, 6], expected: 10_000 / 0.035 },
    // A month without a cohort is skipped, not counted as 0 %.
    { arpa: 10_000, rates: [null, 4], expected: 250_000 },
    { arpa: 10_000, rates: [1, 3], expected: 500_000 },
    { arpa: 10_000, rates: [0, 0, 0], expected: null },
    { arpa: 10_000, rates: [], expected: null },
    { arpa: 10_000, rates: [null], expected: null },
    { arpa: null, rates: [2], expected: null },
    { arpa: 0, rates: [2], expected: 0 },
  ])('ltv(arpa $arpa, rates $rates) = $expected', ({ arpa: value, rates, expected }) => {
    const result = ltv({ arpa: value, monthlyChurnRates: rates });
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 6);
  });
});

describe('quickRatio', () => {
  const none = { newMrr: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0 };
  it.each([
    { name: 'gains twice the losses', m: { ...none, newMrr: 2000, expansion: 1000, contraction: 500, churn: 1000 }, expected: 2 },
    { name: 'reactivation counts as a gain', m: { ...none, reactivation: 300, churn: 400 }, expected: 0.75 },
    { name: 'nothing gained', m: { ...none, churn: 400 }, expected: 0 },
    { name: 'nothing lost', m: { ...none, newMrr: 5000 }, expected: null },
    { name: 'nothing happened', m: none, expected: null },
  ])('$name → $expected', ({ m, expected }) => {
    expect(quickRatio(m)).toBe(expected);
  });
});

describe('expansionShortcut', () => {
  it.each([
    // The textbook: 1.8 m end − 1.5 m start − 0.2 m new = 0.1 m expansion (in cents).
    { endMrr: 180_000_000, startMrr: 150_000_000, newMrr: 20_000_000, expected: 10_000_000 },
    { endMrr: 1000, startMrr: 1000, newMrr: 0, expected: 0 },
  ])('$endMrr − $startMrr − $newMrr = $expected', ({ expected, ...input }) => {
    expect(expansionShortcut(input)).toBe(expected);
  });
});
