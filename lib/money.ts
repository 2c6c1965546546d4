// Money is stored as integer minor units (cents) with an ISO 4217 code. Users type major units
// ("1,250.50"); parseMajorUnits turns that text into minor units with string arithmetic, never floats.
import { z } from 'zod';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${currency}/${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) });
    formatters.set(key, f);
  }
  return f;
}

/** Digits after the decimal point of a currency's minor unit: 2 for USD, 0 for JPY. */
export function minorDigits(currency: string): number {
  return formatter(currency, false).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units in words: 120000 USD -> "$1,200.00"; zero is written "$0" (a churn reads "→ $0"). */
export function formatMoney(minor: number, currency: string): string {
  const units = minor / 10 ** minorDigits(currency);
  return formatter(currency, minor === 0).format(units);
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

// Digits with optional thousands commas in groups of three ("1,250" but not "12,50"), then an optional fraction.
const AMOUNT = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/;

/**
 * An amount typed in major units ("1,250.50", "1250.5", "0") as integer minor units of a currency
 * with `digits` decimals (2 for USD: 125050). Refuses negatives, more decimals than the currency
 * has, and anything that is not a plain number (exponents, letters, misplaced commas).
 */
export function parseMajorUnits(text: string, digits = 2): ParsedAmount {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Enter an amount.' };
  if (/^-/.test(t)) return { ok: false, message: 'The amount cannot be negative.' };
  const m = AMOUNT.exec(t);
  if (!m) return { ok: false, message: `Enter a number like ${digits > 0 ? '1,250.50' : '1,250'}.` };
  const whole = (m[1] ?? '0').replace(/,/g, '');
  const fraction = m[2] ?? m[3] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) {
    return { ok: false, message: digits === 0 ? 'This currency has no decimals: enter a whole amount.' : `Use at most ${digits} decimals.` };
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'That amount is larger than we can store.' };
  return { ok: true, minor: Number(minor) };
}

/** Minor units as the text a user would type back (no symbol, no grouping): 125050 USD -> "1250.50". */
export function toMajorInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const s = String(minor).padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/**
 * A form field typed in major units of `currency`, parsed to integer minor units. `positive` makes 0 an
 * error with that message; `optional` lets a blank field through as undefined.
 */
export function majorUnitsSchema(currency: string, opts: { positive?: string } = {}) {
  const digits = minorDigits(currency);
  return z.string({ message: 'Enter an amount.' }).transform((text, ctx) => {
    const r = parseMajorUnits(text, digits);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    if (opts.positive && r.minor === 0) {
      ctx.addIssue({ code: 'custom', message: opts.positive });
      return z.NEVER;
    }
    return r.minor;
  });
}

/** Like majorUnitsSchema, but a blank or missing field is undefined (e.g. the renewed ARR of a churned renewal). */
export const optionalMajorUnitsSchema = (currency: string) =>
  z.preprocess((v) => (v == null || (typeof v === 'string' && v.trim() === '') ? undefined : v), majorUnitsSchema(currency).optional());
