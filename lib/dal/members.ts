import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accounts, memberships, organizations, passwordResets, users, type Role } from '@/db/schema';
import { canManageMember } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

export const RESET_TTL_MS = 60 * 60 * 1000;

export type MemberRow = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

/** Members of the org with their roles, ordered by name. Any member may read it. */
export async function listMembers(ctx: TenantCtx): Promise<MemberRow[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, ctx.orgId))
    .orderBy(asc(users.name))
    .limit(1000);
}

// Member changes of one org queue behind a lock on the org row, so two owners demoting each other
// at once cannot leave the org without an owner (locking owner rows instead could deadlock).
async function lockOrg(tx: Tx, ctx: TenantCtx) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.orgId)).for('update');
}

async function lockMember(tx: Tx, ctx: TenantCtx, userId: string) {
  assertId(userId, 'That member');
  await lockOrg(tx, ctx);
  const [m] = await tx
    .select({ role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)))
    .limit(1)
    .for('update');
  if (!m) throw new AppError('NOT_FOUND', 'That member was not found.');
  return m;
}

async function assertNotLastOwner(tx: Tx, ctx: TenantCtx) {
  const [{ owners }] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.role, 'owner')));
  if (owners <= 1) throw new AppError('CONFLICT', 'An org always keeps one owner: make someone else owner first.');
}

/** Changes a member's role, as DESIGN.md's permission table allows; the last owner stays owner. */
export async function changeMemberRole(ctx: TenantCtx, userId: string, role: Role): Promise<void> {
  assertRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const m = await lockMember(tx, ctx, userId);
    if (!canManageMember(ctx.role, m.role, role)) throw new AppError('FORBIDDEN', 'Only owners can change admins and owners, or make someone an admin.');
    if (m.role === role) return;
    if (m.role === 'owner') await assertNotLastOwner(tx, ctx);
    await tx.update(memberships).set({ role }).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'member.role_changed', entityType: 'membership', entityId: userId, before: { email: m.email, role: m.role }, after: { email: m.email, role },
    });
  });
}

/** Removes a member from the org (their accounts become unowned); the last owner cannot go. */
export async function removeMember(ctx: TenantCtx, userId: string): Promise<void> {
  assertRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const m = await lockMember(tx, ctx, userId);
    if (!canManageMember(ctx.role, m.role)) throw new AppError('FORBIDDEN', 'Only owners can remove admins and owners.');
    if (m.role === 'owner') await assertNotLastOwner(tx, ctx);
    await tx.update(accounts).set({ ownerId: null }).where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.ownerId, userId)));
    await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'member.removed', entityType: 'membership', entityId: userId, before: { email: m.email, role: m.role },
    });
  });
}

/**
 * Creates a one-hour, single-use password reset link for a member, for an admin to pass on when
 * no SMTP is configured. Returns the raw token once.
 */
export async function createMemberResetToken(ctx: TenantCtx, userId: string): Promise<{ token: string; email: string }> {
  assertRole(ctx, 'admin');
  const token = newToken();
  const email = await db.transaction(async (tx) => {
    const m = await lockMember(tx, ctx, userId);
    if (!canManageMember(ctx.role, m.role) && userId !== ctx.userId) {
      throw new AppError('FORBIDDEN', 'Only owners can create reset links for admins and owners.');
    }
    // A password belongs to the person, not the org: a link made here must not open their
    // access to another org, where this admin has no say.
    const [elsewhere] = await tx
      .select({ orgId: memberships.orgId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), sql`${memberships.orgId} <> ${ctx.orgId}`))
      .limit(1);
    if (elsewhere) {
      throw new AppError('FORBIDDEN', 'This person is also a member of another organization, so only they can reset their password (with "Forgot password").');
    }
    await tx.insert(passwordResets).values({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'member.reset_link_created', entityType: 'membership', entityId: userId, after: { email: m.email },
    });
    return m.email;
  });
  return { token, email };
}
