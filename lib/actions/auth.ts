'use server';

import { z } from 'zod';
import { getSessionUser } from '@/lib/auth/session';
import { acceptInvitation } from '@/lib/dal/invitations';
import { createResetTokenForEmail, resetPassword } from '@/lib/dal/password-resets';
import { signUp } from '@/lib/dal/users';
import { AppError } from '@/lib/errors';
import { sendMail, smtpConfigured } from '@/lib/mail';
import { hit } from '@/lib/rate-limit';
import { absoluteUrl, clientIp } from '@/lib/request';
import { forgotPasswordSchema, resetPasswordSchema, signupSchema } from '@/lib/validation/auth';
import { publicAction } from './safe-action';

async function limit(rule: 'signupIp' | 'passwordResetIp') {
  const verdict = await hit(rule, await clientIp());
  if (!verdict.ok) throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(verdict.retryAfterSec / 60)} minutes.`);
}

/** Creates a user and their org (or joins an invited org); the form then signs them in. */
export const signUpAction = publicAction(signupSchema, async (input) => {
  await limit('signupIp');
  return signUp(input);
});

/** Emails a reset link when SMTP is configured; answers the same whether or not the email exists. */
export const forgotPasswordAction = publicAction(forgotPasswordSchema, async ({ email }) => {
  if (!smtpConfigured()) return { emailed: false };
  await limit('passwordResetIp');
  const reset = await createResetTokenForEmail(email);
  if (reset) {
    const link = absoluteUrl(`/reset/${reset.token}`);
    await sendMail({ to: email, subject: 'Reset your Tenure password', text: `Hello ${reset.name},\n\nSet a new password here (valid for 1 hour, once):\n${link}\n\nIf you did not ask for this, ignore this email.` });
  }
  return { emailed: true };
});

/** Sets a new password with a single-use reset token. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, password }) => {
  await limit('passwordResetIp');
  await resetPassword(token, password);
  return { done: true };
});

/** The signed-in user accepts an invitation; refused unless they signed in with the invited email. */
export const acceptInvitationAction = publicAction(z.object({ token: z.string().min(10).max(200) }), async ({ token }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return { orgSlug: await acceptInvitation(user, token) };
});
