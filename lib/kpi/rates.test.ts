import { describe, it, expect } from 'vitest';
import {
  adoption,
  firstContactResolution,
  licenseUtilization,
  logoChurnRate,
  median,
  onboardingCompletion,
  percent,
} from './rates';

describe('percent', () => {
  it.each([
    { numerator: 16, denominator: 18, expected: 88.88888888888889 },
    { numerator: 1, denominator: 4, expected: 25 },
    { numerator: 0, denominator: 5, expected: 0 },
    { numerator: 5, denominator: 5, expected: 100 },
    { numerator: 3, denominator: 2, expected: 150 },
    { numerator: 0, denominator: 0, expected: null },
    { numerator: 7, denominator: 0, expected: null },
    { numerator: null, denominator: 10, expected: null },
    { numerator: 10, denominator: null, expected: null },
  ])('$numerator / $denominator → $expected', ({ numerator, denominator, expected }) => {
    expect(percent(numerator, denominator)).toBe(expected);
  });

  it('keeps full precision (16/18 = 88.888…%)', () => {
    expect(percent(16, 18)).toBeCloseTo(88.88888888888889, 10);
  });
});

describe('logoChurnRate', () => {
  it.each([
    { cohortSize: 50, churnedInCohort: 1, expected: 2 },
    { cohortSize: 18, churnedInCohort: 2, expected: 11.11111111111111 },
    { cohortSize: 10, churnedInCohort: 0, expected: 0 },
    { cohortSize: 10, churnedInCohort: 10, expected: 100 },
    { cohortSize: 0, churnedInCohort: 0, expected: null },
  ])('$churnedInCohort of $cohortSize → $expected', ({ expected, ...input }) => {
    expect(logoChurnRate(input)).toBe(expected);
  });
});

describe('firstContactResolution', () => {
  it.each([
    { resolvedFirstContact: 16, closed: 18, expected: 88.88888888888889 },
    { resolvedFirstContact: 0, closed: 3, expected: 0 },
    { resolvedFirstContact: 0, closed: 0, expected: null },
  ])('$resolvedFirstContact of $closed → $expected', ({ expected, ...input }) => {
    expect(firstContactResolution(input)).toBe(expected);
  });
});

describe('licenseUtilization', () => {
  it.each([
    { activeUsers: 8, seats: 10, expected: 80 },
    { activeUsers: 0, seats: 10, expected: 0 },
    // Uncapped as a KPI: over-use is worth seeing (the health factor caps it).
    { activeUsers: 12, seats: 10, expected: 120 },
    // A group: Σ active users ÷ Σ seats over accounts with seats (7 + 3) ÷ (10 + 20).
    { activeUsers: 7 + 3, seats: 10 + 20, expected: 33.333333333333336 },
    { activeUsers: 5, seats: 0, expected: null },
    { activeUsers: 5, seats: null, expected: null },
  ])('$activeUsers users on $seats seats → $expected', ({ expected, ...input }) => {
    expect(licenseUtilization(input)).toBe(expected);
  });
});

describe('adoption', () => {
  it.each([
    { accountsUsing: 3, activeAccounts: 4, expected: 75 },
    { accountsUsing: 0, activeAccounts: 4, expected: 0 },
    { accountsUsing: 0, activeAccounts: 0, expected: null },
  ])('$accountsUsing of $activeAccounts → $expected', ({ expected, ...input }) => {
    expect(adoption(input)).toBe(expected);
  });
});

describe('onboardingCompletion', () => {
  it.each([
    { completed: 16, total: 18, expected: 88.88888888888889 },
    { completed: 0, total: 2, expected: 0 },
    { completed: 0, total: 0, expected: null },
  ])('$completed of $total → $expected', ({ expected, ...input }) => {
    expect(onboardingCompletion(input)).toBe(expected);
  });
});

describe('median', () => {
  it.each([
    { values: [], expected: null },
    { values: [7], expected: 7 },
    { values: [3, 1, 2], expected: 2 },
    { values: [10, 2, 4, 8], expected: 6 },
    { values: [1, 2], expected: 1.5 },
    { values: [5, 5, 5, 5], expected: 5 },
    { values: [30, -1, 0], expected: 0 },
    // Numeric, not lexicographic, order: [2, 10, 100] not [10, 100, 2].
    { values: [100, 2, 10], expected: 10 },
  ])('median($values) → $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
