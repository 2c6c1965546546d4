import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getPortfolioCards, type PortfolioCards } from '@/lib/dal/kpis';
import { periodOf } from '@/lib/kpi/period';
import { makeAccount, makeOrg } from './fixtures';
import { insertChanges, insertMonthly, insertRenewal, insertTicket, insertUsage } from './kpis-fixtures';

// March 2025 in a small org. P1 (20 seats): 1000 → 1500 on 10 March; P2 (30 seats): 2000 from 1 February, churns
// on 20 March. Start cohort {P1, P2}; P2 was not yet paying on 1 February, so February's cohort is {P1}.
const march = periodOf('month', '2025-03-01');

/** Fills an org with the March story; `scale` multiplies every amount (org B uses other numbers). */
async function story(ctx: TenantCtx, ownerId: string | null, scale = 1) {
  const o = ctx.orgId;
  const p1 = await makeAccount(ctx, { licensedSeats: 20, ownerId, contractStart: '2025-01-01', onboardingCompletedAt: new Date('2025-01-21T12:00:00Z') });
  const p2 = await makeAccount(ctx, { licensedSeats: 30, contractStart: '2025-02-01' });
  await insertChanges(o, [
    { accountId: p1.id, date: '2025-01-01', mrr: 1000 * scale },
    { accountId: p1.id, date: '2025-03-10', mrr: 1500 * scale },
    { accountId: p2.id, date: '2025-02-01', mrr: 2000 * scale },
    { accountId: p2.id, date: '2025-03-20', mrr: 0 },
  ]);
  await insertRenewal(o, p1.id, '2025-03-15', 12_000 * scale, 'renewed', 12_000 * scale);
  await insertRenewal(o, p2.id, '2025-03-20', 24_000 * scale, 'churned');
  await insertRenewal(o, p1.id, '2025-03-31', 5000 * scale, 'pending');
  await insertUsage(o, p1.id, Array.from({ length: 10 * scale }, (_, i) => `user-${i}`), ['2025-03-25'], { reports: 1 });
  await insertUsage(o, p2.id, Array.from({ length: 5 * scale }, (_, i) => `user-${i}`), ['2025-03-30']);
  await insertMonthly(o, p1.id, '2025-03-01', 10 * scale, ['reports']);
  for (const resolved of [true, true, true, false]) await insertTicket(o, p1.id, '2025-03-12T10:00:00Z', resolved);
  return { p1, p2 };
}

let ctxA: TenantCtx;
let csmA: string;
let before: PortfolioCards;

beforeAll(async () => {
  const a = await makeOrg({ roles: ['csm', 'viewer'] });
  ctxA = await a.ctx('viewer');
  csmA = (await a.ctx('csm')).userId;
  await story(await a.ctx('owner'), csmA);
  before = await getPortfolioCards(ctxA, march);
});

describe('getPortfolioCards', () => {
  it('every card, hand-computed', () => {
    const c = before.cards;
    expect(before.currency).toBe('USD');
    expect(before.asOf).toBe('2025-03-31'); // the period's last day: it is in the past
    expect([c.mrr.value, c.arr.value, c.arpa.value]).toEqual([1500, 18_000, 1500]);
    expect([c.logoChurn.value, c.logoChurn.n]).toEqual([50, 2]);
    expect(c.nrr.value).toBe(50);
    expect(c.grr.value).toBeCloseTo(100 / 3, 10);
    expect([c.expansion.value, c.quickRatio.value]).toEqual([500, 0.25]);
    // churn rates: Oct–Jan no cohort, February 0 % ({P1}), March 50 %: mean 25 % → 1500 ÷ 0.25
    expect(c.ltv.value).toBeCloseTo(6000, 8);
    expect([c.renewalRate.value, c.renewalRate.n, before.renewalsPending]).toEqual([50, 2, 1]);
    expect(c.renewalRateByValue.value).toBeCloseTo(100 / 3, 10);
    expect([c.mau.value, c.utilization.value]).toEqual([15, 30]);
    expect([c.fcr.value, c.fcr.n]).toEqual([75, 4]);
    expect([c.onboarding.value, c.onboardingDays.value]).toEqual([50, 20]);
    expect(before.movements.value).toEqual({
      newMrr: 0, expansion: 500, contraction: 0, churn: 2000, reactivation: 0, net: -1500, startMrr: 3000, endMrr: 1500,
    });
  });

  it('every card carries a definition and an n', () => {
    for (const card of Object.values(before.cards)) {
      expect(card.definition).toMatch(/\.$/);
      expect(card.n).toBeGreaterThan(0);
      expect(card.reason).toBeNull();
    }
  });

  it('one CSM’s book (P1 only)', async () => {
    const k = await getPortfolioCards(ctxA, march, { kind: 'owner', ownerId: csmA });
    expect([k.cards.mrr.value, k.cards.nrr.value, k.cards.logoChurn.value, k.cards.utilization.value]).toEqual([1500, 150, 0, 50]);
    expect([k.cards.renewalRate.value, k.renewalsPending, k.cards.fcr.value, k.cards.onboarding.value]).toEqual([100, 1, 75, 100]);
    expect(k.cards.quickRatio.value).toBeNull();
  });

  it('an explicit as-of date moves the 30-day window', async () => {
    const k = await getPortfolioCards(ctxA, march, { kind: 'org' }, { asOf: '2025-03-27' });
    expect([k.asOf, k.cards.mau.value, k.cards.utilization.value]).toEqual(['2025-03-27', 10, 20]);
  });

  it('a fresh org: every card null with a reason, never 0', async () => {
    const empty = await makeOrg({ roles: [] });
    const k = await getPortfolioCards(await empty.ctx('owner'), march);
    for (const [key, card] of Object.entries(k.cards)) {
      expect([key, card.value]).toEqual([key, null]);
      expect(card.reason, key).toMatch(/\.$/);
      expect(card.n).toBe(0);
    }
  });
});

describe('tenant isolation', () => {
  it('org B’s data never changes org A’s numbers', async () => {
    const b = await makeOrg({ roles: ['csm'] });
    const ctxB = await b.ctx('owner');
    // the same story at 7 times the amounts, the same user keys and days, and a CSM of B as owner
    await story(ctxB, (await b.ctx('csm')).userId, 7);
    expect(await getPortfolioCards(ctxA, march)).toEqual(before);
    const cardsB = await getPortfolioCards(ctxB, march);
    expect([cardsB.cards.mrr.value, cardsB.cards.mau.value]).toEqual([10_500, 105]);
  });

  it('a scope naming another org’s member or account finds nothing of theirs', async () => {
    const b = await makeOrg({ roles: ['csm'] });
    const ctxB = await b.ctx('owner');
    const csmB = (await b.ctx('csm')).userId;
    await story(ctxB, csmB, 3);
    const k = await getPortfolioCards(ctxA, march, { kind: 'owner', ownerId: csmB });
    expect([k.cards.mrr.value, k.cards.mau.value, k.cards.fcr.value, k.cards.renewalRate.value]).toEqual([null, 0, null, null]);
  });
});
