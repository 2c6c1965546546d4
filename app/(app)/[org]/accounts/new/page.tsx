import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/accounts/account-form';
import { NotAllowed } from '@/components/accounts/not-allowed';
import { ownerOptions } from '@/components/accounts/owner-options';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { createAccountAction } from '@/lib/actions/accounts';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listMembers } from '@/lib/dal/members';

export const metadata: Metadata = { title: 'Add account' };

export default async function NewAccountPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  const base = `/${ctx.orgSlug}/accounts`;
  const back = <p className="mb-2 text-sm"><Link href={base} className="text-blue-700 underline">← Accounts</Link></p>;
  if (!hasRole(ctx.role, 'csm')) return <>{back}<PageHeader title="Add account" /><NotAllowed what="add accounts" backHref={base} /></>;
  const members = await listMembers(ctx);
  return (
    <>
      {back}
      <PageHeader title="Add account" description={`Many at once? Import them from a CSV file instead.`} />
      <Card className="max-w-3xl">
        <AccountForm
          action={createAccountAction.bind(null, ctx.orgSlug)}
          orgSlug={ctx.orgSlug}
          members={ownerOptions(members)}
          initial={{ ownerId: ctx.userId }}
          submitLabel="Add account"
          cancelHref={base}
        />
      </Card>
    </>
  );
}
