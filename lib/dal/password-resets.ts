import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { passwordResets, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { clearHits } from '@/lib/rate-limit';
import { RESET_TTL_MS } from './members';

/**
 * Self-service reset: creates a token for the email's user, or returns null when there is no such
 * user (the caller answers the same either way, so emails cannot be probed).
 */
export async function createResetTokenForEmail(email: string): Promise<{ token: string; name: string } | null> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1);
  if (!user) return null;
  const token = newToken();
  await db.insert(passwordResets).values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
  return { token, name: user.name };
}

/** Whether a reset token is usable now (unused and unexpired). */
export async function isResetTokenValid(token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
    .limit(1);
  return Boolean(row);
}

/**
 * Sets a new password with a reset token; the token is spent in the same transaction, and every session signed in
 * before now stops working (lib/auth/session.ts), so a reset also locks out whoever knew the old password.
 */
export async function resetPassword(token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const email = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!row) throw new AppError('NOT_FOUND', 'This reset link is invalid, expired or already used. Ask for a new one.');
    const [user] = await tx.update(users).set({ passwordHash, sessionsValidFrom: new Date() }).where(eq(users.id, row.userId)).returning({ email: users.email });
    // the new password makes every other outstanding link for this person useless
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt)));
    return user.email;
  });
  await clearHits('loginEmail', email.toLowerCase());
}
