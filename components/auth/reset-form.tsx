'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { resetPasswordAction } from '@/lib/actions/auth';
import { useFormSubmit } from './use-form-submit';

/** Sets a new password with a reset token from the URL. */
export function ResetForm({ token }: { token: string }) {
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(resetPasswordAction);
  if (result?.ok) {
    return <Alert tone="success">Your password is changed. <Link href="/login" className="underline">Sign in</Link> with it now.</Alert>;
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." errors={fieldErrors.password} />
      <TextField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required errors={fieldErrors.confirm} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? 'Saving…' : 'Set new password'}</Button>
    </form>
  );
}
