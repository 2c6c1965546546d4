import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, auditLog, invitations, passwordResets, stakeholders } from '@/db/schema';
import { hashToken } from '@/lib/auth/tokens';
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from '@/lib/actions/members';
import { resolveTenant } from '@/lib/auth/tenant';
import { deleteAccount, getAccount, listAccounts, updateAccount } from '@/lib/dal/accounts';
import { createInvitation, revokeInvitation } from '@/lib/dal/invitations';
import { changeMemberRole, createMemberResetToken, removeMember } from '@/lib/dal/members';
import { createStakeholder, deleteStakeholder, getStakeholder, listStakeholders, updateStakeholder } from '@/lib/dal/stakeholders';
import { stakeholderFieldsSchema } from '@/lib/validation/stakeholders';
import { auditEntries, expectAppError, makeAccount, makeOrg, makeStakeholder, makeUser, roleOf, uniqueEmail } from './fixtures';
import { form, signIn } from './session';

// Server actions read the session through getSessionUser; the tests choose who is signed in.
vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

/** Org A with an account, a stakeholder on it, a pending invitation; and org B, a stranger. */
async function twoOrgs() {
  const a = await makeOrg();
  const b = await makeOrg();
  const aOwner = await a.ctx('owner');
  const account = await makeAccount(aOwner, { name: 'Of org A', ownerId: a.users.csm.id, licensedSeats: 40 });
  const stakeholder = await makeStakeholder(aOwner, account.id, { name: 'Champion of A', role: 'champion' });
  const invitation = await createInvitation(aOwner, { email: uniqueEmail('a-invitee'), role: 'viewer' });
  return { a, b, account, stakeholder, invitation };
}

/** Everything of org A the cross-tenant calls could have touched. */
async function snapshotOfA(orgId: string) {
  const [acc, sh, inv, audit, events] = await Promise.all([
    db.select().from(accounts).where(eq(accounts.orgId, orgId)),
    db.select().from(stakeholders).where(eq(stakeholders.orgId, orgId)),
    db.select().from(invitations).where(eq(invitations.orgId, orgId)),
    db.select().from(auditLog).where(eq(auditLog.orgId, orgId)),
    db.select().from(accountEvents).where(eq(accountEvents.orgId, orgId)),
  ]);
  return { acc, sh, inv, audit, events };
}

describe('cross-tenant access through the DAL', () => {
  it('org B gets NOT_FOUND for org A\'s account, and the account is unchanged', async () => {
    const { a, b, account } = await twoOrgs();
    const before = await snapshotOfA(a.org.id);
    const bOwner = await b.ctx('owner');

    expect((await getAccount(await a.ctx('viewer'), account.id)).name).toBe('Of org A');
    await expectAppError(getAccount(bOwner, account.id), 'NOT_FOUND');
    await expectAppError(updateAccount(bOwner, account.id, { name: 'Hijacked', licensedSeats: 1 }), 'NOT_FOUND');
    await expectAppError(updateAccount(bOwner, account.id, { ownerId: b.users.csm.id }), 'NOT_FOUND');
    await expectAppError(deleteAccount(bOwner, account.id), 'NOT_FOUND');
    expect((await listAccounts(bOwner, { page: 1, pageSize: 100 })).rows.map((r) => r.id)).not.toContain(account.id);

    expect(await snapshotOfA(a.org.id)).toEqual(before);
    expect(before.acc).toMatchObject([{ id: account.id, name: 'Of org A', licensedSeats: 40, ownerId: a.users.csm.id }]);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, b.org.id))).toEqual([]);
  });

  it('org B gets NOT_FOUND for org A\'s stakeholder and cannot add one to A\'s account', async () => {
    const { a, b, account, stakeholder } = await twoOrgs();
    const before = await snapshotOfA(a.org.id);
    const bOwner = await b.ctx('owner');

    await expectAppError(getStakeholder(bOwner, stakeholder.id), 'NOT_FOUND');
    await expectAppError(updateStakeholder(bOwner, stakeholder.id, { name: 'Renamed', sentiment: 'negative' }), 'NOT_FOUND');
    await expectAppError(deleteStakeholder(bOwner, stakeholder.id), 'NOT_FOUND');
    await expectAppError(createStakeholder(bOwner, account.id, stakeholderFieldsSchema.parse({ name: 'Spy' })), 'NOT_FOUND');
    expect(await listStakeholders(bOwner, account.id)).toEqual([]);

    expect(await snapshotOfA(a.org.id)).toEqual(before);
    expect(before.sh).toMatchObject([{ id: stakeholder.id, name: 'Champion of A', sentiment: 'neutral' }]);
    expect(await db.select().from(stakeholders).where(eq(stakeholders.orgId, b.org.id))).toEqual([]);
    expect((await listStakeholders(await a.ctx('viewer'), account.id)).map((s) => s.id)).toEqual([stakeholder.id]);
  });

  it('org B gets NOT_FOUND for org A\'s invitation and members', async () => {
    const { a, b, invitation } = await twoOrgs();
    const before = await snapshotOfA(a.org.id);
    const bOwner = await b.ctx('owner');

    await expectAppError(revokeInvitation(bOwner, invitation.id), 'NOT_FOUND');
    await expectAppError(changeMemberRole(bOwner, a.users.csm.id, 'viewer'), 'NOT_FOUND');
    await expectAppError(changeMemberRole(bOwner, a.users.owner.id, 'viewer'), 'NOT_FOUND');
    await expectAppError(removeMember(bOwner, a.users.csm.id), 'NOT_FOUND');
    await expectAppError(createMemberResetToken(bOwner, a.users.csm.id), 'NOT_FOUND');

    expect(await snapshotOfA(a.org.id)).toEqual(before);
    expect(before.inv).toMatchObject([{ id: invitation.id, revokedAt: null, acceptedAt: null }]);
    expect(await roleOf(a.org.id, a.users.csm.id)).toBe('csm');
    expect(await roleOf(a.org.id, a.users.owner.id)).toBe('owner');
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, a.users.csm.id))).toEqual([]);
  });

  it('answers NOT_FOUND, not a driver error, for an id that is not a uuid', async () => {
    const a = await makeOrg({ roles: [] });
    const owner = await a.ctx('owner');
    await expectAppError(getAccount(owner, 'not-a-uuid'), 'NOT_FOUND');
    await expectAppError(updateAccount(owner, "1' or '1'='1", { name: 'x' }), 'NOT_FOUND');
    await expectAppError(getStakeholder(owner, '42'), 'NOT_FOUND');
    await expectAppError(createStakeholder(owner, 'nope', stakeholderFieldsSchema.parse({ name: 'x' })), 'NOT_FOUND');
  });

  it('an account owner must be a member of the same org', async () => {
    const { a, b, account } = await twoOrgs();
    const err = await expectAppError(updateAccount(await a.ctx('owner'), account.id, { ownerId: b.users.csm.id }), 'VALIDATION');
    expect(err.fieldErrors?.ownerId).toHaveLength(1);
    const [row] = await db.select({ ownerId: accounts.ownerId }).from(accounts).where(and(eq(accounts.orgId, a.org.id), eq(accounts.id, account.id)));
    expect(row.ownerId).toBe(a.users.csm.id);
  });
});

describe('member actions', () => {
  beforeEach(() => {
    signIn(null);
    vi.mocked(revalidatePath).mockClear();
  });

  it('answers NOT_FOUND to a signed-in non-member and changes nothing', async () => {
    const { a, b } = await twoOrgs();
    signIn(b.users.owner);
    const result = await removeMemberAction(a.org.slug, null, form({ userId: a.users.csm.id }));
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await roleOf(a.org.id, a.users.csm.id)).toBe('csm');
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('answers NOT_FOUND for an unknown org or a slug that is not a string', async () => {
    const { a } = await twoOrgs();
    signIn(a.users.owner);
    expect(await removeMemberAction(`${a.org.slug}-nope`, null, form({ userId: a.users.csm.id }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await removeMemberAction({ slug: a.org.slug }, null, form({ userId: a.users.csm.id }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await roleOf(a.org.id, a.users.csm.id)).toBe('csm');
  });

  it('answers FORBIDDEN to a viewer or a CSM of the org', async () => {
    const { a } = await twoOrgs();
    for (const role of ['viewer', 'csm'] as const) {
      signIn(a.users[role]);
      const result = await removeMemberAction(a.org.slug, null, form({ userId: a.users.admin.id }));
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await roleOf(a.org.id, a.users.admin.id)).toBe('admin');
  });

  it('answers UNAUTHENTICATED without a session', async () => {
    const { a } = await twoOrgs();
    const result = await removeMemberAction(a.org.slug, null, form({ userId: a.users.csm.id }));
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await roleOf(a.org.id, a.users.csm.id)).toBe('csm');
  });

  it('answers VALIDATION with a field error for a malformed member id', async () => {
    const { a } = await twoOrgs();
    signIn(a.users.admin);
    const result = await removeMemberAction(a.org.slug, null, form({ userId: 'not-a-uuid' }));
    expect(result).toEqual({ ok: false, code: 'VALIDATION', message: 'Check the highlighted fields.', fieldErrors: { userId: ['Unknown member.'] } });
  });

  it('checks membership before parsing, so a stranger learns nothing from a malformed form', async () => {
    const { a, b } = await twoOrgs();
    signIn(b.users.owner);
    expect(await removeMemberAction(a.org.slug, null, form({ userId: 'not-a-uuid' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('removes a member for an admin of the org and revalidates the members page', async () => {
    const { a } = await twoOrgs();
    signIn(a.users.admin);
    expect(await removeMemberAction(a.org.slug, null, form({ userId: a.users.csm.id }))).toEqual({ ok: true, data: undefined });
    expect(await roleOf(a.org.id, a.users.csm.id)).toBeNull();
    expect(revalidatePath).toHaveBeenCalledWith(`/${a.org.slug}/settings/members`);
    expect(await auditEntries(a.org.id, 'member.removed')).toMatchObject([{ actorId: a.users.admin.id, entityId: a.users.csm.id }]);
  });

  it('maps a DAL refusal to its code: an admin removing the owner gets FORBIDDEN', async () => {
    const { a } = await twoOrgs();
    signIn(a.users.admin);
    const result = await removeMemberAction(a.org.slug, null, form({ userId: a.users.owner.id }));
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'Only owners can remove admins and owners.' });
    expect(await roleOf(a.org.id, a.users.owner.id)).toBe('owner');
  });

  it('an owner of B acting in B on A\'s member or invitation gets NOT_FOUND', async () => {
    const { a, b, invitation } = await twoOrgs();
    signIn(b.users.owner);
    const change = await changeMemberRoleAction(b.org.slug, null, form({ userId: a.users.csm.id, role: 'viewer' }));
    const revoke = await revokeInvitationAction(b.org.slug, null, form({ invitationId: invitation.id }));
    expect(change).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(revoke).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await roleOf(a.org.id, a.users.csm.id)).toBe('csm');
    const [inv] = await db.select({ revokedAt: invitations.revokedAt }).from(invitations).where(and(eq(invitations.orgId, a.org.id), eq(invitations.id, invitation.id)));
    expect(inv.revokedAt).toBeNull();
  });

  it('invites for an admin and returns a link whose token only exists hashed', async () => {
    const { a } = await twoOrgs();
    signIn(a.users.admin);
    const email = uniqueEmail('action-invitee');
    vi.spyOn(console, 'info').mockImplementation(() => {}); // the local outbox logs the mail
    const result = await inviteMemberAction(a.org.slug, null, form({ email: email.toUpperCase(), role: 'csm' }));
    vi.mocked(console.info).mockRestore();
    expect(result).toMatchObject({ ok: true, data: { emailed: false } });
    if (!result.ok) return;
    const token = new URL(result.data.link).pathname.split('/').pop()!;
    const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
    expect(row).toMatchObject({ orgId: a.org.id, email, role: 'csm', invitedBy: a.users.admin.id });
  });
});

describe('resolveTenant outside a React request', () => {
  it('is not cached across calls: each call reads the current session and membership', async () => {
    const { a } = await twoOrgs();
    signIn(a.users.viewer);
    expect((await resolveTenant(a.org.slug)).role).toBe('viewer');
    await expectAppError(resolveTenant(a.org.slug, 'admin'), 'FORBIDDEN');

    signIn(a.users.admin);
    expect(await resolveTenant(a.org.slug, 'admin')).toMatchObject({ userId: a.users.admin.id, orgId: a.org.id, role: 'admin' });

    signIn(await makeUser('outsider'));
    await expectAppError(resolveTenant(a.org.slug), 'NOT_FOUND');
    signIn(null);
    await expectAppError(resolveTenant(a.org.slug), 'UNAUTHENTICATED');
  });
});
