import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accounts, invitations, memberships, organizations, stakeholders, users } from '@/db/schema';
import { tenantCtxFor } from '@/lib/auth/testing';
import { hashToken } from '@/lib/auth/tokens';
import { updateAccount } from '@/lib/dal/accounts';
import { acceptInvitation, createInvitation, listPendingInvitations, revokeInvitation } from '@/lib/dal/invitations';
import { changeMemberRole, createMemberResetToken, listMembers, removeMember } from '@/lib/dal/members';
import { createStakeholder } from '@/lib/dal/stakeholders';
import { findOpenInvitation, listUserOrgs, signUp } from '@/lib/dal/users';
import { stakeholderFieldsSchema } from '@/lib/validation/stakeholders';
import {
  addMember, auditEntries, expectAppError, makeAccount, makeOrg, makeUser, roleOf, uniqueEmail,
} from './fixtures';

const stakeholderFields = (name = 'Grace Hopper') => stakeholderFieldsSchema.parse({ name, role: 'champion' });

describe('role checks in the DAL', () => {
  it('a viewer can change nothing', async () => {
    const t = await makeOrg();
    const viewer = await t.ctx('viewer');
    const account = await makeAccount(viewer, { name: 'Untouched' });

    await expectAppError(createInvitation(viewer, { email: uniqueEmail('invitee'), role: 'viewer' }), 'FORBIDDEN');
    await expectAppError(changeMemberRole(viewer, t.users.csm.id, 'viewer'), 'FORBIDDEN');
    await expectAppError(removeMember(viewer, t.users.csm.id), 'FORBIDDEN');
    await expectAppError(updateAccount(viewer, account.id, { name: 'Renamed' }), 'FORBIDDEN');
    await expectAppError(createStakeholder(viewer, account.id, stakeholderFields()), 'FORBIDDEN');

    expect(await db.select().from(invitations).where(eq(invitations.orgId, t.org.id))).toEqual([]);
    expect(await roleOf(t.org.id, t.users.csm.id)).toBe('csm');
    const [after] = await db.select({ name: accounts.name }).from(accounts).where(and(eq(accounts.orgId, t.org.id), eq(accounts.id, account.id)));
    expect(after.name).toBe('Untouched');
    expect(await db.select().from(stakeholders).where(eq(stakeholders.orgId, t.org.id))).toEqual([]);
  });

  it('a CSM edits accounts and stakeholders but cannot manage members', async () => {
    const t = await makeOrg();
    const csm = await t.ctx('csm');
    const account = await makeAccount(csm, { name: 'Before' });

    await updateAccount(csm, account.id, { name: 'After' });
    const stakeholderId = await createStakeholder(csm, account.id, stakeholderFields());
    const [acc] = await db.select({ name: accounts.name }).from(accounts).where(and(eq(accounts.orgId, t.org.id), eq(accounts.id, account.id)));
    expect(acc.name).toBe('After');
    expect(stakeholderId).toMatch(/^[0-9a-f-]{36}$/);

    const invitation = await createInvitation(await t.ctx('owner'), { email: uniqueEmail('invitee'), role: 'viewer' });
    await expectAppError(createInvitation(csm, { email: uniqueEmail('invitee'), role: 'viewer' }), 'FORBIDDEN');
    await expectAppError(revokeInvitation(csm, invitation.id), 'FORBIDDEN');
    await expectAppError(changeMemberRole(csm, t.users.viewer.id, 'csm'), 'FORBIDDEN');
    await expectAppError(removeMember(csm, t.users.viewer.id), 'FORBIDDEN');
    await expectAppError(createMemberResetToken(csm, t.users.viewer.id), 'FORBIDDEN');

    expect(await roleOf(t.org.id, t.users.viewer.id)).toBe('viewer');
    expect((await listPendingInvitations(csm)).map((i) => i.id)).toEqual([invitation.id]);
  });

  it('an admin invites viewers and CSMs, but not admins or owners', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    const admin = await t.ctx('admin');
    const viewerEmail = uniqueEmail('invitee');
    const csmEmail = uniqueEmail('invitee');
    await createInvitation(admin, { email: viewerEmail, role: 'viewer' });
    await createInvitation(admin, { email: csmEmail, role: 'csm' });

    for (const role of ['admin', 'owner'] as const) {
      const err = await expectAppError(createInvitation(admin, { email: uniqueEmail('invitee'), role }), 'FORBIDDEN');
      expect(err.fieldErrors?.role).toHaveLength(1);
    }
    const pending = await listPendingInvitations(admin);
    expect(pending.map((i) => [i.email, i.role]).sort()).toEqual([[csmEmail, 'csm'], [viewerEmail, 'viewer']].sort());
  });

  it('an admin changes and removes viewers and CSMs, but cannot promote to admin', async () => {
    const t = await makeOrg();
    const admin = await t.ctx('admin');
    await changeMemberRole(admin, t.users.viewer.id, 'csm');
    expect(await roleOf(t.org.id, t.users.viewer.id)).toBe('csm');
    await expectAppError(changeMemberRole(admin, t.users.csm.id, 'admin'), 'FORBIDDEN');
    await expectAppError(changeMemberRole(admin, t.users.csm.id, 'owner'), 'FORBIDDEN');
    expect(await roleOf(t.org.id, t.users.csm.id)).toBe('csm');
    await removeMember(admin, t.users.csm.id);
    expect(await roleOf(t.org.id, t.users.csm.id)).toBeNull();
  });

  it('an admin cannot change or remove another admin or an owner', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    const admin = await t.ctx('admin');
    const otherAdmin = await addMember(t.org.id, 'admin');

    await expectAppError(changeMemberRole(admin, otherAdmin.id, 'viewer'), 'FORBIDDEN');
    await expectAppError(removeMember(admin, otherAdmin.id), 'FORBIDDEN');
    await expectAppError(changeMemberRole(admin, t.users.owner.id, 'viewer'), 'FORBIDDEN');
    await expectAppError(removeMember(admin, t.users.owner.id), 'FORBIDDEN');

    expect(await roleOf(t.org.id, otherAdmin.id)).toBe('admin');
    expect(await roleOf(t.org.id, t.users.owner.id)).toBe('owner');
  });

  it('an owner promotes, demotes and removes admins and owners', async () => {
    const t = await makeOrg();
    const owner = await t.ctx('owner');
    await changeMemberRole(owner, t.users.csm.id, 'admin');
    expect(await roleOf(t.org.id, t.users.csm.id)).toBe('admin');
    await changeMemberRole(owner, t.users.admin.id, 'owner');
    expect(await roleOf(t.org.id, t.users.admin.id)).toBe('owner');
    await changeMemberRole(owner, t.users.admin.id, 'viewer');
    expect(await roleOf(t.org.id, t.users.admin.id)).toBe('viewer');
    await removeMember(owner, t.users.csm.id);
    expect(await roleOf(t.org.id, t.users.csm.id)).toBeNull();

    const secondOwner = await addMember(t.org.id, 'owner');
    await removeMember(owner, secondOwner.id);
    expect(await roleOf(t.org.id, secondOwner.id)).toBeNull();
  });

  it('the last owner can be neither demoted nor removed', async () => {
    const t = await makeOrg({ roles: [] });
    const owner = await t.ctx('owner');
    await expectAppError(changeMemberRole(owner, t.users.owner.id, 'admin'), 'CONFLICT');
    await expectAppError(removeMember(owner, t.users.owner.id), 'CONFLICT');
    expect(await roleOf(t.org.id, t.users.owner.id)).toBe('owner');

    // With a second owner, the first may step down.
    const second = await addMember(t.org.id, 'owner');
    await changeMemberRole(owner, t.users.owner.id, 'admin');
    expect(await roleOf(t.org.id, t.users.owner.id)).toBe('admin');
    const secondCtx = await tenantCtxFor(second.id, t.org.slug);
    await expectAppError(removeMember(secondCtx, second.id), 'CONFLICT');
    expect(await roleOf(t.org.id, second.id)).toBe('owner');
  });

  it('removing a member unassigns their accounts and keeps everyone else\'s', async () => {
    const t = await makeOrg();
    const owner = await t.ctx('owner');
    const theirs = await makeAccount(owner, { ownerId: t.users.csm.id });
    const alsoTheirs = await makeAccount(owner, { ownerId: t.users.csm.id });
    const someoneElses = await makeAccount(owner, { ownerId: t.users.admin.id });

    await removeMember(owner, t.users.csm.id);

    const owners = await db.select({ id: accounts.id, ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.orgId, t.org.id));
    expect(Object.fromEntries(owners.map((a) => [a.id, a.ownerId]))).toEqual({
      [theirs.id]: null,
      [alsoTheirs.id]: null,
      [someoneElses.id]: t.users.admin.id,
    });
    expect((await listMembers(owner)).map((m) => m.userId).sort()).toEqual([t.users.owner.id, t.users.admin.id, t.users.viewer.id].sort());
    // The user still exists; only the membership is gone.
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, t.users.csm.id))).toHaveLength(1);
  });
});

describe('audit trail of member changes', () => {
  it('writes one entry per invitation, role and membership change', async () => {
    const t = await makeOrg();
    const owner = await t.ctx('owner');
    const invitee = await makeUser('invitee');

    const revoked = await createInvitation(owner, { email: uniqueEmail('revoked'), role: 'viewer' });
    await revokeInvitation(owner, revoked.id);
    const invitation = await createInvitation(owner, { email: invitee.email, role: 'csm' });
    await acceptInvitation(invitee, invitation.token);
    await changeMemberRole(owner, t.users.viewer.id, 'csm');
    await removeMember(owner, t.users.csm.id);
    await createMemberResetToken(owner, t.users.admin.id);

    const created = await auditEntries(t.org.id, 'invitation.created');
    expect(created.map((e) => e.after?.role).sort()).toEqual(['csm', 'viewer']);
    expect(created.every((e) => e.actorType === 'user' && e.actorId === t.users.owner.id && e.entityType === 'invitation')).toBe(true);
    expect(created.map((e) => e.entityId).sort()).toEqual([revoked.id, invitation.id].sort());

    expect(await auditEntries(t.org.id, 'invitation.revoked')).toMatchObject([
      { actorId: t.users.owner.id, entityType: 'invitation', entityId: revoked.id, before: { role: 'viewer' } },
    ]);
    expect(await auditEntries(t.org.id, 'invitation.accepted')).toMatchObject([
      { actorId: invitee.id, entityType: 'membership', entityId: invitee.id, after: { email: invitee.email, role: 'csm' } },
    ]);
    expect(await auditEntries(t.org.id, 'member.role_changed')).toMatchObject([
      {
        actorId: t.users.owner.id,
        entityId: t.users.viewer.id,
        before: { email: t.users.viewer.email, role: 'viewer' },
        after: { email: t.users.viewer.email, role: 'csm' },
      },
    ]);
    expect(await auditEntries(t.org.id, 'member.removed')).toMatchObject([
      { actorId: t.users.owner.id, entityId: t.users.csm.id, before: { email: t.users.csm.email, role: 'csm' } },
    ]);
    expect(await auditEntries(t.org.id, 'member.reset_link_created')).toMatchObject([
      { actorId: t.users.owner.id, entityId: t.users.admin.id, after: { email: t.users.admin.email } },
    ]);
  });

  it('writes nothing when a change is refused', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    const admin = await t.ctx('admin');
    await expectAppError(changeMemberRole(admin, t.users.owner.id, 'viewer'), 'FORBIDDEN');
    await expectAppError(removeMember(await t.ctx('owner'), t.users.owner.id), 'CONFLICT');
    await expectAppError(createInvitation(admin, { email: uniqueEmail('x'), role: 'owner' }), 'FORBIDDEN');
    for (const action of ['member.role_changed', 'member.removed', 'invitation.created']) {
      expect(await auditEntries(t.org.id, action)).toEqual([]);
    }
  });
});

describe('invitations', () => {
  async function invite(role: 'viewer' | 'csm' | 'admin' = 'csm') {
    const t = await makeOrg({ roles: [] });
    const invitee = await makeUser('invitee');
    const invitation = await createInvitation(await t.ctx('owner'), { email: invitee.email, role });
    return { t, invitee, invitation };
  }

  it('stores only the hash of the token', async () => {
    const { t, invitation } = await invite();
    const [row] = await db.select().from(invitations).where(and(eq(invitations.orgId, t.org.id), eq(invitations.id, invitation.id)));
    expect(row.tokenHash).toBe(hashToken(invitation.token));
    expect(row.tokenHash).not.toContain(invitation.token);
    expect(await db.select().from(invitations).where(eq(invitations.tokenHash, invitation.token))).toEqual([]);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  it('joins the invited user with the invited role', async () => {
    const { t, invitee, invitation } = await invite('admin');
    expect(await findOpenInvitation(invitation.token)).toMatchObject({ orgSlug: t.org.slug, email: invitee.email, role: 'admin' });

    expect(await acceptInvitation(invitee, invitation.token)).toBe(t.org.slug);

    expect(await roleOf(t.org.id, invitee.id)).toBe('admin');
    expect(await listUserOrgs(invitee.id)).toEqual([{ slug: t.org.slug, name: t.org.name, role: 'admin' }]);
    const [row] = await db.select().from(invitations).where(and(eq(invitations.orgId, t.org.id), eq(invitations.id, invitation.id)));
    expect(row.acceptedBy).toBe(invitee.id);
    expect(row.acceptedAt).toBeInstanceOf(Date);
  });

  it('accepts the invited email whatever its case', async () => {
    const { t, invitee, invitation } = await invite();
    await acceptInvitation({ id: invitee.id, email: invitee.email.toUpperCase() }, invitation.token);
    expect(await roleOf(t.org.id, invitee.id)).toBe('csm');
  });

  it('refuses a user signed in with another email, and the invitation stays open', async () => {
    const { t, invitation } = await invite();
    const stranger = await makeUser('stranger');
    const err = await expectAppError(acceptInvitation(stranger, invitation.token), 'FORBIDDEN');
    expect(err.message).toContain('invitee-');
    expect(await roleOf(t.org.id, stranger.id)).toBeNull();
    expect(await findOpenInvitation(invitation.token)).not.toBeNull();
    expect(await auditEntries(t.org.id, 'invitation.accepted')).toEqual([]);
  });

  it('refuses a used token', async () => {
    const { t, invitee, invitation } = await invite();
    await acceptInvitation(invitee, invitation.token);
    expect(await findOpenInvitation(invitation.token)).toBeNull();
    await expectAppError(acceptInvitation(invitee, invitation.token), 'NOT_FOUND');
    expect(await auditEntries(t.org.id, 'invitation.accepted')).toHaveLength(1);
  });

  it('refuses a revoked token', async () => {
    const { t, invitee, invitation } = await invite();
    await revokeInvitation(await t.ctx('owner'), invitation.id);
    expect(await findOpenInvitation(invitation.token)).toBeNull();
    await expectAppError(acceptInvitation(invitee, invitation.token), 'NOT_FOUND');
    expect(await roleOf(t.org.id, invitee.id)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const { t, invitee, invitation } = await invite();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(and(eq(invitations.orgId, t.org.id), eq(invitations.id, invitation.id)));
    expect(await findOpenInvitation(invitation.token)).toBeNull();
    await expectAppError(acceptInvitation(invitee, invitation.token), 'NOT_FOUND');
    expect(await roleOf(t.org.id, invitee.id)).toBeNull();
    expect(await listPendingInvitations(await t.ctx('owner'))).toEqual([]);
  });

  it('refuses a token that was never issued', async () => {
    const user = await makeUser('guesser');
    await expectAppError(acceptInvitation(user, randomUUID()), 'NOT_FOUND');
  });

  it('replaces a pending invitation for the same email', async () => {
    const { t, invitee, invitation: first } = await invite('viewer');
    const second = await createInvitation(await t.ctx('owner'), { email: invitee.email, role: 'csm' });
    await expectAppError(acceptInvitation(invitee, first.token), 'NOT_FOUND');
    await acceptInvitation(invitee, second.token);
    expect(await roleOf(t.org.id, invitee.id)).toBe('csm');
  });

  it('refuses to invite someone who is already a member', async () => {
    const t = await makeOrg({ roles: ['csm'] });
    const err = await expectAppError(createInvitation(await t.ctx('owner'), { email: t.users.csm.email, role: 'viewer' }), 'CONFLICT');
    expect(err.fieldErrors?.email).toHaveLength(1);
  });

  it('sign-up with an invitation token joins that org instead of creating one', async () => {
    const t = await makeOrg({ roles: [] });
    const email = uniqueEmail('newcomer');
    const invitation = await createInvitation(await t.ctx('owner'), { email, role: 'csm' });
    const orgCount = async () => (await db.select({ id: organizations.id }).from(organizations)).length;
    const orgsBefore = await orgCount();

    const { userId, orgSlug } = await signUp({ name: 'Newcomer', email, password: 'a long password', orgName: '', invite: invitation.token });

    expect(orgSlug).toBe(t.org.slug);
    expect(await listUserOrgs(userId)).toEqual([{ slug: t.org.slug, name: t.org.name, role: 'csm' }]);
    expect(await findOpenInvitation(invitation.token)).toBeNull();
    if (process.env.TEST_DB !== 'postgres') expect(await orgCount()).toBe(orgsBefore); // shared DB: others add orgs
    const owned = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner')));
    expect(owned).toEqual([]);
  });

  it('sign-up with someone else\'s invitation creates no user at all', async () => {
    const t = await makeOrg({ roles: [] });
    const invitation = await createInvitation(await t.ctx('owner'), { email: uniqueEmail('invited'), role: 'csm' });
    const email = uniqueEmail('interloper');
    await expectAppError(signUp({ name: 'Interloper', email, password: 'a long password', orgName: '', invite: invitation.token }), 'FORBIDDEN');
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await findOpenInvitation(invitation.token)).not.toBeNull();
  });
});
