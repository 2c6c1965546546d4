import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateKeyForm } from '@/components/api-keys/create-key-form';
import { KeyList } from '@/components/api-keys/key-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/actions/api-keys';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listApiKeys } from '@/lib/dal/api-keys';
import { getOrgSettings } from '@/lib/dal/orgs';
import { absoluteUrl } from '@/lib/request';

export const metadata: Metadata = { title: 'API keys' };

const link = 'text-sm font-medium text-blue-700 underline';

export default async function ApiKeysPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  const back = <Link href={`/${ctx.orgSlug}/settings`} className={link}>Back to settings</Link>;
  if (!hasRole(ctx.role, 'admin')) {
    return (
      <>
        <PageHeader title="API keys" actions={back} />
        <Card title="Only admins can manage API keys">
          <p className="text-sm text-gray-700">A key can write accounts, usage and revenue of {ctx.orgName}, so admins and owners create and revoke them. Ask one of them for a key.</p>
        </Card>
      </>
    );
  }
  const [keys, settings] = await Promise.all([listApiKeys(ctx), getOrgSettings(ctx)]);
  return (
    <>
      <PageHeader title="API keys" description={`Keys let your CRM, product and billing systems push data into ${ctx.orgName}. Each key works only for this org.`} actions={back} />
      <Card title="Create a key" className="mb-6">
        <CreateKeyForm action={createApiKeyAction.bind(null, ctx.orgSlug)} />
      </Card>
      <Card title={`Keys (${keys.length})`} className="mb-6">
        {keys.length === 0
          ? <p className="text-sm text-gray-700">No API keys yet. Create one above; it is shown once, then only its first characters.</p>
          : <KeyList keys={keys} timezone={settings.timezone} revoke={revokeApiKeyAction.bind(null, ctx.orgSlug)} />}
      </Card>
      <Card title="Using the API">
        <p className="mb-2 text-sm text-gray-700">Send the key as a bearer token. Every write is recorded in the audit log as the key.</p>
        <pre tabIndex={0} aria-label="Example request" className="mb-3 overflow-x-auto rounded bg-gray-900 p-3 text-xs text-gray-50"><code>{`curl -H "Authorization: Bearer tnr_…" ${absoluteUrl('/api/v1/accounts')}`}</code></pre>
        <Link href="/docs/api" className={link}>Read the API reference</Link>
      </Card>
    </>
  );
}
