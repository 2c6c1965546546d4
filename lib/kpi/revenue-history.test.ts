import { describe, it, expect } from 'vitest';
import { grr, movementsFromHistory, nrr, type RevenueChangeRow } from './revenue';
import { logoChurnRate } from './rates';

const period = { start: '2025-01-01', end: '2025-02-01' };
let seq = 0;
const change = (accountId: string, effectiveDate: string, mrr: number, recordedAt = ++seq): RevenueChangeRow => ({
  accountId,
  effectiveDate,
  recordedAt,
  mrr,
});

// One history with every case DESIGN.md names; the comment on each account gives its start → end MRR.
const book: RevenueChangeRow[] = [
  change('steady', '2024-06-01', 10_000), // 10 000 → 10 000, no movement
  change('grows', '2024-05-01', 5000), // 5000 → 8000, expansion 3000
  change('grows', '2025-01-10', 8000),
  change('shrinks', '2024-03-01', 6000), // 6000 → 4000, contraction 2000
  change('shrinks', '2025-01-15', 4000),
  change('leaves', '2024-01-01', 3000), // 3000 → 0, churn 3000: the cohort's only churned logo
  change('leaves', '2025-01-20', 0),
  change('returns', '2024-02-01', 2000), // 2000 → 2500: churn 2000 then reactivation 2500, not churned
  change('returns', '2025-01-05', 0),
  change('returns', '2025-01-25', 2500),
  change('arrives', '2025-01-12', 1500), // 0 → 1500, new, not in the cohort
  change('flash', '2025-01-03', 700), // 0 → 0: new 700 and churn 700, not in the cohort
  change('flash', '2025-01-28', 0),
  change('comeback', '2024-01-01', 900), // 0 → 1100: churned before start, reactivation 1100, not in the cohort
  change('comeback', '2024-10-01', 0),
  change('comeback', '2025-01-08', 1100),
  change('edges', '2024-12-31', 400), // 400 → 400: the day before start counts at start…
  change('edges', '2025-02-01', 900), // …and a change dated on the end day is outside the period
  change('day-one', '2025-01-01', 600), // 0 → 600: a change dated on the start day is a movement (new)
  // Same day, listed out of order: recordedAt decides (churn 1000 then reactivation 1200, not 1000 → 1200 → 0).
  change('same-day', '2024-07-01', 1000), // 1000 → 1200
  change('same-day', '2025-01-31', 1200, 1_000_002),
  change('same-day', '2025-01-31', 0, 1_000_001),
];

describe('movementsFromHistory on a book with every case', () => {
  const figures = movementsFromHistory(book, period);

  it.each([
    { field: 'newMrr', expected: 1500 + 700 + 600 },
    { field: 'expansion', expected: 3000 },
    { field: 'contraction', expected: 2000 },
    { field: 'churn', expected: 3000 + 2000 + 700 + 1000 },
    { field: 'reactivation', expected: 2500 + 1100 + 1200 },
    { field: 'net', expected: 1900 },
  ] as const)('movement $field = $expected', ({ field, expected }) => {
    expect(figures.movements[field]).toBe(expected);
  });

  it.each([
    { field: 'startMrr', expected: 10_000 + 5000 + 6000 + 3000 + 2000 + 400 + 1000 },
    { field: 'endMrr', expected: 10_000 + 8000 + 4000 + 2500 + 1500 + 1100 + 400 + 600 + 1200 },
    { field: 'activeAccountsAtEnd', expected: 9 },
  ] as const)('$field = $expected', ({ field, expected }) => {
    expect(figures[field]).toBe(expected);
  });

  it('movements add up to end MRR − start MRR', () => {
    expect(figures.movements.net).toBe(figures.endMrr - figures.startMrr);
  });

  it('start cohort: steady, grows, shrinks, leaves, returns, edges, same-day', () => {
    expect(figures.cohort).toEqual({
      size: 7,
      churned: 1,
      startMrr: 27_400,
      endMrr: 10_000 + 8000 + 4000 + 0 + 2500 + 400 + 1200,
      cappedEndMrr: 10_000 + 5000 + 4000 + 0 + 2000 + 400 + 1000,
    });
    const { size, churned } = figures.cohort;
    expect(logoChurnRate({ cohortSize: size, churnedInCohort: churned })).toBeCloseTo(100 / 7, 10);
    expect(nrr(figures.cohort)).toBeCloseTo(95.2554744525547, 10);
    expect(grr(figures.cohort)).toBeCloseTo(81.7518248175182, 10);
  });
});

describe('movementsFromHistory, one account at a time', () => {
  const a = (effectiveDate: string, mrr: number) => change('a', effectiveDate, mrr);
  it.each([
    { name: 'no changes at all', rows: [], net: 0, start: 0, end: 0, cohort: 0, churned: 0 },
    {
      name: 'churn and reactivation in one period',
      rows: [a('2024-01-01', 500), a('2025-01-02', 0), a('2025-01-09', 300)],
      net: -200, start: 500, end: 300, cohort: 1, churned: 0,
    },
    {
      name: 'starts and churns inside the period',
      rows: [a('2025-01-02', 800), a('2025-01-30', 0)],
      net: 0, start: 0, end: 0, cohort: 0, churned: 0,
    },
    {
      name: 'churned and stays churned',
      rows: [a('2024-01-01', 500), a('2025-01-02', 0)],
      net: -500, start: 500, end: 0, cohort: 1, churned: 1,
    },
    {
      name: 'only changes after the period',
      rows: [a('2025-03-01', 500)],
      net: 0, start: 0, end: 0, cohort: 0, churned: 0,
    },
    {
      name: 'a first row at 0 is no movement',
      rows: [a('2025-01-02', 0), a('2025-01-03', 400)],
      net: 400, start: 0, end: 400, cohort: 0, churned: 0,
    },
  ])('$name', ({ rows, net, start, end, cohort, churned }) => {
    const f = movementsFromHistory(rows, period);
    const actual = [f.movements.net, f.startMrr, f.endMrr, f.cohort.size, f.cohort.churned];
    expect(actual).toEqual([net, start, end, cohort, churned]);
    expect(f.movements.net).toBe(f.endMrr - f.startMrr);
  });

  it('a first row at 0 followed by MRR is new, not reactivation', () => {
    const f = movementsFromHistory([a('2025-01-02', 0), a('2025-01-03', 400)], period);
    expect([f.movements.newMrr, f.movements.reactivation]).toEqual([400, 0]);
  });

  it.each([
    { name: 'a bad change date', rows: [change('a', '2025-1-2', 100)], p: period },
    { name: 'a bad period date', rows: [], p: { start: '2025-01-01T00:00', end: '2025-02-01' } },
    { name: 'a period that ends before it starts', rows: [], p: { start: '2025-02-01', end: '2025-01-01' } },
  ])('refuses $name', ({ rows, p }) => {
    expect(() => movementsFromHistory(rows, p)).toThrow(RangeError);
  });
});

// A seeded generator, so a failure reproduces: random books of up to 8 accounts × 8 changes around the period.
function randomBook(seed: number): RevenueChangeRow[] {
  let s = seed;
  const next = (n: number) => ((s = (s * 48_271) % 2_147_483_647), s % n); // MINSTD, exact in doubles
  const dates = ['2024-11-15', '2024-12-31', '2025-01-01', '2025-01-10', '2025-01-10', '2025-01-31', '2025-02-01'];
  return Array.from({ length: 1 + next(8) }, (_, a) =>
    Array.from({ length: next(9) }, () =>
      change(`acct-${a}`, dates[next(dates.length)], next(3) === 0 ? 0 : 100 * next(50), next(1000)),
    ),
  ).flat();
}

describe('movementsFromHistory invariant over random books', () => {
  it.each(Array.from({ length: 200 }, (_, i) => ({ seed: i + 1 })))('seed $seed: net = end − start', ({ seed }) => {
    const f = movementsFromHistory(randomBook(seed), period);
    const m = f.movements;
    expect(m.net).toBe(f.endMrr - f.startMrr);
    expect(m.newMrr + m.expansion + m.reactivation - m.contraction - m.churn).toBe(m.net);
    expect(f.cohort.cappedEndMrr).toBeLessThanOrEqual(f.cohort.startMrr);
    expect(f.cohort.churned).toBeLessThanOrEqual(f.cohort.size);
  });
});
