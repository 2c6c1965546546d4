import { describe, expect, it } from 'vitest';
import { parseDashboardParams, resolveDashboardPeriod } from './dashboard';

const today = '2026-05-14';
const resolve = (raw: Record<string, string>) => resolveDashboardPeriod(parseDashboardParams(raw), today);

describe('dashboard params', () => {
  it('defaults to the last 12 months of all accounts; bad values fall back', () => {
    expect(parseDashboardParams({})).toEqual({ period: 'last12', scope: 'all' });
    expect(parseDashboardParams({ period: 'forever', scope: ['mine', 'all'], from: 'x' })).toEqual({ period: 'last12', scope: 'mine' });
    expect(resolve({}).period).toEqual({ kind: 'custom', start: '2025-05-15', end: '2026-05-15' });
  });

  it.each([
    ['this_month', { kind: 'month', start: '2026-05-01', end: '2026-06-01' }],
    ['last_month', { kind: 'month', start: '2026-04-01', end: '2026-05-01' }],
    ['this_quarter', { kind: 'quarter', start: '2026-04-01', end: '2026-07-01' }],
    ['last_quarter', { kind: 'quarter', start: '2026-01-01', end: '2026-04-01' }],
  ])('%s', (period, expected) => {
    expect(resolve({ period })).toEqual({ period: expected, choice: period, customError: null });
  });

  it('a custom range includes its end date; a wrong one falls back with a reason', () => {
    expect(resolve({ period: 'custom', from: '2026-01-10', to: '2026-01-10' }).period).toEqual({ kind: 'custom', start: '2026-01-10', end: '2026-01-11' });
    expect(resolve({ period: 'custom', from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ choice: 'last12', customError: 'The start date must not be after the end date.' });
    expect(resolve({ period: 'custom', from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ choice: 'last12', customError: 'Enter both dates as YYYY-MM-DD.' });
  });
});
