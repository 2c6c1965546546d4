import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, organizations, renewals, revenueChanges, tickets } from '@/db/schema';
import { createRenewalAction, recordRenewalOutcomeAction } from '@/lib/actions/renewals';
import { markChurnedAction, reactivateAction, recordRevenueChangeAction } from '@/lib/actions/revenue';
import { closeTicketAction, openTicketAction } from '@/lib/actions/tickets';
import { getCurrentMrr } from '@/lib/dal/revenue';
import { makeAccount, makeOrg } from './fixtures';
import { form, signIn } from './session';

// Server actions read the session through getSessionUser; the tests choose who is signed in.
vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

// The fixtures' orgs are in UTC, so "today" for them is the UTC date.
const today = () => new Date().toISOString().slice(0, 10);

async function setup() {
  const o = await makeOrg();
  const account = await makeAccount(await o.ctx('owner'));
  signIn(o.users.csm);
  return { ...o, account, slug: o.org.slug, page: `/${o.org.slug}/accounts/${account.id}` };
}

const changesOf = (orgId: string, accountId: string) =>
  db.select().from(revenueChanges).where(and(eq(revenueChanges.orgId, orgId), eq(revenueChanges.accountId, accountId))).orderBy(revenueChanges.recordedAt);
const eventKinds = async (orgId: string, accountId: string) =>
  (await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId))).orderBy(accountEvents.occurredAt))
    .map((e) => [e.kind, e.summary]);

beforeEach(() => vi.mocked(revalidatePath).mockClear());

describe('revenue actions', () => {
  it('refuses badly typed amounts and dates as field errors, all at once, and writes nothing', async () => {
    const { slug, account, org } = await setup();
    const record = (mrr: string, effectiveDate = '2025-03-01') => recordRevenueChangeAction(slug, null, form({ accountId: account.id, effectiveDate, mrr }));
    expect(await record('1.234', '2025-02-30')).toEqual({
      ok: false, code: 'VALIDATION', message: 'Check the highlighted fields.',
      fieldErrors: { effectiveDate: ['That date does not exist.'], mrr: ['Use at most 2 decimals.'] },
    });
    expect(await record('-5')).toMatchObject({ fieldErrors: { mrr: ['The amount cannot be negative.'] } });
    expect(await record('twelve')).toMatchObject({ fieldErrors: { mrr: ['Enter a number like 1,250.50.'] } });
    expect(await record('')).toMatchObject({ fieldErrors: { mrr: ['Enter an amount.'] } });
    expect(await record('0')).toMatchObject({ fieldErrors: { mrr: ['Enter an MRR above 0. To take it to 0, use "Mark churned".'] } });
    // above what the DAL stores: its message lands on the same field
    expect(await record('100,000,000,001')).toMatchObject({ fieldErrors: { mrr: ['That amount is larger than we can store.'] } });
    expect(await changesOf(org.id, account.id)).toEqual([]);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('stores a typed "1,250.50" as 125050 minor units, and whole yen for a JPY org', async () => {
    const { slug, account, org, page } = await setup();
    expect(await recordRevenueChangeAction(slug, null, form({ accountId: account.id, effectiveDate: '2025-03-01', mrr: '1,250.50' }))).toMatchObject({ ok: true });
    expect((await changesOf(org.id, account.id)).map((c) => [c.mrr, c.currency])).toEqual([[125_050, 'USD']]);
    expect(revalidatePath).toHaveBeenCalledWith(page);

    const jp = await setup();
    await db.update(organizations).set({ currency: 'JPY' }).where(eq(organizations.id, jp.org.id));
    const yen = (mrr: string) => recordRevenueChangeAction(jp.slug, null, form({ accountId: jp.account.id, effectiveDate: '2025-03-01', mrr }));
    expect(await yen('1,500.50')).toMatchObject({ fieldErrors: { mrr: ['This currency has no decimals: enter a whole amount.'] } });
    expect(await yen('1,500')).toMatchObject({ ok: true });
    expect((await changesOf(jp.org.id, jp.account.id)).map((c) => [c.mrr, c.currency])).toEqual([[1500, 'JPY']]);
  });

  it('marks a paying account churned, then reactivates it: the current MRR and the timeline follow', async () => {
    const { slug, account, org, ctx } = await setup();
    const viewer = await ctx('viewer');
    await recordRevenueChangeAction(slug, null, form({ accountId: account.id, effectiveDate: '2025-01-15', mrr: '1000' }));
    expect((await getCurrentMrr(viewer, [account.id]))[account.id]).toMatchObject({ mrr: 100_000, status: 'paying' });

    const churn = (fields: Record<string, string>) => markChurnedAction(slug, null, form({ accountId: account.id, effectiveDate: today(), ...fields }));
    expect(await churn({ reason: '' })).toMatchObject({ fieldErrors: { reason: ['Choose why the account churned.'] } });
    expect(await churn({ reason: 'other', otherReason: '  ' })).toMatchObject({ fieldErrors: { otherReason: ['Say why the account churned.'] } });
    expect(await churn({ reason: 'other', otherReason: 'Merged into their parent company' })).toMatchObject({ ok: true });
    expect((await getCurrentMrr(viewer, [account.id]))[account.id]).toMatchObject({ mrr: 0, status: 'churned', churnReason: 'Merged into their parent company', since: today() });
    // churned already: a second churn is a conflict, not a second event
    expect(await churn({ reason: 'Budget cuts' })).toMatchObject({ ok: false, code: 'CONFLICT' });

    const back = (mrr: string) => reactivateAction(slug, null, form({ accountId: account.id, effectiveDate: today(), mrr }));
    expect(await back('0')).toMatchObject({ fieldErrors: { mrr: ['A reactivation needs an MRR above 0.'] } });
    expect(await back('900.00')).toMatchObject({ ok: true });
    expect((await getCurrentMrr(viewer, [account.id]))[account.id]).toMatchObject({ mrr: 90_000, status: 'paying', churnReason: null });

    expect(await eventKinds(org.id, account.id)).toEqual([
      ['revenue.changed', 'New subscription, MRR $0 → $1,000.00 (effective Jan 15, 2025)'],
      ['revenue.churned', 'Churned: Merged into their parent company, MRR $1,000.00 → $0'],
      ['revenue.reactivated', 'Reactivated, MRR $0 → $900.00'],
    ]);
  });

  it('lets a viewer change nothing and gives another org NOT_FOUND for the account', async () => {
    const { slug, account, org, users } = await setup();
    const b = await makeOrg();
    const fields = { accountId: account.id, effectiveDate: '2025-03-01', mrr: '10' };
    signIn(users.viewer);
    expect(await recordRevenueChangeAction(slug, null, form(fields))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await markChurnedAction(slug, null, form({ ...fields, reason: 'Budget cuts' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await reactivateAction(slug, null, form(fields))).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    signIn(b.users.csm);
    expect(await recordRevenueChangeAction(b.org.slug, null, form(fields))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await reactivateAction(b.org.slug, null, form(fields))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await markChurnedAction(b.org.slug, null, form({ ...fields, reason: 'Budget cuts' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await recordRevenueChangeAction(b.org.slug, null, form({ ...fields, accountId: 'not-a-uuid' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // a member of B naming A's slug is not a member of A
    expect(await recordRevenueChangeAction(slug, null, form(fields))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await changesOf(org.id, account.id)).toEqual([]);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe('renewal actions', () => {
  const pendingOf = (orgId: string, accountId: string) =>
    db.select({ id: renewals.id, dueDate: renewals.dueDate, arrDue: renewals.arrDue }).from(renewals)
      .where(and(eq(renewals.orgId, orgId), eq(renewals.accountId, accountId), eq(renewals.outcome, 'pending')));

  it('adds a renewal typed in major units; a renewed outcome creates the next pending one 12 months later', async () => {
    const { slug, account, org, page } = await setup();
    const create = (fields: Record<string, string>) => createRenewalAction(slug, null, form({ accountId: account.id, ...fields }));
    expect(await create({ dueDate: '2026-02-29', arrDue: '12,000.005' })).toMatchObject({
      fieldErrors: { dueDate: ['That date does not exist.'], arrDue: ['Use at most 2 decimals.'] },
    });
    const created = await create({ dueDate: '2026-03-31', arrDue: '12,000' });
    expect(created).toMatchObject({ ok: true });
    expect(await pendingOf(org.id, account.id)).toEqual([{ id: (created as { data: { id: string } }).data.id, dueDate: '2026-03-31', arrDue: 1_200_000 }]);
    expect(revalidatePath).toHaveBeenLastCalledWith(page);

    const decide = (fields: Record<string, string>) =>
      recordRenewalOutcomeAction(slug, null, form({ accountId: account.id, renewalId: (created as { data: { id: string } }).data.id, ...fields }));
    // the rules come back as errors of the field they are about
    expect(await decide({ outcome: 'renewed', renewedArr: '' })).toMatchObject({ fieldErrors: { renewedArr: ['Enter the renewed ARR (above 0).'] } });
    expect(await decide({ outcome: 'renewed', renewedArr: '11,999.99' })).toMatchObject({
      fieldErrors: { renewedArr: ['A renewal keeps at least the $12,000.00 due; this is a downgrade.'] },
    });
    expect(await decide({ outcome: 'won', renewedArr: '1.5.0' })).toMatchObject({
      fieldErrors: { outcome: ['Choose renewed, downgraded or churned.'], renewedArr: ['Enter a number like 1,250.50.'] },
    });
    const renewed = await decide({ outcome: 'renewed', renewedArr: '12,600.00' });
    expect(renewed).toMatchObject({ ok: true });
    const next = await pendingOf(org.id, account.id);
    expect(next).toEqual([{ id: (renewed as { data: { nextRenewalId: string } }).data.nextRenewalId, dueDate: '2027-03-31', arrDue: 1_260_000 }]);
    const [acc] = await db.select({ next: accounts.nextRenewalDate }).from(accounts).where(and(eq(accounts.orgId, org.id), eq(accounts.id, account.id)));
    expect(acc.next).toBe('2027-03-31');
    expect(await decide({ outcome: 'renewed', renewedArr: '12,600.00' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'This renewal was already decided (renewed).' });

    // churned: the reason is asked for (next to its field; "Other…" needs the typed one), the ARR left empty; nothing follows
    const churn = (fields: Record<string, string>) => recordRenewalOutcomeAction(slug, null, form({ accountId: account.id, renewalId: next[0].id, outcome: 'churned', renewedArr: '', ...fields }));
    expect(await churn({ churnReason: '' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { churnReason: [expect.stringMatching(/^Give the churn reason/)] } });
    expect(await churn({ churnReason: 'other', otherReason: '' })).toMatchObject({ ok: false, fieldErrors: { otherReason: ['Say why the account churned.'] } });
    expect(await churn({ churnReason: 'other', otherReason: 'Merged with a customer' })).toMatchObject({ ok: true, data: { nextRenewalId: null } });
    expect(await pendingOf(org.id, account.id)).toEqual([]);
  });

  it('refuses viewers and another org', async () => {
    const { slug, account, org, users } = await setup();
    const created = await createRenewalAction(slug, null, form({ accountId: account.id, dueDate: '2026-06-01', arrDue: '100' }));
    const renewalId = (created as { data: { id: string } }).data.id;
    signIn(users.viewer);
    expect(await createRenewalAction(slug, null, form({ accountId: account.id, dueDate: '2026-07-01', arrDue: '100' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await recordRenewalOutcomeAction(slug, null, form({ accountId: account.id, renewalId, outcome: 'churned', churnReason: 'Budget cuts' }))).toMatchObject({ code: 'FORBIDDEN' });
    const b = await makeOrg();
    signIn(b.users.csm);
    expect(await createRenewalAction(b.org.slug, null, form({ accountId: account.id, dueDate: '2026-07-01', arrDue: '100' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await recordRenewalOutcomeAction(b.org.slug, null, form({ accountId: account.id, renewalId, outcome: 'churned', churnReason: 'Budget cuts' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await pendingOf(org.id, account.id)).toEqual([{ id: renewalId, dueDate: '2026-06-01', arrDue: 10_000 }]);
  });
});

describe('ticket actions', () => {
  it('opens and closes a ticket with the first-contact flag; viewers and other orgs are refused', async () => {
    const { slug, account, org, users, page } = await setup();
    const opened = await openTicketAction(slug, null, form({ accountId: account.id, subject: 'Export fails', priority: 'high' }));
    const ticketId = (opened as { data: { id: string } }).data.id;
    expect(await openTicketAction(slug, null, form({ accountId: account.id, subject: 'x', priority: 'panic' }))).toMatchObject({ fieldErrors: { priority: ['Choose a priority.'] } });

    signIn(users.viewer);
    expect(await closeTicketAction(slug, null, form({ accountId: account.id, ticketId, resolvedFirstContact: 'on' }))).toMatchObject({ code: 'FORBIDDEN' });
    const b = await makeOrg();
    signIn(b.users.csm);
    expect(await closeTicketAction(b.org.slug, null, form({ accountId: account.id, ticketId }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await openTicketAction(b.org.slug, null, form({ accountId: account.id }))).toMatchObject({ code: 'NOT_FOUND' });

    signIn(users.csm);
    expect(await closeTicketAction(slug, null, form({ accountId: account.id, ticketId, resolvedFirstContact: 'on' }))).toEqual({ ok: true, data: undefined });
    expect(revalidatePath).toHaveBeenLastCalledWith(page);
    const rows = await db.select().from(tickets).where(and(eq(tickets.orgId, org.id), eq(tickets.accountId, account.id)));
    expect(rows).toMatchObject([{ id: ticketId, subject: 'Export fails', priority: 'high', resolvedFirstContact: true }]);
    expect(rows[0].closedAt).toBeInstanceOf(Date);
  });
});
