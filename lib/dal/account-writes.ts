import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accountEvents, accounts, memberships, renewals, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { refreshAccounts } from '@/lib/health/refresh';
import { RENEWAL_BEFORE_START, renewalBeforeStart, type AccountFields } from '@/lib/validation/accounts';
import { describeAccountChanges, type AccountState } from './account-changes';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

type Input = Partial<AccountFields> & { ownerId?: string | null };

const byId = (ctx: TenantCtx, id: string) => {
  assertId(id, 'That account');
  return and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, id));
};

// What a form, import or API call may change; anything else in `fields` is ignored.
const EDITABLE: (keyof AccountState)[] = ['name', 'domain', 'externalId', 'ownerId', 'segment', 'stage', 'licensedSeats', 'contractStart', 'nextRenewalDate'];

const DUPLICATE_EXTERNAL_ID = 'Another account of this org already has this external id.';

async function event(tx: Tx, ctx: TenantCtx, accountId: string, kind: string, summary: string, data: Record<string, unknown>) {
  await tx.insert(accountEvents).values({ orgId: ctx.orgId, accountId, kind, actorType: 'user', actorId: ctx.userId, summary, data });
}

/**
 * Throws one VALIDATION with every field error the database would otherwise raise (or not catch):
 * an owner who is not a member, an external id taken in this org, a renewal before the start.
 */
async function assertConsistent(tx: Tx, ctx: TenantCtx, next: Input, selfId: string | null) {
  const errors: Record<string, string[]> = {};
  if (next.ownerId) {
    const [m] = await tx.select({ userId: memberships.userId }).from(memberships)
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, next.ownerId))).limit(1);
    if (!m) errors.ownerId = ['Choose a member of this org.'];
  }
  if (next.externalId) {
    const [taken] = await tx.select({ id: accounts.id }).from(accounts)
      .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.externalId, next.externalId), selfId ? ne(accounts.id, selfId) : undefined)).limit(1);
    if (taken) errors.externalId = [DUPLICATE_EXTERNAL_ID];
  }
  if (renewalBeforeStart(next)) errors.nextRenewalDate = [RENEWAL_BEFORE_START];
  if (Object.keys(errors).length) {
    const message = errors.ownerId && Object.keys(errors).length === 1 ? 'The owner must be a member of this org.' : 'Check the highlighted fields.';
    throw new AppError('VALIDATION', message, errors);
  }
}

// Two saves racing for one external id: the unique index decides, and the loser gets the same field error.
async function mapDuplicate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const codes = [err, (err as { cause?: unknown })?.cause].map((e) => (e as { code?: string; constraint?: string; message?: string } | undefined));
    if (codes.some((e) => e?.code === '23505' && `${e.constraint ?? ''}${e.message ?? ''}`.includes('accounts_external_uq'))) {
      throw new AppError('VALIDATION', 'Check the highlighted fields.', { externalId: [DUPLICATE_EXTERNAL_ID] });
    }
    throw err;
  }
}

/** Creates an account in the org (CSMs and up) with its `account.created` event and audit entry; returns its id. */
export async function createAccount(ctx: TenantCtx, fields: Input & { name: string }): Promise<string> {
  assertRole(ctx, 'csm');
  return mapDuplicate(() => db.transaction(async (tx) => {
    await assertConsistent(tx, ctx, fields, null);
    const values = { ...fields, stage: fields.stage ?? 'onboarding', ownerId: fields.ownerId ?? null };
    const [row] = await tx.insert(accounts).values({ ...values, orgId: ctx.orgId }).returning({ id: accounts.id });
    await event(tx, ctx, row.id, 'account.created', 'Account created', {
      source: 'ui', externalId: values.externalId ?? null, ownerId: values.ownerId, segment: values.segment ?? null, stage: values.stage, licensedSeats: values.licensedSeats ?? null,
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'account.created', entityType: 'account', entityId: row.id, after: values });
    return row.id;
  }));
}

async function ownerNames(tx: Tx, ids: (string | null | undefined)[]) {
  const wanted = ids.filter((id): id is string => Boolean(id));
  const rows = wanted.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)) : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id: string | null) => (id ? names.get(id) ?? 'a former member' : 'Unassigned');
}

/**
 * Updates an account of the org (CSMs and up). Fields left undefined stay; each real change
 * becomes a timeline event in words (owner/stage/seats with their own kinds), all in one
 * transaction with one audit entry holding before/after.
 */
export async function updateAccount(ctx: TenantCtx, id: string, fields: Input): Promise<void> {
  assertRole(ctx, 'csm');
  await mapDuplicate(() => db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(byId(ctx, id)).limit(1).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That account was not found.');
    const state = before as AccountState;
    const given = fields as Partial<AccountState>;
    const changed = Object.fromEntries(EDITABLE.filter((k) => given[k] !== undefined && given[k] !== state[k]).map((k) => [k, given[k]])) as Partial<AccountState>;
    if (Object.keys(changed).length === 0) return;
    await assertConsistent(tx, ctx, { ...state, ...changed, ownerId: changed.ownerId, externalId: changed.externalId } as Input, id);
    await tx.update(accounts).set(changed as Partial<typeof accounts.$inferInsert>).where(byId(ctx, id));
    // The renewal date is the due date of the earliest pending renewal: moving it moves that renewal.
    if (changed.nextRenewalDate && state.nextRenewalDate) {
      await tx
        .update(renewals)
        .set({ dueDate: changed.nextRenewalDate })
        .where(and(eq(renewals.orgId, ctx.orgId), eq(renewals.accountId, id), eq(renewals.outcome, 'pending'), eq(renewals.dueDate, state.nextRenewalDate)));
    }
    const name = await ownerNames(tx, [state.ownerId, changed.ownerId]);
    for (const e of describeAccountChanges(state, changed, name)) await event(tx, ctx, id, e.kind, e.summary, e.data);
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, state[k as keyof AccountState]]));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'account.updated', entityType: 'account', entityId: id, before: was, after: changed });
    // seats feed license utilization
    if (changed.licensedSeats !== undefined) await refreshAccounts(tx, ctx.orgId, [id]);
  }));
}

/** Archives an account of the org (CSMs and up): hidden from lists, kept with its history. A second archive changes nothing. */
export async function archiveAccount(ctx: TenantCtx, id: string): Promise<void> {
  assertRole(ctx, 'csm');
  await setArchived(ctx, id, true);
}

/** Brings an archived account of the org back into lists (admins only). Restoring an active one changes nothing. */
export async function restoreAccount(ctx: TenantCtx, id: string): Promise<void> {
  assertRole(ctx, 'admin');
  await setArchived(ctx, id, false);
}

async function setArchived(ctx: TenantCtx, id: string, archive: boolean) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ archivedAt: accounts.archivedAt }).from(accounts).where(byId(ctx, id)).limit(1).for('update');
    if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
    if ((row.archivedAt !== null) === archive) return;
    const archivedAt = archive ? new Date() : null;
    await tx.update(accounts).set({ archivedAt }).where(byId(ctx, id));
    const kind = archive ? 'account.archived' : 'account.restored';
    await event(tx, ctx, id, kind, archive ? 'Account archived' : 'Account restored', {});
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: kind, entityType: 'account', entityId: id, before: { archivedAt: row.archivedAt }, after: { archivedAt } });
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
