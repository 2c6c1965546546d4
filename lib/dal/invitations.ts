import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { invitations, memberships, organizations, users, type Role } from '@/db/schema';
import { assignableRoles } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

const INVITATION_DAYS = 7;

/**
 * Invites an email to the org with a role (admins: viewer or CSM; owners: any). Returns the raw
 * token once; only its hash is stored. A pending invitation for the same email is replaced.
 */
export async function createInvitation(ctx: TenantCtx, invite: { email: string; role: Role }) {
  assertRole(ctx, 'admin');
  const input = { ...invite, email: invite.email.trim().toLowerCase() };
  if (!assignableRoles(ctx.role).includes(input.role)) {
    throw new AppError('FORBIDDEN', 'Only owners can invite admins or owners.', { role: ['Only owners can invite admins or owners.'] });
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const id = await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), eq(sql`lower(${users.email})`, input.email)))
      .limit(1);
    if (member) throw new AppError('CONFLICT', 'That person is already a member.', { email: ['That person is already a member.'] });
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({ orgId: ctx.orgId, email: input.email, role: input.role, tokenHash: hashToken(token), invitedBy: ctx.userId, expiresAt })
      .returning({ id: invitations.id });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'invitation.created', entityType: 'invitation', entityId: row.id, after: { email: input.email, role: input.role },
    });
    return row.id;
  });
  return { id, token, expiresAt };
}

/** Pending (not accepted, not revoked, unexpired) invitations of the org, newest first. */
export async function listPendingInvitations(ctx: TenantCtx) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.orgId, ctx.orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

/** Revokes a pending invitation of the org; a foreign or unknown id is NOT_FOUND. */
export async function revokeInvitation(ctx: TenantCtx, invitationId: string): Promise<void> {
  assertRole(ctx, 'admin');
  assertId(invitationId, 'That invitation');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ email: invitations.email, role: invitations.role });
    if (!row) throw new AppError('NOT_FOUND', 'That invitation was not found.');
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'invitation.revoked', entityType: 'invitation', entityId: invitationId, before: row,
    });
  });
}

/**
 * Accepts an invitation for a signed-in (or just signed-up) user inside `tx`. Refused unless the
 * user's email is the invited one. Returns the org's slug.
 */
export async function acceptInvitationTx(tx: Tx, user: { id: string; email: string }, token: string): Promise<string> {
  const [inv] = await tx
    .select({ orgId: invitations.orgId, id: invitations.id, email: invitations.email, role: invitations.role, slug: organizations.slug })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .limit(1)
    .for('update');
  if (!inv) throw new AppError('NOT_FOUND', 'This invitation link is invalid, expired or already used.');
  if (inv.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError('FORBIDDEN', `This invitation was sent to ${inv.email}. Sign in with that email to accept it.`);
  }
  // Someone who is already a member keeps their role: an invitation never demotes or promotes.
  const joined = await tx.insert(memberships).values({ orgId: inv.orgId, userId: user.id, role: inv.role }).onConflictDoNothing().returning({ role: memberships.role });
  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(and(eq(invitations.orgId, inv.orgId), eq(invitations.id, inv.id)));
  await recordAudit(tx, inv.orgId, userActor(user.id), {
    action: 'invitation.accepted', entityType: 'membership', entityId: user.id,
    after: { email: inv.email, role: inv.role, ...(joined.length === 0 ? { alreadyMember: true } : {}) },
  });
  return inv.slug;
}

/** Accepts an invitation for a signed-in user (user-scoped: the email is checked, not trusted). */
export async function acceptInvitation(user: { id: string; email: string }, token: string): Promise<string> {
  return db.transaction((tx) => acceptInvitationTx(tx, user, token));
}
