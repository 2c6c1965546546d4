import { describe, expect, it } from 'vitest';
import { compareKpi } from '@/components/dashboard/compare';
import type { Kpi, KpiUnit } from '@/lib/dal/kpis/types';

// Pure: how a KPI card words its change vs the previous period (no database needed; kept with the KPI tests because
// the unit project only collects lib/**).
const k = (unit: KpiUnit, value: number | null, reason: string | null = null): Kpi => ({
  label: 'X', unit, nOf: 'accounts', definition: 'd', value, n: 1, reason: value === null ? (reason ?? 'none') : null,
});

describe('compareKpi', () => {
  it('a ratio moves by a signed difference with one decimal and names the value it moved from', () => {
    expect(compareKpi(k('ratio', 2.5), k('ratio', 2.1), 'USD')).toEqual({ kind: 'moved', direction: 'up', text: '+0.4', good: true, previous: '2.10' });
    expect(compareKpi(k('ratio', 5.06), k('ratio', 1519.27), 'USD')).toEqual({
      kind: 'moved', direction: 'down', text: '-1,514.2', good: false, previous: '1,519.27',
    });
  });

  it('no ratio in the previous period: "—" with the previous period’s reason', () => {
    const c = compareKpi(k('ratio', 3), k('ratio', null, 'Nothing was lost.'), 'USD');
    expect(c).toEqual({ kind: 'none', text: '—', reason: 'No comparison: the previous period has no value. Nothing was lost.' });
  });

  it('percent moves in points, money in the currency, churn-like KPIs are bad when up', () => {
    expect(compareKpi(k('percent', 92.25), k('percent', 90), 'USD')).toEqual({ kind: 'moved', direction: 'up', text: 'up 2.3 pts', good: true });
    expect(compareKpi(k('percent', 5), k('percent', 4), 'USD', false)).toMatchObject({ direction: 'up', good: false });
    expect(compareKpi(k('money', 100_00), k('money', 250_00), 'USD')).toMatchObject({ text: 'down $150', good: false });
  });

  it('a change below the display precision is unchanged', () => {
    expect(compareKpi(k('ratio', 2.01), k('ratio', 2.02), 'USD').kind).toBe('flat');
    expect(compareKpi(k('percent', 90.01), k('percent', 90.02), 'USD').kind).toBe('flat');
  });

  it('a health score (average) moves with one decimal against the period start; at-risk counts are bad when up', () => {
    const start = 'the period start';
    expect(compareKpi(k('score', 61.25), k('score', 58.75), 'USD', true, start)).toEqual({ kind: 'moved', direction: 'up', text: 'up 2.5', good: true });
    expect(compareKpi(k('score', 61.24), k('score', 61.21), 'USD', true, start)).toEqual({ kind: 'flat', text: 'Unchanged vs the period start' });
    expect(compareKpi(k('count', 4), k('count', 2), 'USD', false, start)).toEqual({ kind: 'moved', direction: 'up', text: 'up 2', good: false });
    expect(compareKpi(k('score', 60), k('score', null, 'No daily score was stored.'), 'USD', true, start))
      .toEqual({ kind: 'none', text: '—', reason: 'No comparison: the period start has no value. No daily score was stored.' });
  });
});
