import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireTenant } from '@/lib/auth/tenant';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  return (
    <>
      <PageHeader title="Settings" description={`Configuration of ${ctx.orgName}.`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title="Members">
          <p className="mb-2 text-sm text-gray-700">Who can sign in to this org, and their roles. Admins invite and manage members.</p>
          <Link href={`/${ctx.orgSlug}/settings/members`} className="text-sm font-medium text-blue-700 underline">Manage members</Link>
        </Card>
        <Card title="Organization">
          <p className="text-sm text-gray-700">Name, address, currency, timezone and survey and alert defaults arrive with the accounts feature.</p>
        </Card>
      </div>
    </>
  );
}
