import { inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { usageDaily, usageMonthly } from '@/db/schema';
import { estimatedMonthsSince, newMonthsSince, recomputeUsageMonthly, recomputeUsageUserMonths, recordMonthlyFeatureKeys } from '@/db/usage-rollup';
import { DAY_MS, type AccountPlan } from './accounts';
import { insertRows } from './bulk-insert';
import { createRandom, type Random } from './random';
import type { AccountStory } from './revenue';

export type UsageDailyRow = typeof usageDaily.$inferInsert & { accountId: string; day: string; features: Record<string, number> };
export type UsageMonthlyRow = typeof usageMonthly.$inferInsert & { accountId: string; month: string };

/** The product's features in the demo, with how likely an account is to use each (enterprise: sso/api far more). */
export const FEATURE_KEYS = ['dashboards', 'reports', 'alerts', 'exports', 'api', 'sso', 'integrations', 'mobile'] as const;
const ADOPTION = { dashboards: 0.97, reports: 0.9, alerts: 0.6, exports: 0.55, api: 0.35, sso: 0.25, integrations: 0.45, mobile: 0.3 };
const ENTERPRISE_ADOPTION = { ...ADOPTION, api: 0.7, sso: 0.85, integrations: 0.7 };

/** Everything needed to regenerate an account's usage: plain data, so DemoData stays comparable. */
export type UsagePlan = {
  orgId: string;
  accountId: string;
  /** seeds the account's own random stream: rows can be generated in any order, in chunks */
  seed: number;
  users: number;
  features: string[];
  paying: AccountStory['paying'];
  /** usage falls in the 90 days before it */
  churnDate: string | null;
  /** a paying account whose usage has been falling for the last 60 days and most of whose users left (an at-risk story) */
  declining: boolean;
};

/** Active end users are a fraction of licensed seats, at most 25 per account (demo volume). */
export function planUsage(rand: Random, plan: AccountPlan, story: AccountStory, now: Date): UsagePlan {
  const { row } = plan;
  const seats = row.licensedSeats ?? 10;
  const adoption = row.segment === 'enterprise' ? ENTERPRISE_ADOPTION : ADOPTION;
  const features = FEATURE_KEYS.filter((f) => f === 'dashboards' || rand.chance(adoption[f]));
  const paying = story.paying.length > 0 && story.paying[story.paying.length - 1].to === null;
  const old = now.getTime() - plan.startAt.getTime() > 150 * DAY_MS;
  return {
    orgId: row.orgId,
    accountId: row.id,
    seed: rand.int(1, 2_147_483_646),
    users: Math.min(25, Math.max(2, Math.round(seats * (0.5 + rand.next() * 0.4)))),
    features,
    paying: story.paying,
    churnDate: story.churnDate,
    declining: paying && old && rand.chance(0.12),
  };
}

type User = { key: string; from: number; to: number; weekday: number; features: string[] };

const dayIndex = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The account's end users: most join in the first month, the rest over its life; some leave. */
function usersOf(rand: Random, p: UsagePlan, today: number): User[] {
  const first = dayIndex(p.paying[0].from);
  return Array.from({ length: p.users }, (_, j) => {
    const from = j < p.users * 0.6 ? first + rand.int(0, 30) : rand.int(first, Math.max(first, today - 1));
    const to = rand.chance(0.15) ? rand.int(from + 30, Math.max(from + 30, today + 60)) : Infinity;
    const features = p.features.filter((f, i) => i === 0 || rand.chance(0.6));
    let key = 'u_';
    for (let i = 0; i < 10; i++) key += '0123456789abcdef'[rand.int(0, 15)];
    // a declining account loses all but two of its users between 50 and 20 days ago
    const quits = p.declining && j >= 2 ? rand.int(today - 50, today - 20) : Infinity;
    return { key, from, to: Math.min(to, quits), weekday: 0.25 + rand.next() * 0.6, features };
  });
}

/** How engaged the account is on a day (0-1): ramping up after it starts, falling before a churn or when declining, 0 while not paying. */
function engagement(p: UsagePlan, day: number, today: number): number {
  let e = 0;
  for (const s of p.paying) {
    const from = dayIndex(s.from);
    if (day >= from && (s.to === null || day < dayIndex(s.to))) e = Math.min(1, 0.4 + (0.6 * (day - from)) / 30);
  }
  if (e === 0) return 0;
  if (p.churnDate) {
    const left = dayIndex(p.churnDate) - day;
    if (left > 0 && left < 90) e *= Math.max(0.1, left / 90);
  }
  if (p.declining && today - day < 60) e *= Math.max(0.15, 1 - (0.85 * (60 - (today - day))) / 60);
  return e;
}

/**
 * The per-user daily rows of one account for days in [from, today): weekday-heavy, 1-3 sessions,
 * a few features each. Deterministic from the plan's seed.
 */
export function usageDailyRows(p: UsagePlan, from: string, now: Date): UsageDailyRow[] {
  const rand = createRandom(p.seed);
  const today = dayIndex(now.toISOString().slice(0, 10));
  const users = usersOf(rand, p, today);
  const rows: UsageDailyRow[] = [];
  for (let day = Math.max(dayIndex(from), dayIndex(p.paying[0].from)); day < today; day++) {
    const e = engagement(p, day, today);
    if (e === 0) continue;
    const weekend = (day + 3) % 7 >= 5; // day 0 (1970-01-01) was a Thursday: +3 makes Monday 0
    for (const u of users) {
      if (day < u.from || day >= u.to) continue;
      if (rand.next() >= (weekend ? u.weekday * 0.12 : u.weekday) * e) continue;
      const sessions = 1 + (rand.chance(0.4) ? 1 : 0) + (rand.chance(0.15) ? 1 : 0);
      const features: Record<string, number> = {};
      let events = rand.int(0, 4);
      for (let k = rand.int(1, Math.min(3, u.features.length)); k > 0; k--) {
        const f = rand.pick(u.features);
        const n = rand.int(1, 6);
        features[f] = (features[f] ?? 0) + n;
        events += n;
      }
      rows.push({ orgId: p.orgId, accountId: p.accountId, day: isoOf(day), userKey: u.key, sessions, events, features });
    }
  }
  return rows;
}

/**
 * Estimated monthly rows for the months that start before `from` (the start of the per-user window),
 * where per-user rows are missing: long trends for the benchmark. Whole months, estimated from the
 * same users and engagement curve as the daily rows. Empty when the window covers the account's life.
 */
export function usageMonthlyEstimates(p: UsagePlan, from: string, now: Date): UsageMonthlyRow[] {
  const rand = createRandom(p.seed ^ 0x9e3779b9);
  const today = dayIndex(now.toISOString().slice(0, 10));
  const users = usersOf(createRandom(p.seed), p, today);
  const windowStart = dayIndex(from);
  const rows: UsageMonthlyRow[] = [];
  const start = new Date(`${p.paying[0].from.slice(0, 7)}-01T00:00:00Z`);
  for (let m = start; dayIndex(m.toISOString().slice(0, 10)) < windowStart; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const first = dayIndex(m.toISOString().slice(0, 10));
    const last = Math.min(dayIndex(new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)), today);
    // a month the window cuts is estimated whole, unless the account only started inside the window
    let activeBefore = false;
    for (let d = first; d < Math.min(last, windowStart) && !activeBefore; d++) activeBefore = engagement(p, d, today) > 0;
    if (!activeBefore) continue;
    // the same per-user chances as usageDailyRows, drawn per month instead of per user and day
    const miss = users.map(() => 1); // chance each user stays inactive all month
    let activeDays = 0;
    let userDays = 0;
    let engaged = 0;
    for (let d = first; d < last; d++) {
      const e = engagement(p, d, today);
      const weekend = (d + 3) % 7 >= 5;
      let idle = 1;
      users.forEach((u, j) => {
        if (d < u.from || d >= u.to) return;
        const q = (weekend ? u.weekday * 0.12 : u.weekday) * e;
        miss[j] *= 1 - q;
        idle *= 1 - q;
        userDays += q;
      });
      if (rand.next() >= idle) activeDays++;
      engaged += e;
    }
    const activeUsers = miss.filter((m) => rand.next() >= m).length;
    if (activeDays === 0 || activeUsers === 0) continue;
    const e = engaged / (last - first);
    // per active user-day: 1.55 sessions and ~8.4 events on average (see usageDailyRows)
    const sessions = Math.max(activeUsers, Math.round(userDays * 1.55 * (0.95 + 0.1 * rand.next())));
    rows.push({
      orgId: p.orgId, accountId: p.accountId, month: m.toISOString().slice(0, 10), activeUsers, activeDays, sessions,
      events: Math.round(userDays * 8.4 * (0.9 + 0.2 * rand.next())), featuresUsed: p.features.filter((f, i) => i === 0 || rand.chance(0.5 + e / 2)).sort(),
    });
  }
  return rows;
}

// Per-user rows are generated and inserted a few accounts at a time: the benchmark's millions of
// rows never sit in memory at once.
const ACCOUNTS_PER_CHUNK = 25;

/**
 * Inserts the usage of the seeded orgs: the estimated months first, then the per-user daily rows
 * from `from` on, then every other month computed from those rows in SQL (the same roll-up the
 * ingestion uses; per-user months for every month with daily rows, estimated ones included). Returns the row counts.
 */
export async function seedUsage(
  tx: Tx,
  orgIds: readonly string[],
  usage: { from: string; plans: readonly UsagePlan[]; monthlyEstimates: UsageMonthlyRow[] },
  now: Date,
): Promise<{ usageDaily: number; usageMonthly: number }> {
  await insertRows(tx, usageMonthly, usage.monthlyEstimates);
  let daily = 0;
  for (let i = 0; i < usage.plans.length; i += ACCOUNTS_PER_CHUNK) {
    const rows = usage.plans.slice(i, i + ACCOUNTS_PER_CHUNK).flatMap((p) => usageDailyRows(p, usage.from, now));
    await insertRows(tx, usageDaily, rows);
    daily += rows.length;
  }
  const fromMonth = `${usage.from.slice(0, 7)}-01`;
  for (const orgId of orgIds) {
    // the month the window cuts keeps its estimated monthly row, but MAU needs its per-user months too
    await recomputeUsageUserMonths(tx, orgId, estimatedMonthsSince(orgId, fromMonth));
    await recomputeUsageMonthly(tx, orgId, newMonthsSince(orgId, fromMonth));
    await recordMonthlyFeatureKeys(tx, orgId);
  }
  return { usageDaily: daily, usageMonthly: await tx.$count(usageMonthly, inArray(usageMonthly.orgId, [...orgIds])) };
}
