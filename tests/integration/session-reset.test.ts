import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { users } from '@/db/schema';
import { getSessionUser } from '@/lib/auth/session';
import { createResetTokenForEmail, resetPassword } from '@/lib/dal/password-resets';
import { makeUser } from './fixtures';

// The verified JWT's claims as next-auth hands them over (the session callback in lib/auth/options.ts copies them).
const jwt = vi.hoisted(() => ({ user: null as null | { id: string; authAt?: number } }));
vi.mock('next-auth', () => ({ getServerSession: async () => (jwt.user ? { user: jwt.user } : null) }));

describe('getSessionUser after a password reset', () => {
  it('signs out every session that signed in before the reset; a sign-in after it works', async () => {
    const user = await makeUser('sessions');
    const before = Date.now() - 1_000;
    jwt.user = { id: user.id, authAt: before };
    expect(await getSessionUser()).toMatchObject({ id: user.id, email: user.email });
    // a token from before the sign-in time claim existed still works while nothing was voided
    jwt.user = { id: user.id };
    expect(await getSessionUser()).toMatchObject({ id: user.id });

    const { token } = (await createResetTokenForEmail(user.email))!;
    await resetPassword(token, 'a brand new password');
    const [row] = await db.select({ from: users.sessionsValidFrom }).from(users).where(eq(users.id, user.id));
    expect(row.from).toBeInstanceOf(Date);

    jwt.user = { id: user.id, authAt: before };
    expect(await getSessionUser()).toBeNull();
    jwt.user = { id: user.id };
    expect(await getSessionUser()).toBeNull();
    jwt.user = { id: user.id, authAt: row.from!.getTime() + 1 };
    expect(await getSessionUser()).toMatchObject({ id: user.id });
  });

  it('another user\'s reset changes nothing for this one; no session is signed out', async () => {
    const a = await makeUser('sessions-a');
    const b = await makeUser('sessions-b');
    const { token } = (await createResetTokenForEmail(b.email))!;
    await resetPassword(token, 'a brand new password');
    jwt.user = { id: a.id, authAt: Date.now() - 60_000 };
    expect(await getSessionUser()).toMatchObject({ id: a.id });
    jwt.user = null;
    expect(await getSessionUser()).toBeNull();
  });
});
