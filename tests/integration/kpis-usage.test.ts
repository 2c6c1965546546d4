import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { organizations } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getAdoption, getAdoptionSeries, getUsageKpis, getUsageSeries } from '@/lib/dal/kpis';
import { addDays, customPeriod, periodOf } from '@/lib/kpi/period';
import { expectAppError, makeAccount, makeOrg } from './fixtures';
import { insertChanges, insertMonthly, insertUsage } from './kpis-fixtures';

// As of 31 March 2025 the last 30 days are 2–31 March. Seats: A 50 with 40 users, B 50 with 40 users (80 of 100),
// C without a seat count (7 users), D with 0 seats (3 users), E archived (50 seats, 5 users), H paying without
// seats or usage, N without seats, stopped paying in February while its 4 users still log in.
const asOf = '2025-03-31';
const march = periodOf('month', '2025-03-01');
const users = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

let ctx: TenantCtx;
const id: Record<string, string> = {};

beforeAll(async () => {
  const { ctx: ctxOf } = await makeOrg({ roles: [] });
  ctx = await ctxOf('owner');
  const make = async (name: string, fields: Parameters<typeof makeAccount>[1]) => (id[name] = (await makeAccount(ctx, fields)).id);
  await make('A', { licensedSeats: 50, segment: 'enterprise' });
  await make('B', { licensedSeats: 50, segment: 'smb' });
  await make('C', { licensedSeats: null, segment: 'smb' });
  await make('D', { licensedSeats: 0 });
  await make('E', { licensedSeats: 50, archivedAt: new Date('2025-03-01T00:00:00Z') });
  await make('H', {});
  await make('N', { licensedSeats: null });
  const o = ctx.orgId;
  // Each user active on three days: MAU counts each once. A's u41–u45 were active only on 1 March, outside the 30 days.
  await insertUsage(o, id.A, users('u', 40), ['2025-03-02', '2025-03-15', '2025-03-31'], { reports: 2, export: 1 });
  await insertUsage(o, id.A, users('u', 45).slice(40), ['2025-03-01'], { reports: 1 });
  await insertUsage(o, id.B, users('u', 40), ['2025-03-10', '2025-03-11', '2025-03-12'], { reports: 1 });
  await insertUsage(o, id.C, users('c', 7), ['2025-03-20'], { api: 3 });
  await insertUsage(o, id.D, users('d', 3), ['2025-03-20']);
  await insertUsage(o, id.E, users('e', 5), ['2025-03-20'], { reports: 1 });
  await insertUsage(o, id.N, users('n', 4), ['2025-03-20'], { reports: 5, beta: 1 });
  // a key last seen more than 90 days before the period end is not tracked by default
  await insertUsage(o, id.B, ['old'], ['2024-12-15'], { legacy: 1 });
  await insertChanges(o, ['A', 'B', 'C', 'D', 'E', 'H'].map((k) => ({ accountId: id[k], date: '2025-01-01', mrr: 1000 })));
  // usage_monthly as the write side rolls it up from the rows above (February has monthly rows only)
  await insertMonthly(o, id.A, '2025-02-01', 30, ['reports']);
  await insertMonthly(o, id.A, '2025-03-01', 45, ['export', 'reports']);
  await insertMonthly(o, id.B, '2025-03-01', 40, ['reports']);
  await insertMonthly(o, id.B, '2024-12-01', 1, ['legacy']);
  await insertMonthly(o, id.C, '2025-03-01', 7, ['api']);
  await insertMonthly(o, id.D, '2025-03-01', 3, []);
  await insertMonthly(o, id.E, '2025-03-01', 5, ['reports']);
  await insertMonthly(o, id.N, '2025-03-01', 4, ['beta', 'reports']);
  await insertChanges(o, [{ accountId: id.N, date: '2025-01-01', mrr: 500 }, { accountId: id.N, date: '2025-02-20', mrr: 0 }]);
});

describe('MAU and license utilization as of a date', () => {
  it('80 of 100 seats = 80 %; accounts without seats are left out', async () => {
    const k = await getUsageKpis(ctx, { kind: 'org' }, asOf);
    expect(k.asOf).toBe(asOf);
    // A 40 + B 40 over 50 + 50 seats; C, D (0 seats) and N have no seat count, E is archived
    expect(k.utilization.value).toBe(80);
    expect(k.utilization.n).toBe(2);
    expect(k.utilization.detail).toEqual({ activeUsers: 80, seats: 100 });
  });

  it('the enterprise + smb segments: exactly 80 %', async () => {
    const a = await getUsageKpis(ctx, { kind: 'segment', segment: 'enterprise' }, asOf);
    const b = await getUsageKpis(ctx, { kind: 'segment', segment: 'smb' }, asOf);
    expect([a.utilization.value, b.utilization.value]).toEqual([80, 80]);
    // smb: B's 40 users and C's 7 (C has no seats: in MAU, not in utilization)
    expect([b.mau.value, b.mau.n, b.utilization.n]).toEqual([47, 2, 1]);
  });

  it('MAU counts distinct users over the 30 days, archived accounts left out', async () => {
    const k = await getUsageKpis(ctx, { kind: 'org' }, asOf);
    // A 40 + B 40 + C 7 + D 3 + N 4; E is archived, A's u41–u45 fall outside the window
    expect([k.mau.value, k.mau.n]).toEqual([94, 5]);
  });

  it('the window is the 30 days up to and including the as-of date', async () => {
    const k = await getUsageKpis(ctx, { kind: 'account', accountId: id.A }, '2025-03-30');
    expect(k.mau.value).toBe(45);
    expect(k.utilization.value).toBe(90);
    const later = await getUsageKpis(ctx, { kind: 'account', accountId: id.A }, addDays('2025-03-02', 29));
    expect(later.mau.value).toBe(40);
  });

  it('an account without a seat count: utilization null with a reason, MAU still counted', async () => {
    const k = await getUsageKpis(ctx, { kind: 'account', accountId: id.C }, asOf);
    expect([k.mau.value, k.utilization.value]).toEqual([7, null]);
    expect(k.utilization.reason).toBe('No account in scope has a licensed seat count.');
  });

  it('usage data but nobody active: 0, not null', async () => {
    const k = await getUsageKpis(ctx, { kind: 'account', accountId: id.H }, asOf);
    expect(k.mau.value).toBe(0);
    const quiet = await getUsageKpis(ctx, { kind: 'org' }, '2026-01-31');
    expect([quiet.mau.value, quiet.utilization.value]).toEqual([0, 0]);
  });

  it('over-use is not capped', async () => {
    const { ctx: ctxOf } = await makeOrg({ roles: [] });
    const other = await ctxOf('owner');
    const acc = await makeAccount(other, { licensedSeats: 10 });
    await insertUsage(other.orgId, acc.id, users('x', 12), ['2025-03-31']);
    expect((await getUsageKpis(other, { kind: 'org' }, asOf)).utilization.value).toBe(120);
  });

  it('an org that never sent usage: null with a reason', async () => {
    const { ctx: ctxOf } = await makeOrg({ roles: [] });
    const empty = await ctxOf('owner');
    await makeAccount(empty, { licensedSeats: 25 });
    const k = await getUsageKpis(empty);
    expect([k.mau.value, k.utilization.value]).toEqual([null, null]);
    expect(k.mau.reason).toMatch(/No usage data/);
    expect(k.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a malformed as-of date', async () => {
    await expectAppError(getUsageKpis(ctx, { kind: 'org' }, '31/03/2025'), 'VALIDATION');
  });
});

describe('adoption per feature', () => {
  it('every key used in the months of the last 90 days, over the 5 accounts paying at the period end', async () => {
    const k = await getAdoption(ctx, march);
    expect(k.tracked).toBe('seen');
    expect(k.activeAccounts).toBe(5); // A, B, C, D, H; E is archived, N stopped paying
    // reports: A, B; export: A; api: C; beta: only N, which does not pay; legacy was last used in December
    expect(k.features.map((f) => [f.key, f.value, f.n])).toEqual([
      ['api', 20, 5], ['beta', 0, 5], ['export', 20, 5], ['reports', 40, 5],
    ]);
    expect(k.features[0].definition).toMatch(/paying at the period end/);
  });

  it('a custom period reads the per-user rows of its partial months', async () => {
    // 13–31 March: A (15 and 31 March) and C (20 March) were active, B only on 10–12 March
    const k = await getAdoption(ctx, customPeriod('2025-03-13', '2025-04-01'));
    expect(k.features.map((f) => [f.key, f.value])).toEqual([['api', 20], ['beta', 0], ['export', 20], ['reports', 20]]);
    // 15 February – 31 March: the whole of March from usage_monthly, 15–28 February from usage_daily (none)
    const mixed = await getAdoption(ctx, customPeriod('2025-02-15', '2025-04-01'));
    expect(mixed.features.map((f) => [f.key, f.value])).toEqual([['api', 20], ['beta', 0], ['export', 20], ['reports', 40]]);
  });

  it('the org’s tracked keys when it sets them', async () => {
    const { ctx: ctxOf } = await makeOrg({ roles: [] });
    const other = await ctxOf('owner');
    const acc = await makeAccount(other, {});
    await insertChanges(other.orgId, [{ accountId: acc.id, date: '2025-01-01', mrr: 100 }]);
    await insertUsage(other.orgId, acc.id, ['u'], ['2025-03-05'], { reports: 1, beta: 1 });
    await insertMonthly(other.orgId, acc.id, '2025-03-01', 1, ['beta', 'reports']);
    await db.update(organizations).set({ trackedFeatureKeys: ['reports', 'sso'] }).where(eq(organizations.id, other.orgId));
    const k = await getAdoption(other, march);
    expect(k.tracked).toBe('setting');
    expect(k.features.map((f) => [f.key, f.value])).toEqual([['reports', 100], ['sso', 0]]);
  });

  it('no tracked feature and no paying account: a reason, never a 0', async () => {
    const k = await getAdoption(ctx, periodOf('month', '2024-06-01'));
    expect(k.features).toEqual([]);
    expect(k.reason).toMatch(/No feature is tracked/);
    const one = await getAdoption(ctx, periodOf('month', '2025-03-01'), { kind: 'account', accountId: id.N });
    expect(one.features.every((f) => f.value === null && f.reason === 'No account is paying at the period end.')).toBe(true);
  });
});

describe('usage series (usage_monthly)', () => {
  it('active users per calendar month and utilization over current seats', async () => {
    const s = await getUsageSeries(ctx, customPeriod('2025-02-01', '2025-04-01'));
    // March: A 45 + B 40 + C 7 + D 3 + N 4; E is archived
    expect(s.mau.points.map((p) => [p.start, p.value, p.n])).toEqual([['2025-02-01', 30, 1], ['2025-03-01', 99, 5]]);
    // seats A 50 + B 50; E (archived) is left out
    expect(s.utilization.points.map((p) => [p.value, p.n])).toEqual([[30, 2], [85, 2]]);
  });

  it('adoption by month from the monthly feature lists', async () => {
    const s = await getAdoptionSeries(ctx, customPeriod('2025-02-01', '2025-04-01'));
    expect(Object.keys(s)).toEqual(['api', 'beta', 'export', 'reports']);
    // February: paying at 1 March are A, B, C, D, H (5); March: the same 5
    expect(s.reports.points.map((p) => [p.value, p.n])).toEqual([[20, 5], [40, 5]]);
    expect(s.api.points.map((p) => p.value)).toEqual([0, 20]);
  });
});
