import type { Metadata } from 'next';
import { ForgotForm } from '@/components/auth/forgot-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPage() {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Reset your password</h1>
      <ForgotForm />
    </>
  );
}
