import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accountEvents, accounts, stakeholders } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import type { StakeholderFields } from '@/lib/validation/stakeholders';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

const columns = {
  id: stakeholders.id,
  accountId: stakeholders.accountId,
  externalId: stakeholders.externalId,
  name: stakeholders.name,
  email: stakeholders.email,
  title: stakeholders.title,
  role: stakeholders.role,
  influence: stakeholders.influence,
  sentiment: stakeholders.sentiment,
  isPrimary: stakeholders.isPrimary,
  lastContactedAt: stakeholders.lastContactedAt,
  leftAt: stakeholders.leftAt,
  doNotSurvey: stakeholders.doNotSurvey,
};

const byId = (ctx: TenantCtx, id: string) => {
  assertId(id, 'That stakeholder');
  return and(eq(stakeholders.orgId, ctx.orgId), eq(stakeholders.id, id));
};

async function timeline(tx: Tx, ctx: TenantCtx, accountId: string, kind: string, summary: string, data: Record<string, unknown>) {
  await tx.insert(accountEvents).values({ orgId: ctx.orgId, accountId, kind, actorType: 'user', actorId: ctx.userId, summary, data });
}

/** The stakeholders of one account of the org: current ones first (primary on top), then those who left. */
export async function listStakeholders(ctx: TenantCtx, accountId: string) {
  assertId(accountId, 'That account');
  return db
    .select(columns)
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, ctx.orgId), eq(stakeholders.accountId, accountId)))
    // current people first, the primary contact on top; those who left at the end
    .orderBy(sql`${stakeholders.leftAt} is not null`, desc(stakeholders.isPrimary), asc(stakeholders.name))
    .limit(500);
}

/** One stakeholder of the org; a foreign or unknown id is NOT_FOUND. */
export async function getStakeholder(ctx: TenantCtx, id: string) {
  const [row] = await db.select(columns).from(stakeholders).where(byId(ctx, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'That stakeholder was not found.');
  return row;
}

/** Adds a stakeholder to an account of the org (CSMs and up); a foreign account is NOT_FOUND. */
export async function createStakeholder(ctx: TenantCtx, accountId: string, fields: StakeholderFields): Promise<string> {
  assertRole(ctx, 'csm');
  assertId(accountId, 'That account');
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId))).limit(1);
    if (!account) throw new AppError('NOT_FOUND', 'That account was not found.');
    const [row] = await tx.insert(stakeholders).values({ ...fields, orgId: ctx.orgId, accountId }).returning({ id: stakeholders.id });
    await timeline(tx, ctx, accountId, 'stakeholder.added', `Added ${fields.name} (${fields.role.replace('_', ' ')})`, { stakeholderId: row.id });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'stakeholder.created', entityType: 'stakeholder', entityId: row.id, after: fields });
    return row.id;
  });
}

/** Updates a stakeholder of the org (CSMs and up); records what changed. */
export async function updateStakeholder(ctx: TenantCtx, id: string, fields: Partial<StakeholderFields>): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(stakeholders).where(byId(ctx, id)).limit(1).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That stakeholder was not found.');
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && (before as Record<string, unknown>)[k] !== v));
    if (Object.keys(changed).length === 0) return;
    await tx.update(stakeholders).set(changed).where(byId(ctx, id));
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await timeline(tx, ctx, before.accountId, 'stakeholder.updated', `Updated ${before.name}: ${Object.keys(changed).join(', ')}`, { stakeholderId: id, before: was, after: changed });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'stakeholder.updated', entityType: 'stakeholder', entityId: id, before: was, after: changed });
  });
}

/** Removes a stakeholder of the org (CSMs and up). */
export async function deleteStakeholder(ctx: TenantCtx, id: string): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(stakeholders).where(byId(ctx, id)).returning({ accountId: stakeholders.accountId, name: stakeholders.name, email: stakeholders.email });
    if (!gone) throw new AppError('NOT_FOUND', 'That stakeholder was not found.');
    await timeline(tx, ctx, gone.accountId, 'stakeholder.removed', `Removed ${gone.name}`, { stakeholderId: id });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'stakeholder.deleted', entityType: 'stakeholder', entityId: id, before: gone });
  });
}
