// Money is stored as integer minor units (cents) with an ISO 4217 code; these helpers only display it.

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
