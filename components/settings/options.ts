import { CURRENCIES, TIMEZONES } from '@/lib/validation/orgs';

export type Option = { value: string; label: string };

const currencyNames = new Intl.DisplayNames('en', { type: 'currency' });

/**
 * Select options for currency and timezone, built on the server and passed to the form: the
 * browser's ICU may list other values, which would break hydration and accept what we refuse.
 */
export const currencyOptions = (): Option[] => CURRENCIES.map((c) => ({ value: c, label: `${c} · ${currencyNames.of(c) ?? c}` }));

export const timezoneOptions = (): Option[] => TIMEZONES.map((t) => ({ value: t, label: t.replace(/_/g, ' ') }));

/** "EUR · Euro" for the read-only view. */
export const currencyLabel = (c: string) => `${c} · ${currencyNames.of(c) ?? c}`;
