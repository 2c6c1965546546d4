import type { Metadata } from 'next';
import { z } from 'zod';
import { SignupForm } from '@/components/auth/signup-form';

export const metadata: Metadata = { title: 'Create an account' };

const paramsSchema = z.object({
  invite: z.string().max(200).optional().catch(undefined),
  email: z.string().max(320).optional().catch(undefined),
});

export default async function SignupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { invite, email } = paramsSchema.parse(await searchParams);
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{invite ? 'Create your account to join' : 'Start with Tenure'}</h1>
      <p className="mb-4 text-sm text-gray-600">{invite ? 'Use the email address the invitation was sent to.' : 'You will own a new workspace for your company.'}</p>
      <SignupForm invite={invite} email={email} />
    </>
  );
}
