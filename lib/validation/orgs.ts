import { z } from 'zod';
import { slugSchema } from './auth';

/** ISO 4217 codes the runtime knows (a currency we cannot format is no use to the org). */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf('currency');

// Node 20's ICU lists only region zones; "UTC" (our default) is valid IANA but missing from it.
export const TIMEZONES: readonly string[] = Array.from(new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]));

const currencySet = new Set(CURRENCIES);
const timezoneSet = new Set(TIMEZONES);

export const FEATURE_KEY = /^[a-z0-9_.:-]{1,64}$/i;
export const MAX_FEATURE_KEYS = 200;

/** A whole number from a form field in [min, max]; blank is an error, not a silent 0. */
const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string({ message: `Enter ${what}.` })
    .trim()
    .min(1, { message: `Enter ${what}.` })
    .pipe(
      z.coerce
        .number<string>({ message: 'Enter a whole number.' })
        .int({ message: 'Enter a whole number.' })
        .min(min, { message: `Use a number from ${min} to ${max}.` })
        .max(max, { message: `Use a number from ${min} to ${max}.` }),
    );

/**
 * Tracked feature keys from a textarea: one per line or comma separated, blanks and repeats
 * dropped. Nothing left means null ("every key seen in the last 90 days").
 */
export const featureKeysSchema = z
  .string()
  .max(20_000, { message: 'That is too much text for feature keys.' })
  .default('')
  .transform((text) => Array.from(new Set(text.split(/[\n,]/).map((k) => k.trim()).filter(Boolean))))
  .superRefine((keys, ctx) => {
    const bad = keys.filter((k) => !FEATURE_KEY.test(k));
    if (bad.length > 0) {
      const shown = bad.slice(0, 3).map((k) => `“${k.length > 30 ? `${k.slice(0, 30)}…` : k}”`).join(', ');
      ctx.addIssue({
        code: 'custom',
        message: `Not a valid key: ${shown}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''}. Use up to 64 letters, digits and _ . : - per key.`,
      });
    }
    if (keys.length > MAX_FEATURE_KEYS) ctx.addIssue({ code: 'custom', message: `Track at most ${MAX_FEATURE_KEYS} keys (you entered ${keys.length}).` });
  })
  .transform((keys) => (keys.length === 0 ? null : keys));

/** The org settings form (admins). */
export const updateOrgSettingsSchema = z.object({
  name: z.string({ message: 'Enter a name.' }).trim().min(1, { message: 'Enter a name.' }).max(120, { message: 'Use at most 120 characters.' }),
  slug: slugSchema,
  currency: z
    .string({ message: 'Choose a currency.' })
    .trim()
    .toUpperCase()
    .refine((c) => currencySet.has(c), { message: 'Choose an ISO 4217 currency, like USD or EUR.' }),
  timezone: z.string({ message: 'Choose a timezone.' }).trim().refine((t) => timezoneSet.has(t), { message: 'Choose a timezone from the list.' }),
  surveyCooldownDays: wholeNumber(0, 365, 'a number of days'),
  trackedFeatureKeys: featureKeysSchema,
  alertHysteresis: wholeNumber(0, 50, 'a number of points'),
});

export type OrgSettingsInput = z.output<typeof updateOrgSettingsSchema>;

/** Deleting the org: the owner types its address (slug) to confirm; the DAL compares it with the org's. */
export const deleteOrgSchema = z.object({
  confirmSlug: z.string({ message: 'Type the organization\'s address to confirm.' }).trim().min(1, { message: 'Type the organization\'s address to confirm.' }),
});
