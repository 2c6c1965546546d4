import { createHash } from 'node:crypto';
import { z } from 'zod';
import { timestampSchema } from './tickets';

/** The most events one call takes; the API answers 413 above it. */
export const USAGE_BATCH_MAX = 10_000;

/**
 * The stored key of an end user: the customer's own id as given, or, when it is an email, the
 * SHA-256 (hex) of the trimmed, lower-cased address, so no address is stored and case does not split a user.
 */
export function normalizeUserKey(key: string): string {
  const k = key.trim();
  return k.includes('@') ? createHash('sha256').update(k.toLowerCase()).digest('hex') : k;
}

const FEATURE_KEY = /^[a-z0-9][a-z0-9_.:-]{0,63}$/;

/** One product usage event of an end user at an account. */
export const usageEventSchema = z.object({
  // a malformed or foreign id is NOT_FOUND in the DAL, like any other id
  accountId: z.string({ message: 'Give the account id.' }).max(100),
  userKey: z.string({ message: 'Give the user key.' }).trim().min(1, { message: 'Give the user key.' }).max(256).transform(normalizeUserKey),
  occurredAt: timestampSchema,
  featureKey: z
    .string()
    .trim()
    .toLowerCase()
    .regex(FEATURE_KEY, { message: 'A feature key is 1-64 letters, digits, "_", ".", ":" or "-".' })
    .nullish()
    .transform((v) => v ?? null),
  sessions: z.number().int().min(0).max(10_000).optional().default(0),
});

export type UsageEventInput = z.input<typeof usageEventSchema>;
export type UsageEvent = z.output<typeof usageEventSchema>;

export const usageBatchSchema = z
  .array(usageEventSchema)
  .max(USAGE_BATCH_MAX, { message: `Send at most ${USAGE_BATCH_MAX.toLocaleString('en-US')} events at a time.` });
