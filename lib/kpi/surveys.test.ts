import { describe, it, expect } from 'vitest';
import { ces, csat, nps, npsFromScores, wilsonInterval } from './surveys';

// Compares a { score, low, high } result with toBeCloseTo at 10 decimals (n and the rest exactly).
function expectScore(actual: Record<string, unknown> | null, expected: Record<string, unknown> | null) {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number' && !Number.isInteger(value)) expect(actual![key]).toBeCloseTo(value, 10);
    else expect(actual![key]).toBe(value);
  }
}

const c = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe('nps', () => {
  it.each([
    { name: 'no answers', counts: c(0, 0, 0), expected: null },
    // p = 1, d = 0: p + d − (p − d)² = 0, so the interval collapses onto the score.
    { name: 'all promoters', counts: c(12, 0, 0), expected: { score: 100, n: 12, low: 100, high: 100 } },
    { name: 'all detractors', counts: c(0, 0, 7), expected: { score: -100, n: 7, low: -100, high: -100 } },
    { name: 'all passives', counts: c(0, 5, 0), expected: { score: 0, n: 5, low: 0, high: 0 } },
    { name: 'a single promoter', counts: c(1, 0, 0), expected: { score: 100, n: 1, low: 100, high: 100 } },
    { name: 'a single detractor', counts: c(0, 0, 1), expected: { score: -100, n: 1, low: -100, high: -100 } },
    // The textbook mix, n = 100, p = 0.5, d = 0.2: NPS = 50 − 20 = 30.
    // p + d − (p − d)² = 0.7 − 0.09 = 0.61; √(0.61 / 100) = √0.0061 = 0.078102496759…;
    // × 1.96 × 100 = 15.308089364777 → 30 ± 15.308 = [14.691910635223, 45.308089364777].
    {
      name: 'textbook 50 / 30 / 20',
      counts: c(50, 30, 20),
      expected: { score: 30, n: 100, low: 14.691910635223, high: 45.308089364777 },
    },
    // One promoter, one detractor: p = d = 0.5, variance term = 1, half width = 196 × √(1/2) = 138.59 → clipped.
    { name: 'a split pair, clipped', counts: c(1, 0, 1), expected: { score: 0, n: 2, low: -100, high: 100 } },
    // 2 promoters, 1 detractor: NPS = 33.333…; p + d = 1, (p − d)² = 1/9, so the term is 8/9;
    // √(8/9 ÷ 3) = 0.544331053952; × 196 = 106.688886575 → [−73.355553241, 140.02…], high clipped to 100.
    {
      name: 'a small sample, high clipped',
      counts: c(2, 0, 1),
      expected: { score: 33.333333333333, n: 3, low: -73.355553241223, high: 100 },
    },
  ])('$name', ({ counts, expected }) => {
    expectScore(nps(counts), expected);
  });

  it.each([c(-1, 0, 0), c(1.5, 0, 0)])(
    'refuses a count that is not a whole number ≥ 0: %o',
    (counts) => {
      expect(() => nps(counts)).toThrow(RangeError);
    },
  );
});

describe('npsFromScores', () => {
  it.each([
    { scores: [], expected: null },
    { scores: [9, 10], expected: { score: 100, n: 2 } },
    { scores: [7, 8], expected: { score: 0, n: 2 } },
    // Boundaries: 6 is a detractor, 7 and 8 passives, 9 a promoter.
    { scores: [0, 6, 7, 8, 9, 10], expected: { score: 0, n: 6 } },
    { scores: [10, 10, 10, 6], expected: { score: 50, n: 4 } },
  ])('$scores → $expected', ({ scores, expected }) => {
    expectScore(npsFromScores(scores), expected);
  });

  it.each([[[11]], [[-1]], [[7.5]]])('refuses %o', (scores) => {
    expect(() => npsFromScores(scores)).toThrow(RangeError);
  });
});

describe('wilsonInterval and csat', () => {
  it.each([
    { successes: 0, n: 0, expected: null },
    // 80 of 100: p̂ = 0.8, z² = 3.8416; centre = (0.8 + 0.019208) ÷ 1.038416 = 0.788901…;
    // half = (1.96 ÷ 1.038416) × √(0.0016 + 0.00009604) = 0.077737… → [71.1169, 86.6634] %.
    { successes: 80, n: 100, expected: { low: 71.116903807350, high: 86.663407744090 } },
    // Unlike the normal interval, Wilson does not collapse at 0 % or 100 %.
    { successes: 10, n: 10, expected: { low: 72.245983123338, high: 100 } },
    { successes: 0, n: 10, expected: { low: 0, high: 27.754016876662 } },
    { successes: 1, n: 1, expected: { low: 20.654329147389, high: 100 } },
  ])('$successes of $n → $expected', ({ successes, n, expected }) => {
    expectScore(wilsonInterval(successes, n), expected);
  });

  it.each([
    { input: { satisfied: 0, n: 0 }, expected: null },
    {
      input: { satisfied: 80, n: 100 },
      expected: { score: 80, n: 100, low: 71.11690380735, high: 86.66340774409, mean: null },
    },
    // Answers 5, 5, 4, 2: 3 of 4 satisfied, mean 16 ÷ 4 = 4.
    { input: { satisfied: 3, n: 4, sum: 16 }, expected: { score: 75, n: 4, mean: 4 } },
    { input: { satisfied: 1, n: 3, sum: 8 }, expected: { score: 33.333333333333, n: 3, mean: 2.666666666667 } },
  ])('csat($input) → $expected', ({ input, expected }) => {
    expectScore(csat(input), expected);
  });

  it('refuses more satisfied answers than answers', () => {
    expect(() => csat({ satisfied: 5, n: 4 })).toThrow(RangeError);
  });
});

// The sums SQL would produce for a list of 1–7 answers.
const cesInput = (answers: number[]) => ({
  n: answers.length,
  sum: answers.reduce((a, b) => a + b, 0),
  sumSquares: answers.reduce((a, b) => a + b * b, 0),
  agree: answers.filter((a) => a >= 5).length,
});

describe('ces', () => {
  it.each([
    { answers: [], expected: null },
    // One answer: the sample sd (n − 1 = 0) is undefined, so there is no interval.
    { answers: [6], expected: { score: 6, n: 1, low: null, high: null, percentAgree: 100 } },
    // 1, 3, 5, 7: mean 4; s² = (84 − 16² ÷ 4) ÷ 3 = 20 ÷ 3, s = 2.581988897472;
    // half = 1.96 × s ÷ √4 = 2.530349119522 → [1.469650880478, 6.530349119522]; 5 and 7 agree: 50 %.
    {
      answers: [1, 3, 5, 7],
      expected: { score: 4, n: 4, low: 1.469650880478, high: 6.530349119522, percentAgree: 50 },
    },
    // Every answer the same: sd 0, the interval is the mean.
    { answers: [5, 5, 5], expected: { score: 5, n: 3, low: 5, high: 5, percentAgree: 100 } },
    // 1 and 7: s = √18, half = 1.96 × √18 ÷ √2 = 5.88 → [−1.88, 9.88] clipped to the 1–7 scale.
    { answers: [1, 7], expected: { score: 4, n: 2, low: 1, high: 7, percentAgree: 50 } },
    // 4 is neutral, not agreement.
    { answers: [4, 4, 5], expected: { score: 4.333333333333, n: 3, percentAgree: 33.333333333333 } },
  ])('$answers → $expected', ({ answers, expected }) => {
    expectScore(ces(cesInput(answers)), expected);
  });

  it('refuses more agreeing answers than answers', () => {
    expect(() => ces({ n: 2, sum: 12, sumSquares: 72, agree: 3 })).toThrow(RangeError);
  });
});
