// The change of a KPI against the previous period, as the card shows it: direction, size, and whether it is good.
import type { Kpi } from '@/lib/dal/kpis/types';
import { formatChange } from './format';

export type Change =
  | { kind: 'none'; text: string }
  | { kind: 'flat'; text: string }
  | { kind: 'moved'; direction: 'up' | 'down'; size: string; good: boolean };

/** Compares a KPI with the same KPI of the previous period; `upIsGood` false for churn-like KPIs. */
export function compareKpi(current: Kpi, previous: Kpi, currency: string, upIsGood = true): Change {
  if (current.value === null || previous.value === null) return { kind: 'none', text: 'No comparison: the previous period has no value.' };
  const diff = current.value - previous.value;
  const size = formatChange(diff, current.unit, currency);
  // below the display precision it reads as unchanged, not as "up 0.0 pts"
  if (diff === 0 || /^[^1-9]*$/.test(size)) return { kind: 'flat', text: 'Unchanged vs the previous period' };
  const direction = diff > 0 ? 'up' : 'down';
  return { kind: 'moved', direction, size, good: (direction === 'up') === upIsGood };
}
