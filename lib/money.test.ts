import { describe, expect, it } from 'vitest';
import { formatMoney, majorUnitsSchema, minorDigits, optionalMajorUnitsSchema, parseMajorUnits, toMajorInput } from './money';

describe('formatMoney', () => {
  it.each([
    [120_000, 'USD', '$1,200.00'],
    [0, 'USD', '$0'],
    [5, 'USD', '$0.05'],
    [6_000_000, 'EUR', '€60,000.00'],
    [1500, 'JPY', '¥1,500'],
    [1_234_567, 'KWD', 'KWD\u00a01,234.567'], // Intl puts a no-break space after a code
  ])('%i %s -> %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it('knows the minor unit of a currency', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });
});

describe('parseMajorUnits', () => {
  it.each([
    ['1,250.50', 2, 125_050],
    ['1250.5', 2, 125_050],
    ['  1250  ', 2, 125_000],
    ['0', 2, 0],
    ['0.05', 2, 5],
    ['.5', 2, 50],
    ['7.', 2, 700],
    ['1.500', 2, 150], // trailing zeros are not extra precision
    ['1,000,000', 2, 100_000_000],
    ['1,500', 0, 1500],
    ['1.000', 0, 1],
    ['1,234.567', 3, 1_234_567],
    ['90071992547409.91', 2, 9_007_199_254_740_991],
  ])('%s with %i decimals -> %i', (text, digits, minor) => {
    expect(parseMajorUnits(text, digits)).toEqual({ ok: true, minor });
  });

  it.each([
    ['', 2, 'Enter an amount.'],
    ['   ', 2, 'Enter an amount.'],
    ['-5', 2, 'The amount cannot be negative.'],
    ['-0.01', 2, 'The amount cannot be negative.'],
    ['1.255', 2, 'Use at most 2 decimals.'],
    ['0.001', 2, 'Use at most 2 decimals.'],
    ['1.5', 0, 'This currency has no decimals: enter a whole amount.'],
    ['abc', 2, 'Enter a number like 1,250.50.'],
    ['abc', 0, 'Enter a number like 1,250.'],
    ['1e5', 2, 'Enter a number like 1,250.50.'],
    ['12,50', 2, 'Enter a number like 1,250.50.'],
    ['1,2345', 2, 'Enter a number like 1,250.50.'],
    ['$100', 2, 'Enter a number like 1,250.50.'],
    ['1.2.3', 2, 'Enter a number like 1,250.50.'],
    ['Infinity', 2, 'Enter a number like 1,250.50.'],
    ['90071992547409.92', 2, 'That amount is larger than we can store.'],
  ])('%j with %i decimals is refused: %s', (text, digits, message) => {
    expect(parseMajorUnits(text, digits)).toEqual({ ok: false, message });
  });
});

describe('toMajorInput', () => {
  it.each([
    [125_050, 'USD', '1250.50'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [1500, 'JPY', '1500'],
    [1, 'KWD', '0.001'],
  ])('%i %s -> %s', (minor, currency, text) => {
    expect(toMajorInput(minor, currency)).toBe(text);
    expect(parseMajorUnits(text, minorDigits(currency))).toEqual({ ok: true, minor });
  });
});

describe('majorUnitsSchema', () => {
  it('turns the text into minor units of the currency', () => {
    expect(majorUnitsSchema('USD').parse('1,250.50')).toBe(125_050);
    expect(majorUnitsSchema('JPY').parse('1,250')).toBe(1250);
  });

  it('gives the parse message, and the positive message for 0', () => {
    const issues = (schema: ReturnType<typeof majorUnitsSchema>, v: unknown) => schema.safeParse(v).error?.issues.map((i) => i.message);
    expect(issues(majorUnitsSchema('USD'), '1.234')).toEqual(['Use at most 2 decimals.']);
    expect(issues(majorUnitsSchema('USD'), undefined)).toEqual(['Enter an amount.']);
    expect(issues(majorUnitsSchema('USD', { positive: 'Above 0, please.' }), '0.00')).toEqual(['Above 0, please.']);
    expect(issues(majorUnitsSchema('USD', { positive: 'Above 0, please.' }), '0.01')).toBeUndefined();
  });

  it('lets a blank optional amount through as undefined', () => {
    expect(optionalMajorUnitsSchema('USD').parse('  ')).toBeUndefined();
    expect(optionalMajorUnitsSchema('USD').parse(undefined)).toBeUndefined();
    expect(optionalMajorUnitsSchema('USD').parse('12')).toBe(1200);
    expect(optionalMajorUnitsSchema('USD').safeParse('-1').error?.issues[0].message).toBe('The amount cannot be negative.');
  });
});
