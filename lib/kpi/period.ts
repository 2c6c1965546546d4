// Period math for KPIs (DESIGN.md "KPIs"). A period is [start, end) of calendar dates (YYYY-MM-DD) in the org's
// timezone: "at start" means after every change dated before start, "at end" after every change dated before end.
// Pure: no db/, no next/; the SQL receives these dates as parameters.

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
/** [start, end) in calendar dates of the org's timezone; end is exclusive. */
export type Period = Readonly<{ kind: PeriodKind; start: string; end: string }>;
/** A half-open date range [start, end) without a kind: a bucket of a series or a trailing window. */
export type DateRange = Readonly<{ start: string; end: string }>;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const m = ISO.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(date: string): boolean {
  const m = ISO.exec(date);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number(m[1]) >= 1 && fromUtc(ms) === date;
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** The date `months` months after `date`, the day clamped to the month's last day (as PostgreSQL's date + interval). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return ymd(year, month, Math.min(d, last));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / DAY_MS);
}

/** The first day of the month that contains `date`. */
export function startOfMonth(date: string): string {
  const [y, m] = parts(date);
  return ymd(y, m, 1);
}

/** The calendar month, quarter or year that contains `date`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, date: string): Period {
  const [y, m] = parts(date);
  if (kind === 'month') return { kind, start: ymd(y, m, 1), end: addMonths(ymd(y, m, 1), 1) };
  if (kind === 'quarter') {
    const first = ymd(y, m - ((m - 1) % 3), 1);
    return { kind, start: first, end: addMonths(first, 3) };
  }
  return { kind, start: ymd(y, 1, 1), end: ymd(y + 1, 1, 1) };
}

/** A custom period [start, end); throws RangeError unless both are dates and start < end. */
export function customPeriod(start: string, end: string): Period {
  const period: Period = { kind: 'custom', start, end };
  assertPeriod(period);
  return period;
}

/** Throws RangeError unless the period's dates are real dates and start < end. */
export function assertPeriod(period: Period): void {
  parts(period.start);
  parts(period.end);
  if (period.start >= period.end) throw new RangeError(`The period must start before it ends: ${period.start} – ${period.end}`);
}

/** The period just before: the previous month, quarter or year; for a custom period, as many days ending at its start. */
export function previousPeriod(period: Period): Period {
  assertPeriod(period);
  if (period.kind !== 'custom') return periodOf(period.kind, addDays(period.start, -1));
  return { kind: 'custom', start: addDays(period.start, -daysBetween(period.start, period.end)), end: period.start };
}

/** The trailing `months` months up to and including `asOf`: [asOf + 1 day − months, asOf + 1 day), a custom period. */
export function trailingMonths(asOf: string, months: number): Period {
  const end = addDays(asOf, 1);
  return { kind: 'custom', start: addMonths(end, -months), end };
}

/** The 30 calendar days up to and including `asOf` (the window of MAU and license utilization). */
export const last30Days = (asOf: string): DateRange => ({ start: addDays(asOf, -29), end: addDays(asOf, 1) });

/**
 * The calendar months that overlap the period, clipped to it, oldest first: a monthly series. The same buckets as the
 * SQL series (generate_series over the months from the start's month, clipped with greatest/least).
 */
export function monthlyBuckets(period: Period): DateRange[] {
  assertPeriod(period);
  const buckets: DateRange[] = [];
  for (let month = startOfMonth(period.start); month < period.end; month = addMonths(month, 1)) {
    const next = addMonths(month, 1);
    buckets.push({ start: month < period.start ? period.start : month, end: next > period.end ? period.end : next });
  }
  return buckets;
}

/** `count` month-long windows ending at `end`, oldest first: [end − k months, end − (k − 1) months) for k = count..1. */
export function trailingMonthWindows(end: string, count: number): DateRange[] {
  parts(end);
  return Array.from({ length: count }, (_, i) => {
    const k = count - i;
    return { start: addMonths(end, -k), end: addMonths(end, -(k - 1)) };
  });
}

/** Today's calendar date in an IANA timezone (e.g. 'Europe/Berlin'); throws RangeError for an unknown zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const get = (type: string) => f.formatToParts(now).find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
