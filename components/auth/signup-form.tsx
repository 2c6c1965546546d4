'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { signUpAction } from '@/lib/actions/auth';
import { useFormSubmit } from './use-form-submit';

/** Sign-up: a new user with a new org, or (with an invitation) a new member of the inviting org. */
export function SignupForm({ invite, email }: { invite?: string; email?: string }) {
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(signUpAction, async (data, form) => {
    await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    window.location.assign(`/${data.orgSlug}`);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result?.ok ? <Alert tone="success">Account created. Signing you in…</Alert> : null}
      <TextField label="Your name" name="name" autoComplete="name" required errors={fieldErrors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={email} readOnly={Boolean(invite && email)} errors={fieldErrors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." errors={fieldErrors.password} />
      {invite ? (
        <input type="hidden" name="invite" value={invite} />
      ) : (
        <TextField label="Company name" name="orgName" autoComplete="organization" required hint="Your workspace address is made from it, e.g. /acme-analytics." errors={fieldErrors.orgName} />
      )}
      <Button type="submit" className="w-full" disabled={pending || result?.ok}>{pending ? 'Creating…' : 'Create account'}</Button>
      <p className="text-sm">Already have an account? <Link href="/login" className="text-blue-700 underline">Sign in</Link></p>
    </form>
  );
}
