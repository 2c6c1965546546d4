import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, organizations, usageMonthly } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getAccountActiveDays, getAccountFeatureUse, getAccountUsageTrend, getUsageKpis } from '@/lib/dal/kpis';
import { expectAppError, makeAccount, makeOrg } from './fixtures';
import { insertMonthly, insertUsage } from './kpis-fixtures';

// As of 31 March 2025 (UTC org): the 12 months are April 2024 – March 2025, the 30 days 2–31 March, the 28 days
// 4–31 March. A has 40 seats now: 20 until 15 Oct 2024, 30 until 10 Feb 2025, then 40. B has 10 seats and no seat
// history, C no seat count.
const asOf = '2025-03-31';
let ctx: TenantCtx;
let foreign: TenantCtx;
const id: Record<string, string> = {};

const seatChange = (accountId: string, at: string, from: number | null, to: number | null) => db.insert(accountEvents).values({
  orgId: ctx.orgId, accountId, kind: 'seats.changed', occurredAt: new Date(at), actorType: 'system', summary: 'seats', data: { from, to },
});

beforeAll(async () => {
  const { ctx: ctxOf } = await makeOrg({ roles: ['viewer'] });
  ctx = await ctxOf('viewer');
  foreign = await (await makeOrg({ roles: [] })).ctx('owner');
  id.A = (await makeAccount(ctx, { licensedSeats: 40 })).id;
  id.B = (await makeAccount(ctx, { licensedSeats: 10 })).id;
  id.C = (await makeAccount(ctx, { licensedSeats: null })).id;
  await seatChange(id.A, '2024-10-15T12:00:00Z', 20, 30);
  await seatChange(id.A, '2025-02-10T12:00:00Z', 30, 40);
  const o = ctx.orgId;
  await db.insert(usageMonthly).values([
    { orgId: o, accountId: id.A, month: '2025-01-01', activeUsers: 10, activeDays: 12, sessions: 50, featuresUsed: ['reports'] },
    { orgId: o, accountId: id.A, month: '2025-03-01', activeUsers: 12, activeDays: 20, sessions: 80, featuresUsed: ['reports'] },
    // before the 12 months: not shown
    { orgId: o, accountId: id.A, month: '2024-03-01', activeUsers: 99, activeDays: 1, sessions: 1, featuresUsed: [] },
  ]);
  await insertUsage(o, id.A, ['u1', 'u2'], ['2025-03-10'], { reports: 2, export: 1 });
  await insertUsage(o, id.A, ['u1'], ['2025-03-31'], { reports: 1, beta: 4 });
  await insertUsage(o, id.A, ['u3'], ['2025-03-04']);
  // inside the 30 days, outside the 28
  await insertUsage(o, id.A, ['u5'], ['2025-03-03'], { alerts: 1 });
  // outside both windows
  await insertUsage(o, id.A, ['u4'], ['2025-03-01'], { api: 5 });
  await db.update(organizations).set({ trackedFeatureKeys: ['reports', 'export', 'alerts', 'sso'] }).where(eq(organizations.id, o));
});

describe('an account’s usage over 12 months', () => {
  it('users and sessions per month, seats from the dated seat changes', async () => {
    const t = await getAccountUsageTrend(ctx, id.A, asOf);
    expect(t.asOf).toBe(asOf);
    expect(t.hasUsage).toBe(true);
    expect(t.months.map((m) => m.month)).toEqual([
      '2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01',
      '2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01',
    ]);
    expect(t.months.map((m) => m.seats)).toEqual([20, 20, 20, 20, 20, 20, 30, 30, 30, 30, 40, 40]);
    expect(t.months.every((m) => m.seatsFrom === 'history')).toBe(true);
    expect(t.months.map((m) => m.activeUsers)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 12]);
    expect(t.months.map((m) => m.sessions)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 0, 80]);
    expect(t.months[9].utilization).toBeCloseTo(100 / 3, 12);
    expect(t.months[11].utilization).toBe(30);
  });

  it('no seat history: the current seat count; no seat count: null utilization', async () => {
    const b = await getAccountUsageTrend(ctx, id.B, asOf);
    expect(b.months.map((m) => [m.seats, m.seatsFrom, m.activeUsers, m.utilization])).toEqual(Array(12).fill([10, 'current', 0, 0]));
    const c = await getAccountUsageTrend(ctx, id.C, asOf);
    expect(c.months.every((m) => m.seats === null && m.utilization === null)).toBe(true);
  });

  it('active days in the 28 days up to the as-of date', async () => {
    // 4, 10 and 31 March; 3 March is day 29 back, 1 March further
    expect(await getAccountActiveDays(ctx, id.A, asOf)).toEqual({ asOf, days: 3 });
    expect(await getAccountActiveDays(ctx, id.B, asOf)).toEqual({ asOf, days: 0 });
  });

  it('MAU and utilization over 30 days with the account scope', async () => {
    const k = await getUsageKpis(ctx, { kind: 'account', accountId: id.A }, asOf);
    // u1, u2, u3, u5; u4 was active on 1 March only
    expect([k.mau.value, k.utilization.value]).toEqual([4, 10]);
  });
});

describe('an archived account', () => {
  it('keeps its own MAU and utilization (the portfolio leaves it out)', async () => {
    const { ctx: ctxOf } = await makeOrg({ roles: [] });
    const other = await ctxOf('owner');
    const acc = await makeAccount(other, { licensedSeats: 4, archivedAt: new Date('2025-03-01T00:00:00Z') });
    await insertUsage(other.orgId, acc.id, ['p', 'q', 'r'], ['2025-03-20']);
    const own = await getUsageKpis(other, { kind: 'account', accountId: acc.id }, asOf);
    expect([own.mau.value, own.utilization.value]).toEqual([3, 75]);
    const org = await getUsageKpis(other, { kind: 'org' }, asOf);
    expect([org.mau.value, org.utilization.value]).toEqual([0, null]);
  });
});

describe('an account’s feature use in 30 days', () => {
  it('tracked features with uses, users and days; untracked ones flagged; adoption = used ÷ tracked', async () => {
    const f = await getAccountFeatureUse(ctx, id.A, asOf);
    expect(f.trackedFrom).toBe('setting');
    expect(f.features).toEqual([
      { key: 'reports', tracked: true, uses: 5, users: 2, days: 2 },
      { key: 'export', tracked: true, uses: 2, users: 2, days: 1 },
      { key: 'alerts', tracked: true, uses: 1, users: 1, days: 1 },
      { key: 'sso', tracked: true, uses: 0, users: 0, days: 0 },
      { key: 'beta', tracked: false, uses: 4, users: 1, days: 1 },
    ]);
    expect([f.trackedCount, f.trackedUsed, f.adoption, f.reason]).toEqual([4, 3, 75, null]);
  });

  it('without a setting, the features seen in the last 90 days are tracked', async () => {
    const { ctx: ctxOf } = await makeOrg({ roles: [] });
    const other = await ctxOf('owner');
    const acc = await makeAccount(other, { licensedSeats: 5 });
    await insertMonthly(other.orgId, acc.id, '2025-03-01', 2, ['x', 'y', 'z']);
    await insertUsage(other.orgId, acc.id, ['p'], ['2025-03-20'], { x: 1 });
    const f = await getAccountFeatureUse(other, acc.id, asOf);
    expect([f.trackedFrom, f.trackedCount, f.trackedUsed]).toEqual(['seen', 3, 1]);
    expect(f.adoption).toBeCloseTo(100 / 3, 12);
  });

  it('an org that never sent usage: null with reasons, never 0', async () => {
    const { ctx: ctxOf } = await makeOrg({ roles: [] });
    const empty = await ctxOf('owner');
    const acc = await makeAccount(empty, { licensedSeats: 5 });
    const f = await getAccountFeatureUse(empty, acc.id, asOf);
    expect([f.hasUsage, f.adoption, f.reason]).toEqual([false, null, 'No usage data has been received for this organization yet.']);
    expect((await getAccountActiveDays(empty, acc.id, asOf)).days).toBeNull();
    const t = await getAccountUsageTrend(empty, acc.id, asOf);
    expect(t.months.map((m) => [m.activeUsers, m.sessions, m.utilization, m.seats])).toEqual(Array(12).fill([null, null, null, 5]));
  });
});

describe('tenancy and inputs', () => {
  it('another org’s account or a malformed id is NOT_FOUND', async () => {
    for (const accountId of [id.A, 'not-a-uuid']) {
      await expectAppError(getAccountUsageTrend(foreign, accountId, asOf), 'NOT_FOUND');
      await expectAppError(getAccountFeatureUse(foreign, accountId, asOf), 'NOT_FOUND');
      await expectAppError(getAccountActiveDays(foreign, accountId, asOf), 'NOT_FOUND');
    }
  });

  it('a malformed as-of date is VALIDATION', async () => {
    await expectAppError(getAccountUsageTrend(ctx, id.A, '2025-02-30'), 'VALIDATION');
    await expectAppError(getAccountFeatureUse(ctx, id.A, '31/03/2025'), 'VALIDATION');
  });
});
