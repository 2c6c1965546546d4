import 'server-only';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { accounts, alerts, memberships, organizations, playbooks, users, type AlertStatus } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { ALERTS_PAGE_SIZE, type AlertFilters, type SnoozeInput } from '@/lib/validation/alerts';
import { recordAudit, userActor } from './audit';
import { oneLine, recordEvent } from './events';
import { assertId, assertRole } from './guard';

// The alerts inbox and its three actions (assign, snooze, resolve: CSMs and up). A snoozed alert whose date has
// passed counts as open at once, before the next evaluation flips its status.

const assignee = alias(users, 'assignee');
const resolver = alias(users, 'resolver');
const snoozer = alias(users, 'snoozer');

/** The status a member sees: a snooze that has ended is open again. */
const effectiveStatus = sql<AlertStatus>`(case when ${alerts.status} = 'snoozed' and ${alerts.snoozedUntil} <= now() then 'open' else ${alerts.status}::text end)`;
const statusOrder = sql`(case ${effectiveStatus} when 'open' then 0 when 'snoozed' then 1 else 2 end)`;
const priorityOrder = sql`(case ${alerts.priority} when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end)`;

// dates as the org's calendar days (a snooze "until Dec 1" starts at midnight in the org's timezone)
const orgDay = (col: AnyPgColumn) => sql<string | null>`to_char(${col} at time zone ${organizations.timezone}, 'YYYY-MM-DD')`;

const columns = {
  openedDay: orgDay(alerts.openedAt), snoozedUntilDay: orgDay(alerts.snoozedUntil), resolvedDay: orgDay(alerts.resolvedAt),
  id: alerts.id, status: effectiveStatus, priority: alerts.priority, reason: alerts.reason,
  openedAt: alerts.openedAt, lastSeenAt: alerts.lastSeenAt, seenCount: alerts.seenCount,
  snoozedUntil: alerts.snoozedUntil, snoozeReason: alerts.snoozeReason, snoozedByName: snoozer.name,
  resolvedAt: alerts.resolvedAt, resolvedByName: resolver.name, resolution: alerts.resolution,
  resolvedBySystem: sql<boolean>`(${alerts.status} = 'resolved' and ${alerts.resolvedBy} is null)`,
  accountId: alerts.accountId, accountName: accounts.name, playbookId: alerts.playbookId, playbookName: playbooks.name,
  assigneeId: alerts.assigneeId, assigneeName: assignee.name,
};

function selectAlerts(where: SQL | undefined) {
  return db.select(columns).from(alerts)
    .innerJoin(organizations, eq(organizations.id, alerts.orgId))
    .innerJoin(accounts, and(eq(accounts.orgId, alerts.orgId), eq(accounts.id, alerts.accountId)))
    .innerJoin(playbooks, and(eq(playbooks.orgId, alerts.orgId), eq(playbooks.id, alerts.playbookId)))
    .leftJoin(assignee, eq(assignee.id, alerts.assigneeId))
    .leftJoin(resolver, eq(resolver.id, alerts.resolvedBy))
    .leftJoin(snoozer, eq(snoozer.id, alerts.snoozedBy))
    .where(where);
}

export type AlertDto = Awaited<ReturnType<typeof selectAlerts>>[number];

function inboxWhere(ctx: TenantCtx, f: AlertFilters): SQL | undefined {
  const status = f.status === 'all' ? undefined
    : f.status === 'active' ? sql`${alerts.status} <> 'resolved'`
      : sql`${effectiveStatus} = ${f.status}`;
  return and(
    eq(alerts.orgId, ctx.orgId), status,
    f.mine ? eq(alerts.assigneeId, ctx.userId) : undefined,
    f.priority ? eq(alerts.priority, f.priority) : undefined,
    f.playbook ? eq(alerts.playbookId, f.playbook) : undefined,
    f.account ? eq(alerts.accountId, f.account) : undefined,
  );
}

/** One page (25) of the org's alerts: open first, then snoozed, then resolved; by priority, then latest activity. Any member. */
export async function listAlerts(ctx: TenantCtx, filters: AlertFilters): Promise<{ rows: AlertDto[]; total: number; pageSize: number }> {
  const where = inboxWhere(ctx, filters);
  const [rows, [{ total }]] = await Promise.all([
    selectAlerts(where).orderBy(statusOrder, priorityOrder, desc(alerts.lastSeenAt), desc(alerts.id))
      .limit(ALERTS_PAGE_SIZE).offset((filters.page - 1) * ALERTS_PAGE_SIZE),
    db.select({ total: count() }).from(alerts).where(where),
  ]);
  return { rows, total, pageSize: ALERTS_PAGE_SIZE };
}

/** A CSV export can hold at most this many alerts (the inbox filters narrow it). */
export const ALERT_EXPORT_MAX = 50_000;

/** Every alert the inbox shows under the same filters (not just one page), in its order, at most ALERT_EXPORT_MAX. Any member. */
export async function listAlertsForExport(ctx: TenantCtx, filters: AlertFilters): Promise<AlertDto[]> {
  return selectAlerts(inboxWhere(ctx, filters)).orderBy(statusOrder, priorityOrder, desc(alerts.lastSeenAt), desc(alerts.id)).limit(ALERT_EXPORT_MAX);
}

/** An account's unresolved alerts and its five latest resolved ones, for the account page. Any member; a foreign account has none. */
export async function listAccountAlerts(ctx: TenantCtx, accountId: string): Promise<{ active: AlertDto[]; resolved: AlertDto[] }> {
  assertId(accountId, 'That account');
  const mine = and(eq(alerts.orgId, ctx.orgId), eq(alerts.accountId, accountId));
  const [active, resolved] = await Promise.all([
    selectAlerts(and(mine, sql`${alerts.status} <> 'resolved'`)).orderBy(statusOrder, priorityOrder, desc(alerts.lastSeenAt)).limit(50),
    selectAlerts(and(mine, eq(alerts.status, 'resolved'))).orderBy(desc(alerts.resolvedAt)).limit(5),
  ]);
  return { active, resolved };
}

/**
 * The sidebar badge: open alerts (snoozes that ended included) assigned to the member for CSMs, all of the org's
 * open alerts for everyone else. `scope` says which.
 */
export async function countOpenAlerts(ctx: TenantCtx): Promise<{ count: number; scope: 'mine' | 'all' }> {
  const scope = ctx.role === 'csm' ? 'mine' : 'all';
  const [row] = await db.select({ n: count() }).from(alerts).where(and(
    eq(alerts.orgId, ctx.orgId), sql`${effectiveStatus} = 'open'`, scope === 'mine' ? eq(alerts.assigneeId, ctx.userId) : undefined,
  ));
  return { count: row.n, scope };
}

const byId = (ctx: TenantCtx, id: string) => and(eq(alerts.orgId, ctx.orgId), eq(alerts.id, id));

async function lockAlert(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], ctx: TenantCtx, id: string) {
  assertId(id, 'That alert');
  const [row] = await tx.select({ id: alerts.id, status: alerts.status, accountId: alerts.accountId, assigneeId: alerts.assigneeId, reason: alerts.reason })
    .from(alerts).where(byId(ctx, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'That alert was not found.');
  if (row.status === 'resolved') throw new AppError('CONFLICT', 'That alert is already resolved.');
  return row;
}

/** Assigns an alert of the org to a CSM-or-above member, or to nobody (null). CSMs and up. */
export async function assignAlert(ctx: TenantCtx, id: string, assigneeId: string | null): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, ctx, id);
    if (assigneeId) {
      const [m] = await tx.select({ role: memberships.role }).from(memberships)
        .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, assigneeId))).limit(1);
      if (!m || !hasRole(m.role, 'csm')) throw new AppError('VALIDATION', 'Check the highlighted fields.', { assigneeId: ['Choose a CSM, admin or owner of this org.'] });
    }
    await tx.update(alerts).set({ assigneeId }).where(byId(ctx, id));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'alert.assigned', entityType: 'alert', entityId: id, before: { assigneeId: alert.assigneeId }, after: { assigneeId } });
  });
}

/**
 * Snoozes an unresolved alert of the org until the start of `until` (a date after today, org timezone) with a reason:
 * no notification and no reopening until then. CSMs and up; CONFLICT when it is resolved.
 */
export async function snoozeAlert(ctx: TenantCtx, id: string, input: SnoozeInput): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, ctx, id);
    const [org] = await tx.select({ today: sql<string>`(now() at time zone ${organizations.timezone})::date::text`, timezone: organizations.timezone })
      .from(organizations).where(eq(organizations.id, ctx.orgId));
    if (input.until <= org.today) {
      throw new AppError('VALIDATION', 'Check the highlighted fields.', { until: [`Choose a date after today (${org.today}).`] });
    }
    const until = sql`(${input.until}::date)::timestamp at time zone ${org.timezone}`;
    await tx.update(alerts).set({ status: 'snoozed', snoozedUntil: until, snoozeReason: input.reason, snoozedBy: ctx.userId }).where(byId(ctx, id));
    await recordEvent(tx, ctx, alert.accountId, 'alert.snoozed', `Alert snoozed until ${input.until}: ${oneLine(input.reason, 120)}`, { alertId: id, until: input.until, reason: input.reason });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'alert.snoozed', entityType: 'alert', entityId: id, before: { status: alert.status }, after: { status: 'snoozed', until: input.until, reason: input.reason } });
  });
}

/** Resolves an unresolved alert of the org with a note; the inbox shows who did. CSMs and up; CONFLICT when already resolved. */
export async function resolveAlert(ctx: TenantCtx, id: string, note: string): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, ctx, id);
    await tx.update(alerts).set({ status: 'resolved', resolvedAt: sql`now()`, resolvedBy: ctx.userId, resolution: note }).where(byId(ctx, id));
    await recordEvent(tx, ctx, alert.accountId, 'alert.resolved', `Alert resolved: ${oneLine(note, 150)}`, { alertId: id, note, by: 'user' });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'alert.resolved', entityType: 'alert', entityId: id, before: { status: alert.status }, after: { status: 'resolved', note } });
  });
}
