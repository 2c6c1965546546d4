import type { Metadata } from 'next';
import Link from 'next/link';
import { HealthConfigForm } from '@/components/health-settings/health-config-form';
import { VersionHistory } from '@/components/health-settings/version-history';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { previewHealthConfigAction, restoreHealthConfigAction, saveHealthConfigAction } from '@/lib/actions/health';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getActiveHealthConfig, listHealthConfigVersions } from '@/lib/dal/health-config';
import { getOrgSettings } from '@/lib/dal/orgs';
import { healthHistoryParamsSchema } from '@/lib/validation/health';

export const metadata: Metadata = { title: 'Health score settings' };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function HealthSettingsPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const { page, saved } = healthHistoryParamsSchema.parse(await searchParams);
  const [active, history, settings] = await Promise.all([getActiveHealthConfig(ctx), listHealthConfigVersions(ctx, page), getOrgSettings(ctx)]);
  const isAdmin = hasRole(ctx.role, 'admin');
  const source = active.version === 0 ? 'the default weights and bands (never changed).' : `Version ${active.version}.`;
  return (
    <>
      <PageHeader
        title="Health score"
        description={`How each account's health (0–100) is computed from its factors. Active: ${source}`}
        actions={<Link href={`/${ctx.orgSlug}/settings`} className="text-sm font-medium text-blue-700 underline">Back to settings</Link>}
      />
      <Card title="Weights and bands">
        {saved !== undefined && saved === active.version ? (
          <div className="mb-4"><Alert tone="success">Version {saved} is active: every account&apos;s score was recomputed with it.</Alert></div>
        ) : null}
        {/* remounts with the active version's values after a save or restore */}
        <HealthConfigForm key={active.version}
          weights={active.weights} bands={active.bands} canEdit={isAdmin} orgSlug={ctx.orgSlug}
          previewAction={previewHealthConfigAction.bind(null, ctx.orgSlug)}
          saveAction={saveHealthConfigAction.bind(null, ctx.orgSlug)}
        />
      </Card>
      <Card title="Version history" className="mt-6">
        {history.total === 0 ? (
          <p className="text-sm text-gray-700">No version has been saved yet: every score uses the defaults. Each save is kept here with who made it, when and why.</p>
        ) : (
          <>
            <VersionHistory rows={history.rows} activeVersion={active.version} timezone={settings.timezone} orgSlug={ctx.orgSlug}
              restore={isAdmin ? restoreHealthConfigAction.bind(null, ctx.orgSlug) : null} />
            <Pagination page={page} pageSize={history.pageSize} total={history.total} params={{}} />
          </>
        )}
      </Card>
    </>
  );
}
