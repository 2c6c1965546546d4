import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, auditLog, renewals, revenueChanges } from '@/db/schema';
import { createRenewal, listAccountRenewals, recordRenewalOutcome } from '@/lib/dal/renewals';
import { markChurned, recordRevenueChange } from '@/lib/dal/revenue';
import { auditEntries, expectAppError, makeAccount, makeOrg } from './fixtures';

async function setup() {
  const o = await makeOrg();
  const csm = await o.ctx('csm');
  const account = await makeAccount(csm, { contractStart: '2024-03-01', nextRenewalDate: '2025-03-01' });
  return { ...o, csm, account };
}

const nextRenewalDate = async (orgId: string, id: string) =>
  (await db.select({ d: accounts.nextRenewalDate }).from(accounts).where(and(eq(accounts.orgId, orgId), eq(accounts.id, id))))[0].d;

const pendingOf = (orgId: string, accountId: string) =>
  db.select({ dueDate: renewals.dueDate, arrDue: renewals.arrDue }).from(renewals)
    .where(and(eq(renewals.orgId, orgId), eq(renewals.accountId, accountId), eq(renewals.outcome, 'pending')))
    .orderBy(renewals.dueDate);

describe('createRenewal', () => {
  it('validates, adds a pending renewal and moves next_renewal_date to the earliest pending one', async () => {
    const { csm, account, org } = await setup();
    const bad = async (input: Record<string, unknown>) => (await expectAppError(createRenewal(csm, account.id, input as never), 'VALIDATION')).fieldErrors;
    expect(await bad({ dueDate: '2026-13-01', arrDue: 100 })).toEqual({ dueDate: ['That date does not exist.'] });
    expect(await bad({ dueDate: '2026-01-01', arrDue: -5 })).toEqual({ arrDue: ['The amount cannot be negative.'] });

    const later = await createRenewal(csm, account.id, { dueDate: '2026-09-01', arrDue: 2_400_000 });
    expect(await nextRenewalDate(org.id, account.id)).toBe('2026-09-01');
    await createRenewal(csm, account.id, { dueDate: '2026-03-01', arrDue: '1200000' });
    expect(await nextRenewalDate(org.id, account.id)).toBe('2026-03-01');
    const dup = await expectAppError(createRenewal(csm, account.id, { dueDate: '2026-09-01', arrDue: 1 }), 'CONFLICT');
    expect(dup.message).toBe('A pending renewal is already due on Sep 1, 2026.');

    const events = await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, org.id), eq(accountEvents.kind, 'renewal.created'))).orderBy(accountEvents.occurredAt);
    expect(events.map((e) => e.summary)).toEqual(['Renewal due Sep 1, 2026 added: ARR $24,000.00', 'Renewal due Mar 1, 2026 added: ARR $12,000.00']);
    expect((await auditEntries(org.id, 'renewal.created'))[0]).toMatchObject({
      entityId: later, before: { nextRenewalDate: '2025-03-01' }, after: { dueDate: '2026-09-01', arrDue: 2_400_000, outcome: 'pending', nextRenewalDate: '2026-09-01' },
    });
  });
});

describe('recordRenewalOutcome', () => {
  it('refuses outcomes that contradict the renewed ARR', async () => {
    const { csm, account } = await setup();
    const id = await createRenewal(csm, account.id, { dueDate: '2026-03-01', arrDue: 1_200_000 });
    const fields = async (input: Record<string, unknown>) => (await expectAppError(recordRenewalOutcome(csm, id, input as never), 'VALIDATION')).fieldErrors;
    expect(await fields({ outcome: 'renewed' })).toEqual({ renewedArr: ['Enter the renewed ARR (above 0).'] });
    expect(await fields({ outcome: 'downgraded', renewedArr: 0 })).toEqual({ renewedArr: ['Enter the renewed ARR (above 0).'] });
    expect(await fields({ outcome: 'churned', renewedArr: 5, churnReason: 'Acquired' })).toEqual({ renewedArr: ['A churned renewal renews nothing: leave the ARR empty or 0.'] });
    expect(await fields({ outcome: 'churned', churnReason: '  ' })).toEqual({ churnReason: ['Give the churn reason: the account\'s MRR goes to 0 at the due date.'] });
    expect(Object.keys((await fields({ outcome: 'pending', renewedArr: 5 }))!)).toEqual(['outcome']);
    expect(await fields({ outcome: 'downgraded', renewedArr: 1_200_000 })).toEqual({ renewedArr: ['A downgrade renews less than the $12,000.00 due; this is a renewal.'] });
    expect(await fields({ outcome: 'renewed', renewedArr: 1_199_999 })).toEqual({ renewedArr: ['A renewal keeps at least the $12,000.00 due; this is a downgrade.'] });
    expect((await listAccountRenewals(csm, account.id)).rows[0].outcome).toBe('pending');
  });

  it('renewed: creates the next pending renewal 12 months after the due date and moves next_renewal_date', async () => {
    const { csm, account, org, users } = await setup();
    const id = await createRenewal(csm, account.id, { dueDate: '2024-02-29', arrDue: 1_200_000 });
    const { nextRenewalId } = await recordRenewalOutcome(csm, id, { outcome: 'renewed', renewedArr: 1_320_000 });
    expect(await pendingOf(org.id, account.id)).toEqual([{ dueDate: '2025-02-28', arrDue: 1_320_000 }]);
    expect(await nextRenewalDate(org.id, account.id)).toBe('2025-02-28');
    const [decided] = await db.select().from(renewals).where(and(eq(renewals.orgId, org.id), eq(renewals.id, id)));
    expect(decided).toMatchObject({ outcome: 'renewed', renewedArr: 1_320_000, decidedBy: users.csm.id });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    const [event] = await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, org.id), eq(accountEvents.kind, 'renewal.decided')));
    expect(event.summary).toBe('Renewal due Feb 29, 2024 renewed: ARR $12,000.00 → $13,200.00');
    expect(event.data).toMatchObject({ nextRenewalId, nextRenewalDate: { from: '2024-02-29', to: '2025-02-28' } });
    expect((await auditEntries(org.id, 'renewal.decided'))[0]).toMatchObject({ entityId: id, after: { outcome: 'renewed', nextRenewalDate: '2025-02-28' } });
    await expectAppError(recordRenewalOutcome(csm, id, { outcome: 'churned', churnReason: 'Budget cuts' }), 'CONFLICT');
  });

  it('downgraded renews less; churned creates nothing and leaves next_renewal_date null', async () => {
    const { csm, account, org } = await setup();
    const first = await createRenewal(csm, account.id, { dueDate: '2025-03-01', arrDue: 1_200_000 });
    const { nextRenewalId } = await recordRenewalOutcome(csm, first, { outcome: 'downgraded', renewedArr: 900_000 });
    expect(await pendingOf(org.id, account.id)).toEqual([{ dueDate: '2026-03-01', arrDue: 900_000 }]);
    expect(await recordRenewalOutcome(csm, nextRenewalId!, { outcome: 'churned', renewedArr: '', churnReason: 'Budget cuts' })).toEqual({ nextRenewalId: null });
    expect(await pendingOf(org.id, account.id)).toEqual([]);
    expect(await nextRenewalDate(org.id, account.id)).toBeNull();
    const { rows, total } = await listAccountRenewals(csm, account.id);
    expect(total).toBe(2);
    expect(rows.map((r) => [r.dueDate, r.outcome, r.arrDue, r.renewedArr])).toEqual([
      ['2026-03-01', 'churned', 900_000, 0],
      ['2025-03-01', 'downgraded', 1_200_000, 900_000],
    ]);
    const summaries = (await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, org.id), eq(accountEvents.kind, 'renewal.decided'))).orderBy(accountEvents.occurredAt)).map((e) => e.summary);
    expect(summaries).toEqual(['Renewal due Mar 1, 2025 downgraded: ARR $12,000.00 → $9,000.00', 'Renewal due Mar 1, 2026 churned: ARR $9,000.00 lost']);
  });

  it('churned is a churn: the MRR goes to 0 at the due date with the reason, unless it already is; never before a later change', async () => {
    const { csm, account, org } = await setup();
    await recordRevenueChange(csm, account.id, { effectiveDate: '2024-03-01', mrr: 100_000 });
    const id = await createRenewal(csm, account.id, { dueDate: '2025-03-01', arrDue: 1_200_000 });
    await recordRenewalOutcome(csm, id, { outcome: 'churned', churnReason: 'Moved to competitor' });
    const changes = await db.select({ date: revenueChanges.effectiveDate, mrr: revenueChanges.mrr, reason: revenueChanges.churnReason })
      .from(revenueChanges).where(and(eq(revenueChanges.orgId, org.id), eq(revenueChanges.accountId, account.id))).orderBy(revenueChanges.effectiveDate);
    expect(changes).toEqual([{ date: '2024-03-01', mrr: 100_000, reason: null }, { date: '2025-03-01', mrr: 0, reason: 'Moved to competitor' }]);
    const kinds = (await db.select({ kind: accountEvents.kind }).from(accountEvents).where(and(eq(accountEvents.orgId, org.id), eq(accountEvents.accountId, account.id)))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['revenue.churned', 'renewal.decided']));

    // already churned by hand before the due date: no second change
    const second = await makeAccount(csm);
    await recordRevenueChange(csm, second.id, { effectiveDate: '2024-01-01', mrr: 50_000 });
    await markChurned(csm, second.id, { effectiveDate: '2025-01-15', reason: 'Budget cuts' });
    const r2 = await createRenewal(csm, second.id, { dueDate: '2025-02-01', arrDue: 600_000 });
    await recordRenewalOutcome(csm, r2, { outcome: 'churned', churnReason: 'Budget cuts' });
    expect(await db.$count(revenueChanges, and(eq(revenueChanges.orgId, org.id), eq(revenueChanges.accountId, second.id)))).toBe(2);

    // a change dated after the due date: refused next to the outcome, nothing written
    const third = await makeAccount(csm);
    await recordRevenueChange(csm, third.id, { effectiveDate: '2025-06-01', mrr: 70_000 });
    const r3 = await createRenewal(csm, third.id, { dueDate: '2025-05-01', arrDue: 840_000 });
    await recordRevenueChange(csm, third.id, { effectiveDate: '2024-01-01', mrr: 60_000 });
    const err = await expectAppError(recordRenewalOutcome(csm, r3, { outcome: 'churned', churnReason: 'Acquired' }), 'VALIDATION');
    expect(err.fieldErrors?.outcome?.[0]).toMatch(/^A revenue change dated Jun 1, 2025 is recorded after the due date/);
    expect((await pendingOf(org.id, third.id))).toHaveLength(1);
  });

  it('keeps an existing pending renewal on the next due date instead of duplicating it', async () => {
    const { csm, account, org } = await setup();
    const id = await createRenewal(csm, account.id, { dueDate: '2025-06-01', arrDue: 100_000 });
    await createRenewal(csm, account.id, { dueDate: '2026-06-01', arrDue: 150_000 });
    expect(await recordRenewalOutcome(csm, id, { outcome: 'renewed', renewedArr: 100_000 })).toEqual({ nextRenewalId: null });
    expect(await pendingOf(org.id, account.id)).toEqual([{ dueDate: '2026-06-01', arrDue: 150_000 }]);
    expect(await nextRenewalDate(org.id, account.id)).toBe('2026-06-01');
  });

  it('pages the renewal list', async () => {
    const { csm, account } = await setup();
    for (const year of [2024, 2025, 2026]) await createRenewal(csm, account.id, { dueDate: `${year}-05-01`, arrDue: 1000 });
    const page = await listAccountRenewals(csm, account.id, { page: 2, pageSize: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.rows.map((r) => r.dueDate)).toEqual(['2024-05-01']);
  });
});

describe('renewal tenancy and roles', () => {
  it('org B gets NOT_FOUND on org A\'s account and renewal; A is unchanged', async () => {
    const a = await setup();
    const id = await createRenewal(a.csm, a.account.id, { dueDate: '2026-03-01', arrDue: 1000 });
    const before = await db.select().from(renewals).where(eq(renewals.orgId, a.org.id));
    const b = await makeOrg();
    const bOwner = await b.ctx('owner');
    await expectAppError(createRenewal(bOwner, a.account.id, { dueDate: '2026-04-01', arrDue: 1 }), 'NOT_FOUND');
    await expectAppError(recordRenewalOutcome(bOwner, id, { outcome: 'churned', churnReason: 'Budget cuts' }), 'NOT_FOUND');
    await expectAppError(recordRenewalOutcome(bOwner, 'junk', { outcome: 'churned', churnReason: 'Budget cuts' }), 'NOT_FOUND');
    await expectAppError(listAccountRenewals(bOwner, a.account.id), 'NOT_FOUND');
    expect(await db.select().from(renewals).where(eq(renewals.orgId, a.org.id))).toEqual(before);
    expect(await nextRenewalDate(a.org.id, a.account.id)).toBe('2026-03-01');
    expect(await db.$count(auditLog, eq(auditLog.orgId, b.org.id))).toBe(0);
  });

  it('a viewer lists renewals but cannot create or decide one', async () => {
    const { csm, account, ctx } = await setup();
    const id = await createRenewal(csm, account.id, { dueDate: '2026-03-01', arrDue: 1000 });
    const viewer = await ctx('viewer');
    await expectAppError(createRenewal(viewer, account.id, { dueDate: '2026-04-01', arrDue: 1 }), 'FORBIDDEN');
    await expectAppError(recordRenewalOutcome(viewer, id, { outcome: 'renewed', renewedArr: 1000 }), 'FORBIDDEN');
    expect((await listAccountRenewals(viewer, account.id)).rows.map((r) => r.outcome)).toEqual(['pending']);
  });
});
