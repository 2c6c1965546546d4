import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, memberships, organizations, passwordResets, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/auth/tokens';
import { RESET_TTL_MS } from '@/lib/dal/members';
import { createResetTokenForEmail, isResetTokenValid, resetPassword } from '@/lib/dal/password-resets';
import { listUserOrgs, signUp, verifyLogin } from '@/lib/dal/users';
import { rules } from '@/lib/rate-limit';
import { expectAppError, makeUser, TEST_PASSWORD, uniq, uniqueEmail } from './fixtures';

/** A client IP of its own per test, so the per-IP login budget is never shared between tests. */
const freshIp = () => `test-${randomUUID()}`;

const signUpInput = (over: Partial<Parameters<typeof signUp>[0]> = {}) => ({
  name: 'Ada Lovelace',
  email: uniqueEmail('signup'),
  password: 'a long enough password',
  orgName: `Analytical Engines ${uniq()}`,
  invite: '',
  ...over,
});

describe('signUp', () => {
  it('creates the user, their org, an owner membership and an org.created audit entry', async () => {
    const input = signUpInput();
    const { userId, orgSlug } = await signUp(input);

    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ name: 'Ada Lovelace', email: input.email });
    expect(user.passwordHash).not.toBe(input.password);
    expect(await verifyPassword(input.password, user.passwordHash)).toBe(true);

    const [org] = await db.select().from(organizations).where(eq(organizations.slug, orgSlug));
    expect(org.name).toBe(input.orgName);
    expect(orgSlug).toBe(input.orgName.toLowerCase().replace(/ /g, '-'));

    const members = await db.select().from(memberships).where(eq(memberships.orgId, org.id));
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ userId, role: 'owner' });

    const audit = await db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'org.created',
      actorType: 'user',
      actorId: userId,
      entityType: 'organization',
      entityId: org.id,
      after: { name: input.orgName, slug: orgSlug, owner: input.email },
    });

    expect(await listUserOrgs(userId)).toEqual([{ slug: orgSlug, name: input.orgName, role: 'owner' }]);
  });

  it('refuses an email that already has an account with CONFLICT and a field error', async () => {
    const first = signUpInput();
    await signUp(first);
    const err = await expectAppError(signUp(signUpInput({ email: first.email, orgName: `Other ${uniq()}` })), 'CONFLICT');
    expect(err.fieldErrors?.email?.[0]).toMatch(/already exists/);
    const sameEmail = await db.select({ id: users.id }).from(users).where(eq(users.email, first.email));
    expect(sameEmail).toHaveLength(1);
  });

  it('gives a taken slug the next free numeric suffix', async () => {
    const orgName = `Collide ${uniq()}`;
    const base = orgName.toLowerCase().replace(' ', '-');
    await db.insert(organizations).values([{ name: 'squatter', slug: base }, { name: 'squatter 2', slug: `${base}-2` }]);
    const a = await signUp(signUpInput({ orgName }));
    const b = await signUp(signUpInput({ orgName }));
    expect(a.orgSlug).toBe(`${base}-3`);
    expect(b.orgSlug).toBe(`${base}-4`);
  });
});

describe('verifyLogin', () => {
  it('accepts the right password and returns the user without the hash', async () => {
    const user = await makeUser('login');
    const result = await verifyLogin(user.email, TEST_PASSWORD, freshIp());
    expect(result).toEqual({ status: 'ok', user: { id: user.id, name: user.name, email: user.email } });
  });

  it('matches the email case-insensitively', async () => {
    const user = await makeUser('login');
    const result = await verifyLogin(user.email.toUpperCase(), TEST_PASSWORD, freshIp());
    expect(result.status).toBe('ok');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await makeUser('login');
    const wrong = await verifyLogin(user.email, 'not the password', freshIp());
    const unknown = await verifyLogin(uniqueEmail('nobody'), TEST_PASSWORD, freshIp());
    expect(wrong).toEqual({ status: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it(`refuses even the right password after ${rules.loginEmail.points} failures for the email`, async () => {
    const user = await makeUser('limited');
    const ip = freshIp();
    for (let i = 0; i < rules.loginEmail.points; i++) {
      expect(await verifyLogin(user.email, `wrong ${i}`, ip)).toEqual({ status: 'invalid' });
    }
    const refused = await verifyLogin(user.email, TEST_PASSWORD, freshIp());
    expect(refused.status).toBe('rate_limited');
    if (refused.status !== 'rate_limited') return;
    expect(refused.retryAfterSec).toBeGreaterThan(0);
    expect(refused.retryAfterSec).toBeLessThanOrEqual(rules.loginEmail.durationSec);

    // The budget is per email: another user signing in from the same IP is not affected.
    const other = await makeUser('unlimited');
    expect((await verifyLogin(other.email, TEST_PASSWORD, ip)).status).toBe('ok');
  });

  it('forgets the failures of an email after a successful sign-in', async () => {
    const user = await makeUser('recovers');
    const ip = freshIp();
    for (let i = 0; i < rules.loginEmail.points - 1; i++) await verifyLogin(user.email, 'wrong', ip);
    expect((await verifyLogin(user.email, TEST_PASSWORD, ip)).status).toBe('ok');
    expect(await verifyLogin(user.email, 'wrong again', ip)).toEqual({ status: 'invalid' });
    expect((await verifyLogin(user.email, TEST_PASSWORD, ip)).status).toBe('ok');
  });
});

describe('password reset tokens', () => {
  it('stores only the hash of the token, valid for one hour', async () => {
    const user = await makeUser('reset');
    const before = Date.now();
    const reset = await createResetTokenForEmail(user.email);
    expect(reset).toMatchObject({ name: user.name });
    const token = reset!.token;

    const rows = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(rows[0].tokenHash).not.toContain(token);
    expect(await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, token))).toEqual([]);
    expect(rows[0].expiresAt.getTime()).toBeGreaterThanOrEqual(before + RESET_TTL_MS - 1000);
    expect(rows[0].expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + RESET_TTL_MS + 1000);
  });

  it('returns null for an email without an account', async () => {
    expect(await createResetTokenForEmail(uniqueEmail('ghost'))).toBeNull();
  });

  it('sets the new password once; the second use is refused', async () => {
    const user = await makeUser('reset');
    const { token } = (await createResetTokenForEmail(user.email))!;
    expect(await isResetTokenValid(token)).toBe(true);

    await resetPassword(token, 'brand new password');
    expect((await verifyLogin(user.email, 'brand new password', freshIp())).status).toBe('ok');
    expect((await verifyLogin(user.email, TEST_PASSWORD, freshIp())).status).toBe('invalid');

    expect(await isResetTokenValid(token)).toBe(false);
    await expectAppError(resetPassword(token, 'yet another password'), 'NOT_FOUND');
    expect((await verifyLogin(user.email, 'brand new password', freshIp())).status).toBe('ok');
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(token)));
    expect(row.usedAt).toBeInstanceOf(Date);
  });

  it('refuses an expired token and leaves the password alone', async () => {
    const user = await makeUser('reset');
    const { token } = (await createResetTokenForEmail(user.email))!;
    await db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(and(eq(passwordResets.userId, user.id), eq(passwordResets.tokenHash, hashToken(token))));

    expect(await isResetTokenValid(token)).toBe(false);
    await expectAppError(resetPassword(token, 'brand new password'), 'NOT_FOUND');
    expect((await verifyLogin(user.email, TEST_PASSWORD, freshIp())).status).toBe('ok');
  });

  it('refuses a token that was never issued', async () => {
    expect(await isResetTokenValid('x'.repeat(22))).toBe(false);
    await expectAppError(resetPassword('x'.repeat(22), 'brand new password'), 'NOT_FOUND');
  });
});
