import 'server-only';
import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accountEvents, accounts, memberships, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import type { AccountFields } from '@/lib/validation/accounts';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  domain: accounts.domain,
  externalId: accounts.externalId,
  ownerId: accounts.ownerId,
  ownerName: users.name,
  segment: accounts.segment,
  stage: accounts.stage,
  licensedSeats: accounts.licensedSeats,
  contractStart: accounts.contractStart,
  nextRenewalDate: accounts.nextRenewalDate,
  onboardingCompletedAt: accounts.onboardingCompletedAt,
  archivedAt: accounts.archivedAt,
  createdAt: accounts.createdAt,
};

// Owner name comes from the users table; an unowned account has null.
const selectAccounts = () => db.select(accountColumns).from(accounts).leftJoin(users, eq(users.id, accounts.ownerId));

export type AccountDto = Awaited<ReturnType<typeof selectAccounts>>[number];

const byId = (ctx: TenantCtx, id: string) => {
  assertId(id, 'That account');
  return and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, id));
};

/** One account of the org; a foreign or unknown id is NOT_FOUND. */
export async function getAccount(ctx: TenantCtx, id: string): Promise<AccountDto> {
  const [row] = await selectAccounts()
    .where(byId(ctx, id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
  return row;
}

export type AccountListQuery = { q?: string; page: number; pageSize: number };

/** A page of the org's active (not archived) accounts, by name, with the total count. */
export async function listAccounts(ctx: TenantCtx, query: AccountListQuery) {
  const where = and(
    eq(accounts.orgId, ctx.orgId),
    isNull(accounts.archivedAt),
    query.q ? or(ilike(accounts.name, `%${query.q}%`), ilike(accounts.domain, `%${query.q}%`)) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    selectAccounts()
      .where(where)
      .orderBy(asc(sql`lower(${accounts.name})`), asc(accounts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { rows, total };
}

/** Throws VALIDATION unless `ownerId` is a member of the org. */
async function assertOwnerIsMember(tx: Tx, ctx: TenantCtx, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [m] = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, ownerId))).limit(1);
  if (!m) throw new AppError('VALIDATION', 'The owner must be a member of this org.', { ownerId: ['Choose a member of this org.'] });
}

/** Updates an account's fields (CSMs and up); writes a timeline event and an audit entry. */
export async function updateAccount(ctx: TenantCtx, id: string, fields: Partial<AccountFields> & { ownerId?: string | null }): Promise<void> {
  assertRole(ctx, 'csm');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(byId(ctx, id)).limit(1).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That account was not found.');
    await assertOwnerIsMember(tx, ctx, fields.ownerId);
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => v !== undefined && (before as Record<string, unknown>)[k] !== v),
    );
    if (Object.keys(changed).length === 0) return;
    await tx.update(accounts).set(changed).where(byId(ctx, id));
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await tx.insert(accountEvents).values({
      orgId: ctx.orgId, accountId: id, kind: 'account.updated', actorType: 'user', actorId: ctx.userId,
      summary: `Changed ${Object.keys(changed).join(', ')}`, data: { before: was, after: changed },
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'account.updated', entityType: 'account', entityId: id, before: was, after: changed });
  });
}

/** Deletes an account and everything under it (admins only). */
export async function deleteAccount(ctx: TenantCtx, id: string): Promise<void> {
  assertRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(accounts).where(byId(ctx, id)).returning({ name: accounts.name, externalId: accounts.externalId });
    if (!gone) throw new AppError('NOT_FOUND', 'That account was not found.');
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'account.deleted', entityType: 'account', entityId: id, before: gone });
  });
}
