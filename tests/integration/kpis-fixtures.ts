// Test data for the KPI read side, inserted directly with drizzle (not through the write-side DAL).
import { db } from '@/db';
import { recomputeUsageUserMonths, touchedPairs } from '@/db/usage-rollup';
import { renewals, revenueChanges, tickets, usageDaily, usageMonthly } from '@/db/schema';
import type { RevenueChangeRow } from '@/lib/kpi/revenue';

let clock = Date.UTC(2030, 0, 1);
/** A strictly increasing recorded_at, so changes of one day keep the order they were written in. */
export const nextRecordedAt = () => new Date((clock += 1000));

export type Change = { accountId: string; date: string; mrr: number; recordedAt?: Date };

/** Inserts revenue changes; returns them as lib/kpi/revenue rows for movementsFromHistory. */
export async function insertChanges(orgId: string, changes: Change[]): Promise<RevenueChangeRow[]> {
  const rows = changes.map((c) => ({
    orgId,
    accountId: c.accountId,
    effectiveDate: c.date,
    mrr: c.mrr,
    currency: 'USD',
    recordedAt: c.recordedAt ?? nextRecordedAt(),
  }));
  if (rows.length > 0) await db.insert(revenueChanges).values(rows);
  return rows.map((r) => ({ accountId: r.accountId, effectiveDate: r.effectiveDate, recordedAt: r.recordedAt.getTime(), mrr: r.mrr }));
}

/** One usage_daily row per (user, day) of an account, each using `features`. */
export async function insertUsage(
  orgId: string,
  accountId: string,
  users: string[],
  days: string[],
  features: Record<string, number> = {},
): Promise<void> {
  const rows = users.flatMap((userKey) => days.map((day) => ({ orgId, accountId, day, userKey, sessions: 1, events: 3, features })));
  if (rows.length > 0) await db.insert(usageDaily).values(rows);
  // the MAU read side counts from usage_user_months, which the write side keeps; usage_monthly stays as the test sets it
  const months = [...new Set(days.map((d) => `${d.slice(0, 7)}-01`))].map((month) => ({ accountId, month }));
  if (rows.length > 0) await recomputeUsageUserMonths(db, orgId, touchedPairs(months));
}

/** A usage_monthly row (month = first day). */
export async function insertMonthly(orgId: string, accountId: string, month: string, activeUsers: number, featuresUsed: string[] = []) {
  await db.insert(usageMonthly).values({ orgId, accountId, month, activeUsers, activeDays: 1, featuresUsed });
}

type Outcome = 'pending' | 'renewed' | 'downgraded' | 'churned';

/** A renewal due on `dueDate` with ARR due and (for decided ones) renewed ARR, in minor units. */
export async function insertRenewal(orgId: string, accountId: string, dueDate: string, arrDue: number, outcome: Outcome, renewedArr: number | null = null) {
  await db.insert(renewals).values({ orgId, accountId, dueDate, arrDue, outcome, renewedArr, decidedAt: outcome === 'pending' ? null : new Date() });
}

/** A ticket opened an hour before it closed (closedAt null: still open). */
export async function insertTicket(orgId: string, accountId: string, closedAt: string | null, resolvedFirstContact: boolean) {
  const closed = closedAt === null ? null : new Date(closedAt);
  const openedAt = new Date((closed ?? new Date()).getTime() - 3_600_000);
  await db.insert(tickets).values({ orgId, accountId, openedAt, closedAt: closed, resolvedFirstContact });
}

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same history. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}
