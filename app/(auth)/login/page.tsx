import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/lib/auth/session';
import { loginParamsSchema } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const params = loginParamsSchema.parse(await searchParams);
  if (await getSessionUser()) redirect(params.callbackUrl);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in to Tenure</h1>
      <LoginForm callbackUrl={params.callbackUrl} initialError={params.error} />
    </>
  );
}
