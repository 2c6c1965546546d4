import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetForm } from '@/components/auth/reset-form';
import { Alert } from '@/components/ui/alert';
import { isResetTokenValid } from '@/lib/dal/password-resets';

export const metadata: Metadata = { title: 'Set a new password' };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = token.length <= 200 && (await isResetTokenValid(token));
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Set a new password</h1>
      {valid ? (
        <ResetForm token={token} />
      ) : (
        <Alert tone="error">This reset link is invalid, expired or already used. <Link href="/forgot" className="underline">Ask for a new one</Link> or ask an admin.</Alert>
      )}
    </>
  );
}
