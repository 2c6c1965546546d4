import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { memberships, playbooks, users, type Playbook } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { checkWebhookUrl, WebhookAddressError } from '@/lib/notifications/address-guard';
import { queueNotifications } from '@/lib/notifications/queue';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';
import type { PlaybookInput } from '@/lib/validation/playbooks';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

// Playbooks are org settings: admins and owners create, edit, enable and disable them; every member may read the
// list (the inbox filters by playbook). A webhook URL can carry a secret (Slack's does), so only admins see it.

const PLAYBOOK_LIMIT = 200;

export type PlaybookDto = Pick<Playbook, 'id' | 'name' | 'trigger' | 'params' | 'priority' | 'assigneeId' | 'notifyEmail' | 'enabled' | 'lastNotificationError' | 'lastNotificationErrorAt'> & {
  assigneeName: string | null;
  /** null for members below admin */
  webhookUrl: string | null;
  hasWebhook: boolean;
  openAlerts: number;
  pendingDeliveries: number;
  failedDeliveries: number;
};

const byId = (ctx: TenantCtx, id: string) => and(eq(playbooks.orgId, ctx.orgId), eq(playbooks.id, id));

/** The org's playbooks (at most 200), by name, with open alert and delivery counts. Any member; the webhook URL only for admins. */
export async function listPlaybooks(ctx: TenantCtx): Promise<PlaybookDto[]> {
  const rows = await db
    .select({
      id: playbooks.id, name: playbooks.name, trigger: playbooks.trigger, params: playbooks.params, priority: playbooks.priority,
      assigneeId: playbooks.assigneeId, assigneeName: users.name, notifyEmail: playbooks.notifyEmail, webhookUrl: playbooks.webhookUrl,
      enabled: playbooks.enabled, lastNotificationError: playbooks.lastNotificationError, lastNotificationErrorAt: playbooks.lastNotificationErrorAt,
      openAlerts: sql<number>`(select count(*)::int from alerts a where a.org_id = ${playbooks.orgId} and a.playbook_id = ${playbooks.id} and a.status <> 'resolved')`,
      pendingDeliveries: sql<number>`(select count(*)::int from alert_notifications n where n.org_id = ${playbooks.orgId} and n.playbook_id = ${playbooks.id} and n.status = 'pending')`,
      failedDeliveries: sql<number>`(select count(*)::int from alert_notifications n where n.org_id = ${playbooks.orgId} and n.playbook_id = ${playbooks.id} and n.status = 'failed')`,
    })
    .from(playbooks)
    .leftJoin(users, eq(users.id, playbooks.assigneeId))
    .where(eq(playbooks.orgId, ctx.orgId))
    .orderBy(asc(playbooks.name), asc(playbooks.id))
    .limit(PLAYBOOK_LIMIT);
  const admin = hasRole(ctx.role, 'admin');
  return rows.map((r) => ({ ...r, hasWebhook: Boolean(r.webhookUrl), webhookUrl: admin ? r.webhookUrl : null }));
}

/** Id and name of the org's playbooks, for the inbox filter. Any member. */
export async function listPlaybookOptions(ctx: TenantCtx): Promise<{ id: string; name: string }[]> {
  return db.select({ id: playbooks.id, name: playbooks.name }).from(playbooks)
    .where(eq(playbooks.orgId, ctx.orgId)).orderBy(asc(playbooks.name)).limit(PLAYBOOK_LIMIT);
}

/** One playbook of the org for its edit form. Admins only; NOT_FOUND for a foreign or malformed id. */
export async function getPlaybook(ctx: TenantCtx, id: string): Promise<PlaybookDto> {
  assertRole(ctx, 'admin');
  assertId(id, 'That playbook');
  const found = (await listPlaybooks(ctx)).find((p) => p.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'That playbook was not found.');
  return found;
}

/** Field errors for what zod cannot know: the assignee is a CSM or above here, the webhook resolves to a public address. */
async function checkInput(ctx: TenantCtx, input: PlaybookInput): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (input.assigneeId) {
    const [m] = await db.select({ role: memberships.role }).from(memberships)
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, input.assigneeId))).limit(1);
    if (!m || !hasRole(m.role, 'csm')) errors.assignee = ['Choose a CSM, admin or owner of this org.'];
  }
  if (input.webhookUrl) {
    try {
      await checkWebhookUrl(input.webhookUrl, env.TENURE_ALLOW_PRIVATE_WEBHOOKS);
    } catch (err) {
      if (!(err instanceof WebhookAddressError)) throw err;
      errors.webhookUrl = [err.message];
    }
  }
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Check the highlighted fields.', errors);
}

const snapshot = (p: Pick<Playbook, 'name' | 'trigger' | 'params' | 'priority' | 'assigneeId' | 'notifyEmail' | 'webhookUrl' | 'enabled'>) => ({
  name: p.name, trigger: p.trigger, params: p.params, priority: p.priority, assigneeId: p.assigneeId, notifyEmail: p.notifyEmail,
  // the URL may hold a secret token: the audit log only says whether there is one
  webhook: p.webhookUrl ? 'set' : null, enabled: p.enabled,
});

/** Runs the org's playbooks over every account after a playbook change, in the same transaction; returns notifications to queue. */
async function reevaluate(tx: Tx, ctx: TenantCtx): Promise<string[]> {
  return (await evaluatePlaybooks(tx, ctx.orgId, 'all')).notifications;
}

/** Creates an enabled playbook in the org (admins) and evaluates it at once. Returns its id. */
export async function createPlaybook(ctx: TenantCtx, input: PlaybookInput): Promise<string> {
  assertRole(ctx, 'admin');
  await checkInput(ctx, input);
  const { id, queued } = await db.transaction(async (tx) => {
    const [row] = await tx.insert(playbooks).values({ ...input, orgId: ctx.orgId, createdBy: ctx.userId }).returning();
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'playbook.created', entityType: 'playbook', entityId: row.id, after: snapshot(row) });
    return { id: row.id, queued: await reevaluate(tx, ctx) };
  });
  await queueNotifications(ctx.orgId, queued);
  return id;
}

/** Changes a playbook of the org (admins); its open alerts stay and follow the new condition from now on. */
export async function updatePlaybook(ctx: TenantCtx, id: string, input: PlaybookInput): Promise<void> {
  assertRole(ctx, 'admin');
  assertId(id, 'That playbook');
  await checkInput(ctx, input);
  const queued = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(playbooks).where(byId(ctx, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That playbook was not found.');
    const [after] = await tx.update(playbooks).set(input).where(byId(ctx, id)).returning();
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'playbook.updated', entityType: 'playbook', entityId: id, before: snapshot(before), after: snapshot(after) });
    return reevaluate(tx, ctx);
  });
  await queueNotifications(ctx.orgId, queued);
}

/** Turns a playbook of the org on or off (admins). A disabled playbook opens nothing; its open alerts stay for the team to resolve. */
export async function setPlaybookEnabled(ctx: TenantCtx, id: string, enabled: boolean): Promise<void> {
  assertRole(ctx, 'admin');
  assertId(id, 'That playbook');
  const queued = await db.transaction(async (tx) => {
    const [row] = await tx.update(playbooks).set({ enabled }).where(byId(ctx, id)).returning({ id: playbooks.id, name: playbooks.name });
    if (!row) throw new AppError('NOT_FOUND', 'That playbook was not found.');
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: enabled ? 'playbook.enabled' : 'playbook.disabled', entityType: 'playbook', entityId: id, before: { enabled: !enabled }, after: { enabled, name: row.name },
    });
    return enabled ? reevaluate(tx, ctx) : [];
  });
  await queueNotifications(ctx.orgId, queued);
}
