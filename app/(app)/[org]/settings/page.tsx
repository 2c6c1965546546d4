import type { Metadata } from 'next';
import { z } from 'zod';
import { DeleteOrg } from '@/components/settings/delete-org';
import { OrgSettingsForm } from '@/components/settings/org-settings-form';
import { OrgSettingsView } from '@/components/settings/org-settings-view';
import { currencyOptions, timezoneOptions } from '@/components/settings/options';
import { SettingsLinks } from '@/components/settings/settings-links';
import { SmtpStatus } from '@/components/settings/smtp-status';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { deleteOrgAction, updateOrgSettingsAction } from '@/lib/actions/orgs';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getOrgSettings } from '@/lib/dal/orgs';
import { smtpConfigured } from '@/lib/mail';

export const metadata: Metadata = { title: 'Settings' };

// Set by the form after a slug change: the page at the new address says what happened.
const paramsSchema = z.object({ saved: z.literal('slug').optional().catch(undefined) });

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function SettingsPage({ params, searchParams }: Props) {
  const ctx = await requireTenant((await params).org);
  const { saved } = paramsSchema.parse(await searchParams);
  const settings = await getOrgSettings(ctx);
  const isAdmin = hasRole(ctx.role, 'admin');
  return (
    <>
      <PageHeader title="Settings" description={`Configuration of ${ctx.orgName}.`} />
      <SettingsLinks orgSlug={ctx.orgSlug} isAdmin={isAdmin} />
      <Card title="Organization" className="mt-6">
        {saved ? <div className="mb-4"><Alert tone="success">Settings saved. This org&apos;s address is now /{settings.slug}.</Alert></div> : null}
        {isAdmin ? (
          <OrgSettingsForm
            settings={settings}
            action={updateOrgSettingsAction.bind(null, ctx.orgSlug)}
            currencies={currencyOptions()}
            timezones={timezoneOptions()}
          />
        ) : (
          <OrgSettingsView settings={settings} />
        )}
      </Card>
      <SmtpStatus configured={smtpConfigured()} />
      {ctx.role === 'owner' ? <DeleteOrg orgName={ctx.orgName} slug={ctx.orgSlug} action={deleteOrgAction.bind(null, ctx.orgSlug)} /> : null}
    </>
  );
}
