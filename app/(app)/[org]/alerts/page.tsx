import type { Metadata } from 'next';
import { NotBuilt } from '@/components/ui/not-built';
import { PageHeader } from '@/components/ui/page-header';
import { requireTenant } from '@/lib/auth/tenant';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage({ params }: { params: Promise<{ org: string }> }) {
  await requireTenant((await params).org);
  return (
    <>
      <PageHeader title="Alerts" description="Accounts whose health needs attention." />
      <NotBuilt feature="The alerts inbox" comesWith="health scores and playbooks" />
    </>
  );
}
