import { addDays, addMonths, startOfMonth } from '@/lib/kpi/period';

// Distinct active users over a day range come from usage_user_months (one active-day bitmask per account, user and
// month: bit d-1 = day d), as in lib/dal/kpis/usage.ts. A range maps to (month, mask) pairs; a user counts when a
// row of theirs meets its month's mask.

export type MonthMask = { month: string; mask: number };

/** Bits first-1 … last-1 set; arithmetic, not `<<`, so day 31 stays a positive int4. */
const dayMask = (first: number, last: number): number => 2 ** last - 2 ** (first - 1);

/** The (month, mask) pairs covering the days first … last (inclusive, YYYY-MM-DD), oldest first. */
export function monthMasks(first: string, last: string): MonthMask[] {
  const out: MonthMask[] = [];
  for (let m = startOfMonth(first); m <= last; m = addMonths(m, 1)) {
    const from = m === startOfMonth(first) ? Number(first.slice(8, 10)) : 1;
    // 31 covers any month length: days past a month's end never have a bit set
    const to = m === startOfMonth(last) ? Number(last.slice(8, 10)) : 31;
    out.push({ month: m, mask: dayMask(from, to) });
  }
  return out;
}

/** The two 30-day windows "month over month" compares: the 30 days up to today and the 30 before them. */
export function usageWindows(today: string): { current: MonthMask[]; previous: MonthMask[]; firstMonth: string } {
  const previous = monthMasks(addDays(today, -59), addDays(today, -30));
  return { current: monthMasks(addDays(today, -29), today), previous, firstMonth: previous[0].month };
}
