import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireTenant } from '@/lib/auth/tenant';
import { getAccount } from '@/lib/dal/accounts';
import { listAccountEvents } from '@/lib/dal/events';
import { listStakeholders } from '@/lib/dal/stakeholders';
import { found } from '@/lib/found';
import { daysUntil, formatDate, labelOf } from '@/lib/format';
import { StakeholderList } from './_components/stakeholder-list';
import { Timeline } from './_components/timeline';

export const metadata: Metadata = { title: 'Account' };

type Props = { params: Promise<{ org: string; accountId: string }> };

export default async function AccountPage({ params }: Props) {
  const { org, accountId } = await params;
  const ctx = await requireTenant(org);
  const account = await found(getAccount(ctx, accountId));
  const [people, events] = await Promise.all([listStakeholders(ctx, accountId), listAccountEvents(ctx, accountId)]);
  const days = daysUntil(account.nextRenewalDate);
  const facts = [
    ['Owner', account.ownerName ?? 'Unassigned'],
    ['Stage', labelOf(account.stage)],
    ['Segment', labelOf(account.segment)],
    ['Renewal', account.nextRenewalDate ? `${formatDate(account.nextRenewalDate)}${days !== null ? ` (${days >= 0 ? `in ${days} days` : `${-days} days ago`})` : ''}` : '—'],
    ['Seats', account.licensedSeats?.toLocaleString('en-US') ?? '—'],
  ];
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/${ctx.orgSlug}/accounts`} className="text-blue-700 underline">← Accounts</Link></p>
      <PageHeader title={account.name} description={account.domain ?? undefined} />
      <dl className="mb-6 grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {facts.map(([k, v]) => (
          <div key={k} className="rounded-lg border border-gray-200 bg-white p-3">
            <dt className="text-xs text-gray-600">{k}</dt>
            <dd className="text-sm font-medium text-gray-900">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Stakeholders"><StakeholderList people={people} /></Card>
        <Card title="Timeline"><Timeline events={events} /></Card>
      </div>
    </>
  );
}
