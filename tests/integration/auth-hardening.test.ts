import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { memberships } from '@/db/schema';
import { createMemberResetToken, removeMember } from '@/lib/dal/members';
import { revokeInvitation } from '@/lib/dal/invitations';
import { signUp, verifyLogin } from '@/lib/dal/users';
import { rules } from '@/lib/rate-limit';
import { addMember, expectAppError, makeOrg, makeUser, uniq, uniqueEmail } from './fixtures';

// Regressions for holes found in review: each test failed before its fix.
describe('sign-up slugs', () => {
  it('never hands out a reserved address', async () => {
    const { orgSlug } = await signUp({ name: 'A', email: uniqueEmail('settings'), password: 'long-enough', orgName: 'Settings', invite: '' });
    expect(orgSlug).not.toBe('settings');
    expect(orgSlug).toMatch(/^settings-\d+$/);
  });

  it('keeps numbered slugs within 40 characters', async () => {
    const name = `Extraordinarily Long Company Name ${uniq()}`; // slugifies to 40 characters
    const first = await signUp({ name: 'A', email: uniqueEmail('long'), password: 'long-enough', orgName: name, invite: '' });
    const second = await signUp({ name: 'B', email: uniqueEmail('long'), password: 'long-enough', orgName: name, invite: '' });
    expect(first.orgSlug.length).toBeLessThanOrEqual(40);
    expect(second.orgSlug.length).toBeLessThanOrEqual(40);
    expect(second.orgSlug).toMatch(/-2$/);
  });

  it('answers CONFLICT for an existing email in another case', async () => {
    const user = await makeUser('case');
    await expectAppError(signUp({ name: 'X', email: user.email.toUpperCase(), password: 'long-enough', orgName: `Case ${uniq()}`, invite: '' }), 'CONFLICT');
  });
});

describe('login rate limit', () => {
  it('counts parallel guesses before checking them, so the right password after the limit is refused', async () => {
    const user = await makeUser('burst');
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const limit = rules.loginEmail.points;
    const results = await Promise.all(Array.from({ length: limit + 5 }, () => verifyLogin(user.email, 'wrong-guess', ip)));
    expect(results.filter((r) => r.status === 'invalid')).toHaveLength(limit);
    expect(results.filter((r) => r.status === 'rate_limited')).toHaveLength(5);
    expect((await verifyLogin(user.email, user.password, ip)).status).toBe('rate_limited');
  });
});

describe('member management hardening', () => {
  it('refuses a reset link for someone who also belongs to another org', async () => {
    const a = await makeOrg({ roles: ['admin'] });
    const b = await makeOrg({ roles: [] });
    const shared = await addMember(a.org.id, 'viewer', 'shared');
    await db.insert(memberships).values({ orgId: b.org.id, userId: shared.id, role: 'owner' });
    await expectAppError(createMemberResetToken(await a.ctx('admin'), shared.id), 'FORBIDDEN');
    const local = await addMember(a.org.id, 'csm', 'local');
    await expect(createMemberResetToken(await a.ctx('admin'), local.id)).resolves.toMatchObject({ email: local.email });
  });

  it('answers NOT_FOUND, not a driver error, for malformed ids', async () => {
    const a = await makeOrg({ roles: [] });
    const owner = await a.ctx('owner');
    await expectAppError(removeMember(owner, 'nope'), 'NOT_FOUND');
    await expectAppError(revokeInvitation(owner, 'nope'), 'NOT_FOUND');
  });
});
