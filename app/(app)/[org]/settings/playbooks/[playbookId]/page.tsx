import type { Metadata } from 'next';
import Link from 'next/link';
import { PlaybookForm } from '@/components/playbooks/playbook-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { updatePlaybookAction } from '@/lib/actions/playbooks';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listMembers } from '@/lib/dal/members';
import { getPlaybook } from '@/lib/dal/playbooks';
import { env } from '@/lib/env';
import { found } from '@/lib/found';

export const metadata: Metadata = { title: 'Edit playbook' };

type Props = { params: Promise<{ org: string; playbookId: string }> };

export default async function EditPlaybookPage({ params }: Props) {
  const { org, playbookId } = await params;
  const ctx = await requireTenant(org, 'admin');
  const [playbook, members] = await Promise.all([found(getPlaybook(ctx, playbookId)), listMembers(ctx)]);
  const slug = ctx.orgSlug;
  const back = `/${slug}/settings/playbooks`;
  return (
    <>
      <PageHeader title={`Edit ${playbook.name}`} description="Changes apply from the next evaluation; open alerts follow the new condition."
        actions={<Link href={back} className="text-sm text-blue-700 underline underline-offset-2">Back to playbooks</Link>} />
      <Card>
        <PlaybookForm action={updatePlaybookAction.bind(null, slug)} doneHref={back} allowPrivateHint={env.TENURE_ALLOW_PRIVATE_WEBHOOKS}
          members={members.filter((m) => hasRole(m.role, 'csm')).map((m) => ({ id: m.userId, name: m.name }))}
          initial={{ ...playbook, webhookUrl: playbook.webhookUrl }} />
      </Card>
    </>
  );
}
