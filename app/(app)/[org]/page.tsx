import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireTenant } from '@/lib/auth/tenant';
import { getOverview } from '@/lib/dal/overview';

export const metadata: Metadata = { title: 'Dashboard' };

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <p className="text-sm text-gray-600">{label}</p>
      <p className="mt-1 text-3xl font-semibold text-gray-900">{value.toLocaleString('en-US')}</p>
    </>
  );
  return <Card>{href ? <Link href={href} className="block">{body}</Link> : body}</Card>;
}

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  const o = await getOverview(ctx);
  return (
    <>
      <PageHeader title={ctx.orgName} description="Your portfolio at a glance." />
      {o.accounts === 0 ? (
        <Card>
          <p className="text-sm text-gray-700">No accounts yet. Accounts you add (or import, or push through the API) appear here.</p>
        </Card>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Active accounts" value={o.accounts} href={`/${ctx.orgSlug}/accounts`} />
          <Stat label="My accounts" value={o.myAccounts} />
          <Stat label="Renewals in the next 90 days" value={o.renewalsNext90} />
          <Stat label="Stakeholders" value={o.stakeholders} />
        </div>
      )}
      <p className="mt-6 text-sm text-gray-600">Revenue, retention and health dashboards arrive with the KPI engine; no number here is a placeholder.</p>
    </>
  );
}
