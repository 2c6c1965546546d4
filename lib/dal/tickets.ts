import 'server-only';
import { and, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { tickets } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { refreshAccounts } from '@/lib/health/refresh';
import { ticketClosedSummary, ticketOpenedSummary } from '@/lib/revenue-text';
import { parseInput } from '@/lib/validation/parse';
import {
  closeTicketSchema, openTicketSchema, ticketListParamsSchema,
  type CloseTicketInput, type OpenTicketInput, type TicketListParams,
} from '@/lib/validation/tickets';
import { assertAccountInOrg } from './account-lock';
import { recordAudit, userActor } from './audit';
import { recordEvent } from './events';
import { assertId, assertRole } from './guard';

// Clocks differ a little between a help desk and this server; a ticket from further ahead is a mistake.
const FUTURE_SLACK_MS = 5 * 60_000;

const fieldError = (field: string, message: string) => new AppError('VALIDATION', 'Check the highlighted fields.', { [field]: [message] });

function assertNotFuture(field: string, at: Date) {
  if (at.getTime() > Date.now() + FUTURE_SLACK_MS) throw fieldError(field, 'That moment is in the future.');
}

/**
 * Opens a support ticket on an account of the org (CSMs and up): subject, priority, openedAt
 * (default now, not in the future). Writes `ticket.opened` and an audit entry in one transaction.
 * A foreign account is NOT_FOUND. Returns the ticket id.
 */
export async function openTicket(ctx: TenantCtx, accountId: string, input: OpenTicketInput = {}): Promise<string> {
  assertRole(ctx, 'csm');
  assertId(accountId, 'That account');
  const t = parseInput(openTicketSchema, input);
  const openedAt = t.openedAt ?? new Date();
  assertNotFuture('openedAt', openedAt);
  return db.transaction(async (tx) => {
    await assertAccountInOrg(tx, ctx, accountId);
    const [row] = await tx
      .insert(tickets)
      .values({ orgId: ctx.orgId, accountId, subject: t.subject, priority: t.priority, openedAt, externalId: t.externalId })
      .returning({ id: tickets.id });
    await recordEvent(tx, ctx, accountId, 'ticket.opened', ticketOpenedSummary(t), { ticketId: row.id, priority: t.priority, subject: t.subject, openedAt: openedAt.toISOString() });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'ticket.opened', entityType: 'ticket', entityId: row.id, after: { accountId, ...t, openedAt: openedAt.toISOString() },
    });
    await refreshAccounts(tx, ctx.orgId, [accountId]);
    return row.id;
  });
}

/**
 * Closes an open ticket of the org (CSMs and up), saying whether the first contact resolved it;
 * closedAt defaults to now and cannot precede the opening. A foreign ticket is NOT_FOUND, a closed
 * one CONFLICT.
 */
export async function closeTicket(ctx: TenantCtx, ticketId: string, input: CloseTicketInput): Promise<void> {
  assertRole(ctx, 'csm');
  assertId(ticketId, 'That ticket');
  const c = parseInput(closeTicketSchema, input);
  const closedAt = c.closedAt ?? new Date();
  assertNotFuture('closedAt', closedAt);
  await db.transaction(async (tx) => {
    const mine = and(eq(tickets.orgId, ctx.orgId), eq(tickets.id, ticketId));
    const [t] = await tx.select().from(tickets).where(mine).limit(1).for('update');
    if (!t) throw new AppError('NOT_FOUND', 'That ticket was not found.');
    if (t.closedAt) throw new AppError('CONFLICT', 'This ticket is already closed.');
    if (closedAt < t.openedAt) throw fieldError('closedAt', 'A ticket cannot close before it opened.');
    await tx.update(tickets).set({ closedAt, resolvedFirstContact: c.resolvedFirstContact }).where(mine);
    await recordEvent(tx, ctx, t.accountId, 'ticket.closed', ticketClosedSummary({ resolvedFirstContact: c.resolvedFirstContact, subject: t.subject }), {
      ticketId, resolvedFirstContact: c.resolvedFirstContact, closedAt: closedAt.toISOString(),
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'ticket.closed', entityType: 'ticket', entityId: ticketId,
      before: { closedAt: null, resolvedFirstContact: t.resolvedFirstContact },
      after: { closedAt: closedAt.toISOString(), resolvedFirstContact: c.resolvedFirstContact },
    });
    await refreshAccounts(tx, ctx.orgId, [t.accountId]);
  });
}

/**
 * One page of an account's tickets in the org, newest opened first, filtered by status (open,
 * closed, all), with the total and the number open. Readable by every member; a foreign account is NOT_FOUND.
 */
export async function listAccountTickets(ctx: TenantCtx, accountId: string, params: TicketListParams = {}) {
  assertId(accountId, 'That account');
  const { status, page, pageSize } = ticketListParamsSchema.parse(params);
  await assertAccountInOrg(db, ctx, accountId);
  const mine = and(eq(tickets.orgId, ctx.orgId), eq(tickets.accountId, accountId));
  const where = and(mine, status === 'open' ? isNull(tickets.closedAt) : status === 'closed' ? isNotNull(tickets.closedAt) : undefined);
  const [rows, [counts]] = await Promise.all([
    db
      .select({
        id: tickets.id, subject: tickets.subject, priority: tickets.priority, openedAt: tickets.openedAt,
        closedAt: tickets.closedAt, resolvedFirstContact: tickets.resolvedFirstContact, externalId: tickets.externalId,
      })
      .from(tickets)
      .where(where)
      .orderBy(desc(tickets.openedAt), desc(tickets.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count(), open: sql<number>`count(*) filter (where ${tickets.closedAt} is null)`.mapWith(Number) })
      .from(tickets)
      .where(mine),
  ]);
  const total = status === 'all' ? counts.total : status === 'open' ? counts.open : counts.total - counts.open;
  return { rows, total, open: counts.open, page, pageSize };
}
