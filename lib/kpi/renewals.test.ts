import { describe, it, expect } from 'vitest';
import { quarterlyRenewedArr, renewalRate, renewalRateByValue, type RenewalRow } from './renewals';

const rows = (count: number, arrDue: number, renewedArr: number): RenewalRow[] =>
  Array.from({ length: count }, () => ({ arrDue, renewedArr }));

describe('renewalRate (by count)', () => {
  it.each([
    // The textbook: 16 of 18 decided renewals kept → 88.888…%.
    { renewed: 16, downgraded: 0, churned: 2, expected: 88.88888888888889 },
    // A downgrade is still a renewal by count.
    { renewed: 10, downgraded: 6, churned: 2, expected: 88.88888888888889 },
    { renewed: 0, downgraded: 3, churned: 0, expected: 100 },
    { renewed: 0, downgraded: 0, churned: 4, expected: 0 },
    { renewed: 1, downgraded: 0, churned: 3, expected: 25 },
    // Nothing decided (everything still pending) is no data, not 0 %.
    { renewed: 0, downgraded: 0, churned: 0, expected: null },
  ])('$renewed renewed, $downgraded downgraded, $churned churned → $expected', ({ expected, ...input }) => {
    expect(renewalRate(input)).toBe(expected);
  });

  it('keeps full precision', () => {
    expect(renewalRate({ renewed: 16, downgraded: 0, churned: 2 })).toBeCloseTo(88.888888888889, 10);
  });
});

describe('renewalRateByValue and quarterlyRenewedArr', () => {
  it.each([
    { name: 'no renewals', input: [], byValue: null, quarterly: null },
    { name: 'nothing due', input: rows(2, 0, 0), byValue: null, quarterly: null },
    {
      name: '16 of 18 renewed flat, 2 churned',
      input: [...rows(16, 1000, 1000), ...rows(2, 1000, 0)],
      byValue: 88.88888888888889, quarterly: 88.88888888888889,
    },
    // Expansion at renewal is capped by value, not in the quarterly figure: (1000 + 500) ÷ 2000 vs (1500 + 500) ÷ 2000.
    {
      name: 'one expands, one downgrades',
      input: [{ arrDue: 1000, renewedArr: 1500 }, { arrDue: 1000, renewedArr: 500 }],
      byValue: 75, quarterly: 100,
    },
    {
      name: 'all expand',
      input: [{ arrDue: 1000, renewedArr: 1200 }, { arrDue: 3000, renewedArr: 3600 }],
      byValue: 100, quarterly: 120,
    },
    { name: 'all churn', input: rows(3, 2500, 0), byValue: 0, quarterly: 0 },
    // The cap is per row: one account's expansion does not cover another's loss.
    {
      name: 'cap applies per renewal',
      input: [{ arrDue: 1000, renewedArr: 2000 }, { arrDue: 1000, renewedArr: 0 }],
      byValue: 50, quarterly: 100,
    },
    {
      name: 'weighted by ARR, not count',
      input: [{ arrDue: 9000, renewedArr: 9000 }, { arrDue: 1000, renewedArr: 0 }],
      byValue: 90, quarterly: 90,
    },
  ])('$name → by value $byValue, quarterly $quarterly', ({ input, byValue, quarterly }) => {
    expect(renewalRateByValue(input)).toBe(byValue);
    expect(quarterlyRenewedArr(input)).toBe(quarterly);
  });

  it('by value never exceeds 100 and never exceeds the quarterly figure', () => {
    const input = [{ arrDue: 700, renewedArr: 900 }, { arrDue: 300, renewedArr: 299 }];
    const byValue = renewalRateByValue(input)!;
    expect(byValue).toBeLessThanOrEqual(100);
    expect(byValue).toBeLessThanOrEqual(quarterlyRenewedArr(input)!);
  });
});
