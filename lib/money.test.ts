import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits } from './money';

describe('formatMoney', () => {
  it.each([
    [120_000, 'USD', '$1,200.00'],
    [0, 'USD', '$0'],
    [5, 'USD', '$0.05'],
    [6_000_000, 'EUR', '€60,000.00'],
    [1500, 'JPY', '¥1,500'],
  ])('%i %s -> %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it('knows the minor unit of a currency', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });
});
