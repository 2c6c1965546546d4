/** The help text under each org setting; the read-only view shows the same words. */
export const HINTS = {
  slug: 'The org’s address in every link (/your-slug/…). Changing it breaks old links and bookmarks.',
  currency: 'Revenue is recorded in this currency; amounts are never converted.',
  timezone: 'Periods, days and dates in reports start at midnight in this timezone.',
  surveyCooldownDays: 'A person is asked at most once in this many days, across all surveys (0–365; 0 turns it off).',
  alertHysteresis: 'An alert closes itself only once its value is this many points past the threshold, e.g. “health below 40” clears above 45 with 5 (0–50).',
} as const;

export const FEATURE_KEYS_HINT =
  'The product features adoption is measured on: one key per line or separated by commas (letters, digits and _ . : -, up to 64 characters each, at most 200 keys). Leave it empty to track every key seen in the last 90 days.';
