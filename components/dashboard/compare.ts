// The change of a KPI against the previous period, as the card shows it: direction, size, and whether it is good.
import type { Kpi } from '@/lib/dal/kpis/types';
import { formatChange, formatValue } from './format';

export type Change =
  /** No comparison: "—", with why (e.g. the previous period has no ratio because nothing was lost). */
  | { kind: 'none'; text: string; reason: string }
  | { kind: 'flat'; text: string }
  /** `text` reads "up $1,200", "down 2.5 pts" or, for a ratio, "+0.4" (a ratio's change is a difference, not a %). */
  | { kind: 'moved'; direction: 'up' | 'down'; text: string; good: boolean; previous?: string };

/**
 * Compares a KPI with the same KPI of the previous period (or another reference, `against`, e.g. "the period
 * start"); `upIsGood` false for churn-like KPIs.
 */
export function compareKpi(current: Kpi, previous: Kpi, currency: string, upIsGood = true, against = 'the previous period'): Change {
  if (current.value === null) return { kind: 'none', text: '—', reason: 'No comparison: this period has no value.' };
  if (previous.value === null) {
    return { kind: 'none', text: '—', reason: `No comparison: ${against} has no value. ${previous.reason ?? ''}`.trim() };
  }
  const diff = current.value - previous.value;
  const size = formatChange(diff, current.unit, currency);
  // below the display precision it reads as unchanged, not as "up 0.0 pts"
  if (diff === 0 || /^[^1-9]*$/.test(size)) return { kind: 'flat', text: `Unchanged vs ${against}` };
  const direction = diff > 0 ? 'up' : 'down';
  const good = (direction === 'up') === upIsGood;
  // a ratio's difference means little without the value it moved from (1,519 → 5 after a quiet period)
  if (current.unit === 'ratio') return { kind: 'moved', direction, text: size, good, previous: formatValue(previous.value, 'ratio', currency) };
  return { kind: 'moved', direction, text: `${direction} ${size}`, good };
}
