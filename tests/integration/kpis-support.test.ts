import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { organizations } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import {
  getFirstContactResolution, getFirstContactResolutionSeries, getKpiClock, getOnboarding, getOnboardingSeries,
} from '@/lib/dal/kpis';
import { customPeriod, periodOf, todayIn } from '@/lib/kpi/period';
import { makeAccount, makeOrg } from './fixtures';
import { insertTicket } from './kpis-fixtures';

// The org lives in New York: UTC−5 until 9 March 2025, UTC−4 after. Periods are calendar dates there.
let ctx: TenantCtx;
let csmId: string;

async function newYorkOrg() {
  const { org, ctx: ctxOf } = await makeOrg({ roles: ['csm'] });
  await db.update(organizations).set({ timezone: 'America/New_York' }).where(eq(organizations.id, org.id));
  return { ctx: await ctxOf('owner'), csmId: (await ctxOf('csm')).userId };
}

describe('first contact resolution', () => {
  beforeAll(async () => {
    ({ ctx, csmId } = await newYorkOrg());
    const mine = await makeAccount(ctx, { ownerId: csmId });
    const other = await makeAccount(ctx, {});
    const o = ctx.orgId;
    await insertTicket(o, other.id, '2025-03-01T04:59:59Z', true); // 28 Feb, 23:59:59 in New York: February
    await insertTicket(o, mine.id, '2025-03-01T05:00:00Z', true); // 1 March, midnight in New York: March
    await insertTicket(o, mine.id, '2025-03-09T12:00:00Z', false);
    for (let i = 0; i < 4; i++) await insertTicket(o, other.id, `2025-03-1${i}T12:00:00Z`, true);
    await insertTicket(o, other.id, '2025-03-20T12:00:00Z', false);
    await insertTicket(o, other.id, '2025-04-01T03:59:59Z', true); // 31 March, 23:59:59 EDT: March
    await insertTicket(o, other.id, '2025-04-01T04:00:00Z', false); // 1 April in New York
    await insertTicket(o, other.id, null, false); // still open: not closed in any period
  });

  it('6 of 8 tickets closed in March (New York dates) = 75 %', async () => {
    const k = await getFirstContactResolution(ctx, periodOf('month', '2025-03-01'));
    expect([k.value, k.n]).toEqual([75, 8]);
    expect(k.detail).toEqual({ resolved: 6 });
  });

  it('a ticket closed at 04:59:59 UTC on 1 March is February’s in New York', async () => {
    const k = await getFirstContactResolution(ctx, periodOf('month', '2025-02-01'));
    expect([k.value, k.n]).toEqual([100, 1]);
  });

  it('one CSM’s book: 1 of 2', async () => {
    const k = await getFirstContactResolution(ctx, periodOf('month', '2025-03-01'), { kind: 'owner', ownerId: csmId });
    expect([k.value, k.n]).toEqual([50, 2]);
  });

  it('no ticket closed: null with a reason', async () => {
    const k = await getFirstContactResolution(ctx, periodOf('month', '2025-05-01'));
    expect([k.value, k.n, k.reason]).toEqual([null, 0, 'No ticket was closed in the period.']);
  });

  it('a monthly series Feb–Apr', async () => {
    const s = await getFirstContactResolutionSeries(ctx, customPeriod('2025-02-01', '2025-05-01'));
    expect(s.points.map((p) => [p.start, p.value, p.n])).toEqual([['2025-02-01', 100, 1], ['2025-03-01', 75, 8], ['2025-04-01', 0, 1]]);
  });

  it('the KPI clock gives the org’s timezone and today there', async () => {
    const clock = await getKpiClock(ctx);
    expect(clock.timezone).toBe('America/New_York');
    expect(clock.currency).toBe('USD');
    // today in New York, unless the test runs across midnight there
    expect([todayIn('America/New_York', new Date(Date.now() - 60_000)), todayIn('America/New_York')]).toContain(clock.today);
  });
});

describe('onboarding', () => {
  beforeAll(async () => {
    ({ ctx, csmId } = await newYorkOrg());
    const at = (iso: string) => new Date(iso);
    const acc = (contractStart: string | null, completed: string | null, extra = {}) =>
      makeAccount(ctx, { contractStart, onboardingCompletedAt: completed ? at(completed) : null, ...extra });
    await acc('2025-01-01', '2025-01-11T12:00:00Z', { ownerId: csmId }); // 10 days
    await acc('2025-01-05', '2025-01-25T03:00:00Z'); // 24 Jan, 22:00 in New York: 19 days (20 in UTC)
    await acc('2025-01-10', '2025-02-14T15:00:00Z', { ownerId: csmId }); // 35 days
    await acc('2025-02-01', null); // not done
    await acc('2025-03-15', null); // contract starts after February
    await acc(null, '2025-01-15T12:00:00Z'); // no contract start: left out
    await acc('2025-01-01', '2025-01-02T12:00:00Z', { archivedAt: at('2025-02-01T00:00:00Z') }); // archived: left out
    await acc('2025-01-20', '2025-03-05T12:00:00Z'); // completed in March: 44 days
  });

  it('as of the end of February: 3 of 5 completed, median 19 days', async () => {
    const k = await getOnboarding(ctx, periodOf('month', '2025-02-01'));
    expect([k.completion.value, k.completion.n]).toEqual([60, 5]);
    expect([k.medianDays.value, k.medianDays.n]).toEqual([19, 3]);
  });

  it('as of the end of March: 4 of 6, the median of an even count is the mean of the middle two', async () => {
    const k = await getOnboarding(ctx, periodOf('month', '2025-03-01'));
    expect(k.completion.value).toBeCloseTo((4 / 6) * 100, 10);
    expect(k.medianDays.value).toBe(27); // 10, 19, 35, 44
  });

  it('one CSM’s book', async () => {
    const k = await getOnboarding(ctx, periodOf('month', '2025-03-01'), { kind: 'owner', ownerId: csmId });
    expect([k.completion.value, k.medianDays.value]).toEqual([100, 22.5]);
  });

  it('before any contract: null with reasons', async () => {
    const k = await getOnboarding(ctx, periodOf('month', '2024-11-01'));
    expect([k.completion.value, k.medianDays.value]).toEqual([null, null]);
    expect(k.completion.reason).toMatch(/No account’s contract started/);
  });

  it('a monthly series Jan–Mar', async () => {
    const s = await getOnboardingSeries(ctx, periodOf('quarter', '2025-01-01'));
    expect(s.completion.points.map((p) => [p.value, p.n])).toEqual([[50, 4], [60, 5], [expect.closeTo(400 / 6, 10), 6]]);
    expect(s.medianDays.points.map((p) => p.value)).toEqual([14.5, 19, 27]);
  });
});
