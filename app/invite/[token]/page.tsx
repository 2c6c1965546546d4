import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvite } from '@/components/auth/accept-invite';
import { Alert } from '@/components/ui/alert';
import { getSessionUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/roles';
import { findOpenInvitation } from '@/lib/dal/users';
import { AuthCard as AuthLayout } from '@/components/auth/auth-card';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findOpenInvitation(token) : null;
  const user = await getSessionUser();
  if (!invitation) {
    return <AuthLayout><Alert tone="error">This invitation link is invalid, expired or already used. Ask the person who invited you for a new one.</Alert></AuthLayout>;
  }
  const here = `/invite/${token}`;
  const sameEmail = user?.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <AuthLayout>
      <h1 className="mb-2 text-xl font-semibold">Join {invitation.orgName}</h1>
      <p className="mb-4 text-sm text-gray-700">You are invited as <strong>{roleLabels[invitation.role]}</strong>. The invitation is for <strong>{invitation.email}</strong>.</p>
      {user && sameEmail ? <AcceptInvite token={token} orgName={invitation.orgName} /> : null}
      {user && !sameEmail ? (
        <Alert tone="error">You are signed in as {user.email}. Sign out, then sign in or sign up with {invitation.email} to accept.</Alert>
      ) : null}
      {!user ? (
        <div className="space-y-2 text-sm">
          <Link href={`/signup?${new URLSearchParams({ invite: token, email: invitation.email })}`} className="block rounded-md bg-blue-700 px-3 py-2 text-center font-medium text-white">Create an account</Link>
          <Link href={`/login?${new URLSearchParams({ callbackUrl: here })}`} className="block rounded-md border border-gray-300 px-3 py-2 text-center">I already have an account: sign in</Link>
        </div>
      ) : null}
    </AuthLayout>
  );
}
