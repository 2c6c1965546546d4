'use client';

import { useState } from 'react';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

const messages: Record<string, string> = {
  CredentialsSignin: 'Email or password is incorrect.',
  RateLimited: 'Too many failed sign-in attempts. Wait 15 minutes, or reset your password.',
};

/** Email + password sign-in through next-auth's credentials provider. */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError ? messages[initialError] ?? 'Sign-in failed. Try again.' : undefined);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(e.currentTarget);
    const res = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false, callbackUrl });
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(messages[res?.error ?? ''] ?? 'Sign-in failed. Try again.');
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</Button>
      <div className="flex justify-between text-sm">
        <Link href="/forgot" className="text-blue-700 underline">Forgot password?</Link>
        <Link href="/signup" className="text-blue-700 underline">Create an account</Link>
      </div>
    </form>
  );
}
