// Display formatting of KPI values (Intl, en-US). Money arrives in minor units of the org's currency.
import { addDays, type Period } from '@/lib/kpi/period';
import type { KpiUnit } from '@/lib/dal/kpis/types';

const LOCALE = 'en-US';

/** How many minor units a currency has (2 for USD, 0 for JPY), from Intl. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units to major units (cents to dollars), for charts that plot money. */
export const toMajor = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

/** Money in minor units, whole major units (ARR in the millions needs no cents). */
export function formatMoney(minor: number, currency: string, opts: { signed?: boolean } = {}): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency', currency, maximumFractionDigits: 0, signDisplay: opts.signed ? 'exceptZero' : 'auto',
  }).format(toMajor(minor, currency));
}

/** A value of a KPI unit; percent with one decimal. */
export function formatValue(value: number, unit: KpiUnit, currency: string): string {
  switch (unit) {
    case 'money': return formatMoney(value, currency);
    case 'percent': return `${new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
    case 'ratio': return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'days': return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(value)} days`;
    case 'score': return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    default: return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 }).format(value);
  }
}

/**
 * The size of a change in a KPI unit, without sign (the arrow and word carry the direction); percent as points. A
 * ratio's change is signed with one decimal ("+0.4"): a difference of two ratios, which a "%" would misread.
 */
export function formatChange(diff: number, unit: KpiUnit, currency: string): string {
  const size = Math.abs(diff);
  if (unit === 'percent') return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(size)} pts`;
  if (unit === 'ratio') {
    return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(diff);
  }
  return formatValue(size, unit, currency);
}

const dateFmt = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date (YYYY-MM-DD) as "Mar 5, 2026". */
export const formatDate = (date: string) => dateFmt.format(new Date(`${date}T00:00:00Z`));

/** The month of a date as "Mar 2026". */
export const formatMonth = (date: string) => monthFmt.format(new Date(`${date}T00:00:00Z`));

/** A period [start, end) as its first and last day. */
export const formatPeriod = (p: Period) => `${formatDate(p.start)} – ${formatDate(addDays(p.end, -1))}`;
