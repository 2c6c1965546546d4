import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, auditLog, tickets } from '@/db/schema';
import { closeTicket, listAccountTickets, openTicket } from '@/lib/dal/tickets';
import { auditEntries, expectAppError, makeAccount, makeOrg } from './fixtures';

async function setup() {
  const o = await makeOrg();
  const csm = await o.ctx('csm');
  const account = await makeAccount(csm);
  return { ...o, csm, account };
}

const ticketEvents = (orgId: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId))).orderBy(accountEvents.occurredAt);

describe('openTicket and closeTicket', () => {
  it('validates the input', async () => {
    const { csm, account } = await setup();
    const fields = async (input: Record<string, unknown>) => (await expectAppError(openTicket(csm, account.id, input as never), 'VALIDATION')).fieldErrors;
    expect(await fields({ priority: 'critical' })).toEqual({ priority: ['Choose a priority.'] });
    expect(await fields({ subject: 'x'.repeat(201) })).toEqual({ subject: ['Keep the subject to 200 characters or fewer.'] });
    expect(await fields({ openedAt: 'yesterday' })).toEqual({ openedAt: ['Use a timestamp like 2026-03-01T09:30:00Z.'] });
    expect(await fields({ openedAt: new Date(Date.now() + 86_400_000) })).toEqual({ openedAt: ['That moment is in the future.'] });
    const id = await openTicket(csm, account.id, { subject: 'x', openedAt: '2025-03-01T10:00:00Z' });
    const close = async (input: Record<string, unknown>) => (await expectAppError(closeTicket(csm, id, input as never), 'VALIDATION')).fieldErrors;
    expect(await close({})).toEqual({ resolvedFirstContact: ['Say whether it was resolved on first contact.'] });
    expect(await close({ resolvedFirstContact: true, closedAt: '2025-02-28T10:00:00Z' })).toEqual({ closedAt: ['A ticket cannot close before it opened.'] });
  });

  it('opens with defaults, closes once, each with a timeline event and an audit entry', async () => {
    const { csm, account, org } = await setup();
    const before = Date.now();
    const id = await openTicket(csm, account.id, { subject: 'Export fails', priority: 'high' });
    const [row] = await db.select().from(tickets).where(and(eq(tickets.orgId, org.id), eq(tickets.id, id)));
    expect(row).toMatchObject({ accountId: account.id, subject: 'Export fails', priority: 'high', closedAt: null, resolvedFirstContact: false });
    expect(row.openedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await closeTicket(csm, id, { resolvedFirstContact: 'on' });
    const [closed] = await db.select().from(tickets).where(and(eq(tickets.orgId, org.id), eq(tickets.id, id)));
    expect(closed.resolvedFirstContact).toBe(true);
    expect(closed.closedAt).toBeInstanceOf(Date);
    const again = await expectAppError(closeTicket(csm, id, { resolvedFirstContact: false }), 'CONFLICT');
    expect(again.message).toBe('This ticket is already closed.');

    expect((await ticketEvents(org.id)).map((e) => [e.kind, e.summary])).toEqual([
      ['ticket.opened', 'Ticket opened (high priority): Export fails'],
      ['ticket.closed', 'Ticket closed, resolved on first contact: Export fails'],
    ]);
    expect((await auditEntries(org.id, 'ticket.opened'))[0]).toMatchObject({ entityId: id, after: { accountId: account.id, priority: 'high' } });
    expect((await auditEntries(org.id, 'ticket.closed'))[0]).toMatchObject({ entityId: id, after: { resolvedFirstContact: true } });
  });

  it('lists an account\'s tickets newest first, filtered by status and paged, with the open count', async () => {
    const { csm, account } = await setup();
    const ids: string[] = [];
    for (const day of ['01', '02', '03', '04']) ids.push(await openTicket(csm, account.id, { subject: `T${day}`, openedAt: `2025-05-${day}T09:00:00Z`, priority: 'low' }));
    await closeTicket(csm, ids[0], { resolvedFirstContact: false, closedAt: '2025-05-02T09:00:00Z' });
    await closeTicket(csm, ids[2], { resolvedFirstContact: true, closedAt: '2025-05-03T10:00:00Z' });
    const all = await listAccountTickets(csm, account.id);
    expect(all.rows.map((t) => t.subject)).toEqual(['T04', 'T03', 'T02', 'T01']);
    expect(all).toMatchObject({ total: 4, open: 2 });
    const open = await listAccountTickets(csm, account.id, { status: 'open' });
    expect(open.rows.map((t) => t.subject)).toEqual(['T04', 'T02']);
    expect(open.total).toBe(2);
    const closedPage = await listAccountTickets(csm, account.id, { status: 'closed', page: 2, pageSize: 1 });
    expect(closedPage.rows.map((t) => [t.subject, t.resolvedFirstContact])).toEqual([['T01', false]]);
    expect(closedPage.total).toBe(2);
  });
});

describe('ticket tenancy and roles', () => {
  it('org B cannot open, close or list on org A\'s account or ticket', async () => {
    const a = await setup();
    const id = await openTicket(a.csm, a.account.id, { subject: 'Of A' });
    const b = await makeOrg();
    const bOwner = await b.ctx('owner');
    await expectAppError(openTicket(bOwner, a.account.id, { subject: 'Hijack' }), 'NOT_FOUND');
    await expectAppError(closeTicket(bOwner, id, { resolvedFirstContact: true }), 'NOT_FOUND');
    await expectAppError(closeTicket(bOwner, 'not-an-id', { resolvedFirstContact: true }), 'NOT_FOUND');
    await expectAppError(listAccountTickets(bOwner, a.account.id), 'NOT_FOUND');
    const [row] = await db.select().from(tickets).where(eq(tickets.orgId, a.org.id));
    expect(row).toMatchObject({ id, closedAt: null, subject: 'Of A' });
    expect(await db.$count(auditLog, eq(auditLog.orgId, b.org.id))).toBe(0);
  });

  it('a viewer lists tickets but cannot open or close one', async () => {
    const { csm, account, ctx } = await setup();
    const id = await openTicket(csm, account.id, {});
    const viewer = await ctx('viewer');
    await expectAppError(openTicket(viewer, account.id, {}), 'FORBIDDEN');
    await expectAppError(closeTicket(viewer, id, { resolvedFirstContact: true }), 'FORBIDDEN');
    expect((await listAccountTickets(viewer, account.id)).rows.map((t) => [t.id, t.priority, t.subject])).toEqual([[id, 'normal', null]]);
  });
});

it('a second account of the same org is its own list', async () => {
  const { csm, account } = await setup();
  const other = await makeAccount(csm);
  await openTicket(csm, other.id, { subject: 'Elsewhere' });
  expect((await listAccountTickets(csm, account.id)).total).toBe(0);
});
