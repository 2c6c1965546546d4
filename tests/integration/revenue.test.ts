import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, auditLog, organizations, revenueChanges } from '@/db/schema';
import { getAccountMrrHistory, getCurrentMrr, markChurned, reactivate, recordRevenueChange } from '@/lib/dal/revenue';
import { auditEntries, expectAppError, makeAccount, makeOrg } from './fixtures';

// The fixtures' orgs are in UTC, so "today" for them is the UTC date.
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function setup() {
  const o = await makeOrg();
  const csm = await o.ctx('csm');
  const account = await makeAccount(csm);
  return { ...o, csm, account };
}

const eventsOf = (orgId: string, accountId: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId))).orderBy(accountEvents.occurredAt);

describe('recordRevenueChange', () => {
  it('refuses bad input with field errors and writes nothing', async () => {
    const { csm, account, org } = await setup();
    const bad = async (input: Record<string, unknown>) => (await expectAppError(recordRevenueChange(csm, account.id, input as never), 'VALIDATION')).fieldErrors;
    expect((await bad({ effectiveDate: '2025-02-31', mrr: 100 }))?.effectiveDate).toEqual(['That date does not exist.']);
    expect((await bad({ effectiveDate: '2025-02-01', mrr: -1 }))?.mrr).toEqual(['The amount cannot be negative.']);
    expect((await bad({ effectiveDate: '2025-02-01', mrr: 10.5 }))?.mrr).toEqual(['Use whole minor units (cents).']);
    expect((await bad({ effectiveDate: '2025-02-01', mrr: '' }))?.mrr).toEqual(['Enter an amount.']);
    expect((await bad({ effectiveDate: '2025-02-01', mrr: 0 }))?.churnReason).toEqual(['Give the churn reason: a change to 0 is a churn.']);
    expect((await bad({ effectiveDate: '2025-02-01', mrr: 5, churnReason: 'Budget cuts' }))?.churnReason).toEqual(['A churn reason goes only with an MRR of 0.']);
    // 0 -> 0 is no churn: nothing was paying
    expect((await bad({ effectiveDate: '2025-02-01', mrr: 0, churnReason: 'Budget cuts' }))?.mrr).toEqual(['The MRR is already 0 on that date.']);
    expect(await db.$count(revenueChanges, eq(revenueChanges.orgId, org.id))).toBe(0);
  });

  it('stores the org currency, the actor, a timeline event and an audit entry in words', async () => {
    const { csm, account, org, users } = await setup();
    await db.update(organizations).set({ currency: 'EUR' }).where(eq(organizations.id, org.id));
    const id = await recordRevenueChange(csm, account.id, { effectiveDate: today(), mrr: 120_000 });
    const [row] = await db.select().from(revenueChanges).where(and(eq(revenueChanges.orgId, org.id), eq(revenueChanges.id, id)));
    expect(row).toMatchObject({ accountId: account.id, mrr: 120_000, currency: 'EUR', churnReason: null, actorType: 'user', actorId: users.csm.id });
    const [event] = await eventsOf(org.id, account.id);
    expect(event).toMatchObject({ kind: 'revenue.changed', summary: 'New subscription, MRR €0 → €1,200.00', actorId: users.csm.id });
    expect(event.data).toMatchObject({ revenueChangeId: id, movement: 'new', previousMrr: 0, mrr: 120_000 });
    const [audit] = await auditEntries(org.id, 'revenue.changed');
    expect(audit).toMatchObject({ entityType: 'revenue_change', entityId: id, before: { mrr: 0 }, after: { accountId: account.id, mrr: 120_000, currency: 'EUR' } });
  });

  it('says when a change is not effective today', async () => {
    const { csm, account, org } = await setup();
    await recordRevenueChange(csm, account.id, { effectiveDate: '2025-03-01', mrr: 50_000 });
    const [event] = await eventsOf(org.id, account.id);
    expect(event.summary).toBe('New subscription, MRR $0 → $500.00 (effective Mar 1, 2025)');
  });
});

describe('getAccountMrrHistory', () => {
  it('derives every movement kind in SQL, newest first, with same-day changes ordered by recordedAt', async () => {
    const { csm, account, ctx } = await setup();
    const add = (effectiveDate: string, mrr: number, churnReason?: string) => recordRevenueChange(csm, account.id, { effectiveDate, mrr, churnReason });
    await add('2025-01-10', 100_000);
    await add('2025-02-01', 150_000);
    await add('2025-03-01', 120_000);
    await add('2025-04-01', 0, 'Budget cuts');
    await add('2025-06-01', 90_000);
    await add('2025-06-01', 90_000); // unchanged: no movement
    // two changes on one day: the one recorded first comes first, whatever their ids
    await add('2025-07-01', 200_000);
    await add('2025-07-01', 0, 'Moved to competitor');
    const history = await getAccountMrrHistory(await ctx('viewer'), account.id);
    expect(history.total).toBe(8);
    expect(history.rows.map((r) => [r.effectiveDate, r.previousMrr, r.mrr, r.movement, r.churnReason])).toEqual([
      ['2025-07-01', 200_000, 0, 'churn', 'Moved to competitor'],
      ['2025-07-01', 90_000, 200_000, 'expansion', null],
      ['2025-06-01', 90_000, 90_000, null, null],
      ['2025-06-01', 0, 90_000, 'reactivation', null],
      ['2025-04-01', 120_000, 0, 'churn', 'Budget cuts'],
      ['2025-03-01', 150_000, 120_000, 'contraction', null],
      ['2025-02-01', 100_000, 150_000, 'expansion', null],
      ['2025-01-10', 0, 100_000, 'new', null],
    ]);
    expect(history.rows[0].actorName).toMatch(/^csm /);
    const page2 = await getAccountMrrHistory(csm, account.id, { page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.movement)).toEqual(['reactivation', 'churn', 'contraction']);
    expect(page2).toMatchObject({ total: 8, page: 2, pageSize: 3 });
  });

  it('orders same-day changes by recordedAt even when inserted the other way round', async () => {
    const { csm, account, org } = await setup();
    const row = (mrr: number, recordedAt: string, churnReason: string | null = null) =>
      ({ orgId: org.id, accountId: account.id, effectiveDate: '2025-05-05', mrr, currency: 'USD', churnReason, recordedAt: new Date(recordedAt) });
    await db.insert(revenueChanges).values(row(70_000, '2025-05-05T12:00:00Z'));
    await db.insert(revenueChanges).values(row(0, '2025-05-05T11:00:00Z', 'Acquired'));
    await db.insert(revenueChanges).values(row(50_000, '2025-05-05T10:00:00Z'));
    const { rows } = await getAccountMrrHistory(csm, account.id);
    expect(rows.map((r) => [r.previousMrr, r.mrr, r.movement])).toEqual([
      [0, 70_000, 'reactivation'],
      [50_000, 0, 'churn'],
      [0, 50_000, 'new'],
    ]);
  });

  it('is empty for an account without revenue and NOT_FOUND for junk ids', async () => {
    const { csm, account } = await setup();
    expect(await getAccountMrrHistory(csm, account.id)).toMatchObject({ rows: [], total: 0 });
    await expectAppError(getAccountMrrHistory(csm, 'not-a-uuid'), 'NOT_FOUND');
    await expectAppError(getAccountMrrHistory(csm, crypto.randomUUID()), 'NOT_FOUND');
  });
});

describe('markChurned and reactivate', () => {
  it('churns a paying account with the reason in the timeline, then reactivates it', async () => {
    const { csm, account, org } = await setup();
    await recordRevenueChange(csm, account.id, { effectiveDate: '2025-01-01', mrr: 120_000 });
    await markChurned(csm, account.id, { effectiveDate: today(), reason: 'Budget cuts' });
    await reactivate(csm, account.id, { effectiveDate: today(), mrr: '80000' });
    const events = await eventsOf(org.id, account.id);
    expect(events.map((e) => [e.kind, e.summary])).toEqual([
      ['revenue.changed', 'New subscription, MRR $0 → $1,200.00 (effective Jan 1, 2025)'],
      ['revenue.churned', 'Churned: Budget cuts, MRR $1,200.00 → $0'],
      ['revenue.reactivated', 'Reactivated, MRR $0 → $800.00'],
    ]);
    expect((await auditEntries(org.id, 'revenue.churned'))[0]).toMatchObject({ before: { mrr: 120_000 }, after: { mrr: 0, churnReason: 'Budget cuts' } });
    expect((await getCurrentMrr(csm, [account.id]))[account.id]).toMatchObject({ mrr: 80_000, status: 'paying' });
  });

  it('refuses to churn an account that is not paying or to date the churn before a recorded change', async () => {
    const { csm, account } = await setup();
    const never = await expectAppError(markChurned(csm, account.id, { effectiveDate: '2025-02-01', reason: 'Poor adoption' }), 'CONFLICT');
    expect(never.message).toBe('This account is not paying (its MRR is already 0), so it cannot churn.');
    await recordRevenueChange(csm, account.id, { effectiveDate: '2025-01-01', mrr: 10_000 });
    await recordRevenueChange(csm, account.id, { effectiveDate: '2025-03-01', mrr: 12_000 });
    const early = await expectAppError(markChurned(csm, account.id, { effectiveDate: '2025-02-01', reason: 'Poor adoption' }), 'VALIDATION');
    expect(early.fieldErrors?.effectiveDate).toEqual(['A revenue change dated Mar 1, 2025 is already recorded; date the churn on or after it.']);
    expect((await expectAppError(markChurned(csm, account.id, { effectiveDate: '2025-04-01', reason: ' ' }), 'VALIDATION')).fieldErrors?.reason).toEqual(['Give the churn reason.']);
    await markChurned(csm, account.id, { effectiveDate: '2025-04-01', reason: 'Poor adoption' });
    await expectAppError(markChurned(csm, account.id, { effectiveDate: '2025-05-01', reason: 'Poor adoption' }), 'CONFLICT');
  });

  it('reactivates only a churned account that had a subscription, with an MRR above 0', async () => {
    const { csm, account } = await setup();
    const never = await expectAppError(reactivate(csm, account.id, { effectiveDate: '2025-02-01', mrr: 1000 }), 'CONFLICT');
    expect(never.message).toBe('This account never had a subscription; record its first revenue change instead.');
    await recordRevenueChange(csm, account.id, { effectiveDate: '2025-01-01', mrr: 10_000 });
    const paying = await expectAppError(reactivate(csm, account.id, { effectiveDate: '2025-02-01', mrr: 1000 }), 'CONFLICT');
    expect(paying.message).toBe('This account is paying ($100.00 MRR); only a churned account can be reactivated.');
    await markChurned(csm, account.id, { effectiveDate: '2025-03-01', reason: 'Acquired' });
    expect((await expectAppError(reactivate(csm, account.id, { effectiveDate: '2025-04-01', mrr: 0 }), 'VALIDATION')).fieldErrors?.mrr)
      .toEqual(['A reactivation needs an MRR above 0.']);
    await expectAppError(reactivate(csm, account.id, { effectiveDate: '2025-02-15', mrr: 1000 }), 'VALIDATION');
    await reactivate(csm, account.id, { effectiveDate: '2025-04-01', mrr: 9_000 });
    expect((await getAccountMrrHistory(csm, account.id)).rows[0]).toMatchObject({ movement: 'reactivation', previousMrr: 0, mrr: 9_000 });
  });
});

describe('getCurrentMrr', () => {
  it('gives each account its MRR as of today in one call; future changes, no revenue and junk ids are left out', async () => {
    const { csm, org } = await setup();
    const [paying, churned, future, none] = await Promise.all([1, 2, 3, 4].map(() => makeAccount(csm)));
    await recordRevenueChange(csm, paying.id, { effectiveDate: '2025-01-01', mrr: 30_000 });
    await recordRevenueChange(csm, paying.id, { effectiveDate: today(), mrr: 35_000 });
    await recordRevenueChange(csm, churned.id, { effectiveDate: '2025-01-01', mrr: 20_000 });
    await markChurned(csm, churned.id, { effectiveDate: '2025-06-01', reason: 'Budget cuts' });
    await recordRevenueChange(csm, future.id, { effectiveDate: '2025-01-01', mrr: 10_000 });
    await recordRevenueChange(csm, future.id, { effectiveDate: daysFromToday(30), mrr: 50_000 });
    const current = await getCurrentMrr(csm, [paying.id, churned.id, future.id, none.id, 'junk', paying.id]);
    expect(current).toEqual({
      [paying.id]: { mrr: 35_000, currency: 'USD', since: today(), churnReason: null, status: 'paying' },
      [churned.id]: { mrr: 0, currency: 'USD', since: '2025-06-01', churnReason: 'Budget cuts', status: 'churned' },
      [future.id]: { mrr: 10_000, currency: 'USD', since: '2025-01-01', churnReason: null, status: 'paying' },
    });
    expect(await getCurrentMrr(csm, [])).toEqual({});
    expect(org.currency).toBe('USD');
  });
});

describe('revenue tenancy and roles', () => {
  it('org B can neither write nor read org A\'s revenue; nothing of A changes', async () => {
    const a = await setup();
    await recordRevenueChange(a.csm, a.account.id, { effectiveDate: '2025-01-01', mrr: 40_000 });
    const before = await db.select().from(revenueChanges).where(eq(revenueChanges.orgId, a.org.id));
    const b = await makeOrg();
    const bOwner = await b.ctx('owner');
    await expectAppError(recordRevenueChange(bOwner, a.account.id, { effectiveDate: '2025-02-01', mrr: 1 }), 'NOT_FOUND');
    await expectAppError(markChurned(bOwner, a.account.id, { effectiveDate: '2025-02-01', reason: 'Hijack' }), 'NOT_FOUND');
    await expectAppError(reactivate(bOwner, a.account.id, { effectiveDate: '2025-02-01', mrr: 1 }), 'NOT_FOUND');
    await expectAppError(getAccountMrrHistory(bOwner, a.account.id), 'NOT_FOUND');
    expect(await getCurrentMrr(bOwner, [a.account.id])).toEqual({});
    expect(await db.select().from(revenueChanges).where(eq(revenueChanges.orgId, a.org.id))).toEqual(before);
    expect(await db.$count(auditLog, eq(auditLog.orgId, b.org.id))).toBe(0);
  });

  it('a viewer reads the history but changes nothing', async () => {
    const { account, org, ctx, csm } = await setup();
    await recordRevenueChange(csm, account.id, { effectiveDate: '2025-01-01', mrr: 40_000 });
    const viewer = await ctx('viewer');
    await expectAppError(recordRevenueChange(viewer, account.id, { effectiveDate: '2025-02-01', mrr: 1 }), 'FORBIDDEN');
    await expectAppError(markChurned(viewer, account.id, { effectiveDate: '2025-02-01', reason: 'x' }), 'FORBIDDEN');
    await expectAppError(reactivate(viewer, account.id, { effectiveDate: '2025-02-01', mrr: 1 }), 'FORBIDDEN');
    expect((await getAccountMrrHistory(viewer, account.id)).total).toBe(1);
    expect((await getCurrentMrr(viewer, [account.id]))[account.id]?.mrr).toBe(40_000);
    expect(await db.$count(revenueChanges, eq(revenueChanges.orgId, org.id))).toBe(1);
  });
});
