import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '@/db';
import { rateLimits } from '@/db/schema';
import { env } from '@/lib/env';

type Rule = { points: number; durationSec: number };

/** The limits of every public endpoint, in one place. */
export const rules = {
  loginEmail: { points: 10, durationSec: 15 * 60 },
  loginIp: { points: 50, durationSec: 15 * 60 },
  signupIp: { points: 20, durationSec: 60 * 60 },
  passwordResetIp: { points: 10, durationSec: 60 * 60 },
  // public survey answers (and unsubscribes): per client IP, and per link token (keyed by its hash)
  surveyIp: { points: env.TENURE_RATE_LIMIT_SURVEY_IP, durationSec: 60 },
  surveyToken: { points: 10, durationSec: 60 },
  // the ingestion API, per API key: 10 requests a second on average, bursts allowed
  apiKey: { points: 600, durationSec: 60 },
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

const limiters = new Map<RuleName, RateLimiterDrizzle>();

// Counters live in the database, so every app instance sees the same counts.
function limiter(name: RuleName): RateLimiterDrizzle {
  let l = limiters.get(name);
  if (!l) {
    const { points, durationSec } = rules[name];
    l = new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: name, points, duration: durationSec });
    limiters.set(name, l);
  }
  return l;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSec: number };

/** Counts one hit against `key` under the rule; refuses once the rule's points are spent. */
export async function hit(name: RuleName, key: string): Promise<Verdict> {
  try {
    await limiter(name).consume(key);
    return { ok: true };
  } catch (res) {
    if (res instanceof RateLimiterRes) return { ok: false, retryAfterSec: Math.ceil(res.msBeforeNext / 1000) };
    throw res;
  }
}

/** Gives back one point (an attempt that turned out to be legitimate). */
export async function refund(name: RuleName, key: string): Promise<void> {
  await limiter(name).reward(key, 1);
}

/** Forgets the count for `key` (a successful sign-in clears its failures). */
export async function clearHits(name: RuleName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
