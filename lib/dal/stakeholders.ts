import 'server-only';
import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accounts, stakeholders } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { labelOf } from '@/lib/format';
import { refreshAccounts } from '@/lib/health/refresh';
import type { StakeholderFields } from '@/lib/validation/stakeholders';
import { recordAudit, userActor } from './audit';
import { describeChanges, recordEvent } from './events';
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

export type StakeholderDto = Awaited<ReturnType<typeof listStakeholders>>[number];

const byId = (ctx: TenantCtx, id: string) => {
  assertId(id, 'That stakeholder');
  return and(eq(stakeholders.orgId, ctx.orgId), eq(stakeholders.id, id));
};

const notFound = () => new AppError('NOT_FOUND', 'That stakeholder was not found.');
const duplicateExternalId = () =>
  new AppError('VALIDATION', 'Check the highlighted fields.', { externalId: ['Another stakeholder of this account already has this external id.'] });

/** True for PostgreSQL's unique violation on the per-account external id (both drivers). */
function isExternalIdClash(err: unknown): boolean {
  const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  if (e?.code === '23505') return (e.constraint_name ?? e.constraint ?? 'stakeholders_external_uq') === 'stakeholders_external_uq';
  return e?.cause ? isExternalIdClash(e.cause) : false;
}

/** Runs a write; an external id clash that slipped past the pre-check (a race) becomes the field error. */
async function mapClash<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isExternalIdClash(err)) throw duplicateExternalId();
    throw err;
  }
}

/** Throws the field error when another stakeholder of the account has this external id. */
async function assertExternalIdFree(tx: Tx, ctx: TenantCtx, accountId: string, externalId: string | null | undefined, self?: string) {
  if (!externalId) return;
  const [clash] = await tx
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, ctx.orgId), eq(stakeholders.accountId, accountId), eq(stakeholders.externalId, externalId), self ? ne(stakeholders.id, self) : undefined))
    .limit(1);
  if (clash) throw duplicateExternalId();
}

/** Unsets the account's other primary contacts; returns their ids. The caller holds the account row lock. */
async function unsetOtherPrimaries(tx: Tx, ctx: TenantCtx, accountId: string, self: string): Promise<string[]> {
  const rows = await tx
    .update(stakeholders)
    .set({ isPrimary: false })
    .where(and(eq(stakeholders.orgId, ctx.orgId), eq(stakeholders.accountId, accountId), eq(stakeholders.isPrimary, true), ne(stakeholders.id, self)))
    .returning({ id: stakeholders.id });
  return rows.map((r) => r.id);
}

/** Locks the org's account row (so two "make primary" writes cannot both win); NOT_FOUND when it is not the org's. */
async function lockAccount(tx: Tx, ctx: TenantCtx, accountId: string) {
  assertId(accountId, 'That account');
  const [row] = await tx.select({ id: accounts.id, name: accounts.name }).from(accounts)
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId))).limit(1).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
  return row;
}

/** The stakeholders of one account of the org: current ones first (primary on top), then those who left. */
export async function listStakeholders(ctx: TenantCtx, accountId: string) {
  assertId(accountId, 'That account');
  return db
    .select(columns)
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, ctx.orgId), eq(stakeholders.accountId, accountId)))
    // current people first, the primary contact on top; those who left at the end
    .orderBy(sql`${stakeholders.leftAt} is not null`, desc(stakeholders.isPrimary), asc(stakeholders.name), asc(stakeholders.id))
    .limit(500);
}

/** One stakeholder of the org; a foreign or unknown id is NOT_FOUND. */
export async function getStakeholder(ctx: TenantCtx, id: string) {
  const [row] = await db.select(columns).from(stakeholders).where(byId(ctx, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

/** Adds a stakeholder to an account of the org (CSMs and up); a foreign account is NOT_FOUND; returns the new id. */
export async function createStakeholder(ctx: TenantCtx, accountId: string, fields: StakeholderFields): Promise<string> {
  assertRole(ctx, 'csm');
  return mapClash(db.transaction(async (tx) => {
    await lockAccount(tx, ctx, accountId);
    await assertExternalIdFree(tx, ctx, accountId, fields.externalId);
    const [row] = await tx.insert(stakeholders).values({ ...fields, orgId: ctx.orgId, accountId }).returning({ id: stakeholders.id });
    const unsetPrimary = fields.isPrimary ? await unsetOtherPrimaries(tx, ctx, accountId, row.id) : [];
    await recordEvent(tx, ctx, accountId, 'stakeholder.added', `Added ${fields.name} (${labelOf(fields.role)})`, {
      stakeholderId: row.id, name: fields.name, role: fields.role, ...(unsetPrimary.length ? { unsetPrimary } : {}),
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'stakeholder.created', entityType: 'stakeholder', entityId: row.id, after: { ...fields, unsetPrimary } });
    await refreshAccounts(tx, ctx.orgId, [accountId]);
    return row.id;
  }));
}

/** Updates a stakeholder of the org (CSMs and up); records what changed; returns its account id. */
export async function updateStakeholder(ctx: TenantCtx, id: string, fields: Partial<StakeholderFields>): Promise<string> {
  assertRole(ctx, 'csm');
  return mapClash(db.transaction(async (tx) => {
    const [current] = await tx.select({ accountId: stakeholders.accountId }).from(stakeholders).where(byId(ctx, id)).limit(1);
    if (!current) throw notFound();
    await lockAccount(tx, ctx, current.accountId);
    const [before] = await tx.select().from(stakeholders).where(byId(ctx, id)).limit(1).for('update');
    if (!before) throw notFound(); // removed while we waited for the lock
    const old = before as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && old[k] !== v));
    if (Object.keys(changed).length === 0) return before.accountId;
    await assertExternalIdFree(tx, ctx, before.accountId, fields.externalId, id);
    await tx.update(stakeholders).set(changed).where(byId(ctx, id));
    const unsetPrimary = changed.isPrimary === true ? await unsetOtherPrimaries(tx, ctx, before.accountId, id) : [];
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, old[k]]));
    await recordEvent(tx, ctx, before.accountId, 'stakeholder.updated', `Updated ${before.name}: ${describeChanges(was, changed)}`, {
      stakeholderId: id, name: fields.name ?? before.name, before: was, after: changed, ...(unsetPrimary.length ? { unsetPrimary } : {}),
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'stakeholder.updated', entityType: 'stakeholder', entityId: id, before: was, after: { ...changed, ...(unsetPrimary.length ? { unsetPrimary } : {}) },
    });
    await refreshAccounts(tx, ctx.orgId, [before.accountId]);
    return before.accountId;
  }));
}

/** Removes a stakeholder of the org (CSMs and up); returns its account id. */
export async function deleteStakeholder(ctx: TenantCtx, id: string): Promise<string> {
  assertRole(ctx, 'csm');
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(stakeholders).where(byId(ctx, id)).returning();
    if (!gone) throw notFound();
    await recordEvent(tx, ctx, gone.accountId, 'stakeholder.removed', `Removed ${gone.name} (${labelOf(gone.role)})`, { stakeholderId: id, name: gone.name, role: gone.role });
    const { orgId: _o, createdAt: _c, updatedAt: _u, ...before } = gone;
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'stakeholder.deleted', entityType: 'stakeholder', entityId: id, before });
    await refreshAccounts(tx, ctx.orgId, [gone.accountId]);
    return gone.accountId;
  });
}

type Current = typeof stakeholders.$inferSelect & { accountName: string };

/** Runs a status change on one locked stakeholder of the org (CSMs and up); returns its account id. */
async function withStakeholder(ctx: TenantCtx, id: string, run: (tx: Tx, s: Current) => Promise<void>): Promise<string> {
  assertRole(ctx, 'csm');
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ ...getTableColumns(stakeholders), accountName: accounts.name })
      .from(stakeholders)
      .innerJoin(accounts, and(eq(accounts.orgId, stakeholders.orgId), eq(accounts.id, stakeholders.accountId)))
      .where(byId(ctx, id))
      .limit(1)
      .for('update', { of: stakeholders });
    if (!s) throw notFound();
    await run(tx, s);
    // contact, left and back all change the relationship factor
    await refreshAccounts(tx, ctx.orgId, [s.accountId]);
    return s.accountId;
  });
}

const audit = (tx: Tx, ctx: TenantCtx, action: string, id: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
  recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action, entityType: 'stakeholder', entityId: id, before, after });

/** Sets last_contacted_at to now (CSMs and up) with a `stakeholder.contacted` event; returns the account id. */
export async function logStakeholderContact(ctx: TenantCtx, id: string): Promise<string> {
  return withStakeholder(ctx, id, async (tx, s) => {
    const [row] = await tx.update(stakeholders).set({ lastContactedAt: sql`now()` }).where(byId(ctx, id)).returning({ at: stakeholders.lastContactedAt });
    await recordEvent(tx, ctx, s.accountId, 'stakeholder.contacted', `Logged contact with ${s.name}`, { stakeholderId: id, name: s.name, role: s.role });
    await audit(tx, ctx, 'stakeholder.contacted', id, { lastContactedAt: s.lastContactedAt }, { lastContactedAt: row.at });
  });
}

/** Marks a stakeholder as having left the company now (kept on the account); CONFLICT when already left. */
export async function markStakeholderLeft(ctx: TenantCtx, id: string): Promise<string> {
  return withStakeholder(ctx, id, async (tx, s) => {
    if (s.leftAt) throw new AppError('CONFLICT', `${s.name} is already marked as having left.`);
    const [row] = await tx.update(stakeholders).set({ leftAt: sql`now()` }).where(byId(ctx, id)).returning({ at: stakeholders.leftAt });
    await recordEvent(tx, ctx, s.accountId, 'stakeholder.left', `${s.name} (${labelOf(s.role)}) left ${s.accountName}`, { stakeholderId: id, name: s.name, role: s.role });
    await audit(tx, ctx, 'stakeholder.left', id, { leftAt: null }, { leftAt: row.at });
  });
}

/** Undoes "left the company" (clears left_at); CONFLICT when the person had not left. */
export async function markStakeholderBack(ctx: TenantCtx, id: string): Promise<string> {
  return withStakeholder(ctx, id, async (tx, s) => {
    if (!s.leftAt) throw new AppError('CONFLICT', `${s.name} is not marked as having left.`);
    await tx.update(stakeholders).set({ leftAt: null }).where(byId(ctx, id));
    await recordEvent(tx, ctx, s.accountId, 'stakeholder.returned', `${s.name} (${labelOf(s.role)}) is back at ${s.accountName}`, { stakeholderId: id, name: s.name, role: s.role });
    await audit(tx, ctx, 'stakeholder.returned', id, { leftAt: s.leftAt }, { leftAt: null });
  });
}
