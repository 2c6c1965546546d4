'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { forgotPasswordAction } from '@/lib/actions/auth';
import { useFormSubmit } from './use-form-submit';

/** Asks for a reset email; the answer is the same whether or not the address has an account. */
export function ForgotForm() {
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(forgotPasswordAction);
  if (result?.ok) {
    return result.data.emailed ? (
      <Alert tone="success">If that address has an account, a reset link is on its way. It works once, for one hour.</Alert>
    ) : (
      <Alert tone="info">This server cannot send email (no SMTP configured). Ask an admin of your workspace to create a reset link for you under Settings → Members.</Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={fieldErrors.email} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? 'Sending…' : 'Send reset link'}</Button>
      <p className="text-sm"><Link href="/login" className="text-blue-700 underline">Back to sign in</Link></p>
    </form>
  );
}
