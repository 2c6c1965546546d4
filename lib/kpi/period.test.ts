import { describe, it, expect } from 'vitest';
import {
  addDays, addMonths, assertPeriod, customPeriod, daysBetween, isIsoDate, last30Days, monthlyBuckets, periodOf,
  previousPeriod, startOfMonth, todayIn, trailingMonths, trailingMonthWindows,
} from './period';

describe('date arithmetic', () => {
  it.each([
    { date: '2025-02-28', ok: true },
    { date: '2024-02-29', ok: true },
    { date: '2025-02-29', ok: false },
    { date: '2025-13-01', ok: false },
    { date: '2025-1-01', ok: false },
    { date: '2025-01-01T00:00', ok: false },
    { date: '', ok: false },
  ])('isIsoDate($date) → $ok', ({ date, ok }) => {
    expect(isIsoDate(date)).toBe(ok);
  });

  it.each([
    { date: '2025-01-31', days: 1, expected: '2025-02-01' },
    { date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { date: '2025-03-01', days: -1, expected: '2025-02-28' },
    { date: '2025-12-31', days: 1, expected: '2026-01-01' },
    // Across a DST change: calendar days, not 24-hour steps in some zone.
    { date: '2025-03-29', days: 2, expected: '2025-03-31' },
  ])('addDays($date, $days) → $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    { date: '2025-01-31', months: 1, expected: '2025-02-28' },
    { date: '2024-01-31', months: 1, expected: '2024-02-29' },
    { date: '2025-03-31', months: -1, expected: '2025-02-28' },
    { date: '2025-11-15', months: 3, expected: '2026-02-15' },
    { date: '2025-01-01', months: -12, expected: '2024-01-01' },
    { date: '2025-01-01', months: -13, expected: '2023-12-01' },
  ])('addMonths($date, $months) → $expected (clamped like PostgreSQL)', ({ date, months, expected }) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('daysBetween and startOfMonth', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
    expect(startOfMonth('2025-07-19')).toBe('2025-07-01');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('yesterday', 1)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it.each([
    { kind: 'month', date: '2025-02-14', start: '2025-02-01', end: '2025-03-01' },
    { kind: 'month', date: '2025-12-31', start: '2025-12-01', end: '2026-01-01' },
    { kind: 'quarter', date: '2025-02-14', start: '2025-01-01', end: '2025-04-01' },
    { kind: 'quarter', date: '2025-06-30', start: '2025-04-01', end: '2025-07-01' },
    { kind: 'quarter', date: '2025-10-01', start: '2025-10-01', end: '2026-01-01' },
    { kind: 'year', date: '2024-02-29', start: '2024-01-01', end: '2025-01-01' },
  ] as const)('the $kind of $date is [$start, $end)', ({ kind, date, start, end }) => {
    expect(periodOf(kind, date)).toEqual({ kind, start, end });
  });

  it.each([
    { period: periodOf('month', '2025-03-10'), expected: { kind: 'month', start: '2025-02-01', end: '2025-03-01' } },
    { period: periodOf('month', '2025-01-10'), expected: { kind: 'month', start: '2024-12-01', end: '2025-01-01' } },
    { period: periodOf('quarter', '2025-01-10'), expected: { kind: 'quarter', start: '2024-10-01', end: '2025-01-01' } },
    { period: periodOf('year', '2025-05-05'), expected: { kind: 'year', start: '2024-01-01', end: '2025-01-01' } },
    {
      period: customPeriod('2025-03-10', '2025-03-20'),
      expected: { kind: 'custom', start: '2025-02-28', end: '2025-03-10' },
    },
  ])('previousPeriod of $period.start – $period.end', ({ period, expected }) => {
    expect(previousPeriod(period)).toEqual(expected);
  });

  it.each([
    { start: '2025-03-01', end: '2025-03-01' },
    { start: '2025-03-02', end: '2025-03-01' },
    { start: '2025-02-30', end: '2025-03-01' },
  ])('customPeriod refuses [$start, $end)', ({ start, end }) => {
    expect(() => customPeriod(start, end)).toThrow(RangeError);
  });

  it('assertPeriod accepts a one-day period', () => {
    expect(() => assertPeriod({ kind: 'custom', start: '2025-03-01', end: '2025-03-02' })).not.toThrow();
  });

  it('trailing 12 months end the day after the as-of date', () => {
    expect(trailingMonths('2025-06-14', 12)).toEqual({ kind: 'custom', start: '2024-06-15', end: '2025-06-15' });
    expect(trailingMonths('2025-05-31', 12)).toEqual({ kind: 'custom', start: '2024-06-01', end: '2025-06-01' });
  });

  it('the last 30 days include the as-of date', () => {
    const range = last30Days('2025-03-05');
    expect(range).toEqual({ start: '2025-02-04', end: '2025-03-06' });
    expect(daysBetween(range.start, range.end)).toBe(30);
  });
});

describe('monthlyBuckets', () => {
  it('a quarter is three whole months', () => {
    expect(monthlyBuckets(periodOf('quarter', '2025-05-01'))).toEqual([
      { start: '2025-04-01', end: '2025-05-01' },
      { start: '2025-05-01', end: '2025-06-01' },
      { start: '2025-06-01', end: '2025-07-01' },
    ]);
  });

  it('a custom period is clipped at both ends', () => {
    expect(monthlyBuckets(customPeriod('2025-01-15', '2025-03-10'))).toEqual([
      { start: '2025-01-15', end: '2025-02-01' },
      { start: '2025-02-01', end: '2025-03-01' },
      { start: '2025-03-01', end: '2025-03-10' },
    ]);
  });

  it('a period inside one month is one bucket', () => {
    expect(monthlyBuckets(customPeriod('2025-01-05', '2025-01-06'))).toEqual([{ start: '2025-01-05', end: '2025-01-06' }]);
  });

  it('a year has 12 buckets that tile it', () => {
    const buckets = monthlyBuckets(periodOf('year', '2024-07-01'));
    expect(buckets).toHaveLength(12);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i].start).toBe(buckets[i - 1].end);
    expect([buckets[0].start, buckets[11].end]).toEqual(['2024-01-01', '2025-01-01']);
  });
});

describe('trailingMonthWindows', () => {
  it('six month-long windows ending at the end, oldest first', () => {
    const windows = trailingMonthWindows('2025-04-01', 6);
    expect(windows.map((w) => w.start)).toEqual(['2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01']);
    expect(windows.at(-1)).toEqual({ start: '2025-03-01', end: '2025-04-01' });
  });

  it('each window is computed from the end, so month lengths clamp', () => {
    expect(trailingMonthWindows('2025-03-31', 2)).toEqual([
      { start: '2025-01-31', end: '2025-02-28' },
      { start: '2025-02-28', end: '2025-03-31' },
    ]);
  });
});

describe('todayIn', () => {
  // 2025-03-01T03:30Z is still Feb 28 in New York (UTC−5) and already the afternoon of Mar 1 in Auckland (UTC+13).
  const instant = new Date('2025-03-01T03:30:00Z');
  it.each([
    { zone: 'UTC', expected: '2025-03-01' },
    { zone: 'America/New_York', expected: '2025-02-28' },
    { zone: 'Pacific/Auckland', expected: '2025-03-01' },
    { zone: 'Asia/Kolkata', expected: '2025-03-01' },
  ])('$zone → $expected', ({ zone, expected }) => {
    expect(todayIn(zone, instant)).toBe(expected);
  });

  it('refuses an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus_Mons', instant)).toThrow(RangeError);
  });
});
