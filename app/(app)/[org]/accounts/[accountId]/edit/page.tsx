import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/accounts/account-form';
import { NotAllowed } from '@/components/accounts/not-allowed';
import { ownerOptions } from '@/components/accounts/owner-options';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { updateAccountAction } from '@/lib/actions/accounts';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getAccount } from '@/lib/dal/accounts';
import { listMembers } from '@/lib/dal/members';
import { found } from '@/lib/found';

export const metadata: Metadata = { title: 'Edit account' };

type Props = { params: Promise<{ org: string; accountId: string }> };

export default async function EditAccountPage({ params }: Props) {
  const { org, accountId } = await params;
  const ctx = await requireTenant(org);
  const account = await found(getAccount(ctx, accountId));
  const href = `/${ctx.orgSlug}/accounts/${account.id}`;
  const back = <p className="mb-2 text-sm"><Link href={href} className="text-blue-700 underline">← {account.name}</Link></p>;
  if (!hasRole(ctx.role, 'csm')) return <>{back}<PageHeader title={`Edit ${account.name}`} /><NotAllowed what="edit accounts" backHref={`/${ctx.orgSlug}/accounts`} /></>;
  const members = await listMembers(ctx);
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  return (
    <>
      {back}
      <PageHeader title={`Edit ${account.name}`} description="Every change is recorded on the account's timeline." />
      <Card className="max-w-3xl">
        <AccountForm
          action={updateAccountAction.bind(null, ctx.orgSlug)}
          orgSlug={ctx.orgSlug}
          accountId={account.id}
          members={ownerOptions(members)}
          initial={{
            name: account.name, domain: text(account.domain), externalId: text(account.externalId), ownerId: text(account.ownerId),
            segment: text(account.segment), stage: account.stage, licensedSeats: text(account.licensedSeats),
            contractStart: text(account.contractStart), nextRenewalDate: text(account.nextRenewalDate),
          }}
          submitLabel="Save changes"
          cancelHref={href}
        />
      </Card>
    </>
  );
}
