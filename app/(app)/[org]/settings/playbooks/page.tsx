import type { Metadata } from 'next';
import Link from 'next/link';
import { PlaybookForm } from '@/components/playbooks/playbook-form';
import { PlaybookList } from '@/components/playbooks/playbook-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { createPlaybookAction, togglePlaybookAction } from '@/lib/actions/playbooks';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listMembers } from '@/lib/dal/members';
import { listPlaybooks } from '@/lib/dal/playbooks';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Playbooks' };

export default async function PlaybooksPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  const isAdmin = hasRole(ctx.role, 'admin');
  const [rows, members] = await Promise.all([listPlaybooks(ctx), isAdmin ? listMembers(ctx) : []]);
  const slug = ctx.orgSlug;
  const assignable = members.filter((m) => hasRole(m.role, 'csm')).map((m) => ({ id: m.userId, name: m.name }));
  return (
    <>
      <PageHeader title="Playbooks" description="Conditions that open an alert, who gets it and how they hear about it."
        actions={<Link href={`/${slug}/settings`} className="text-sm text-blue-700 underline underline-offset-2">Back to settings</Link>} />
      <Card title={`Playbooks (${rows.length})`}>
        <PlaybookList orgSlug={slug} rows={rows} toggle={isAdmin ? togglePlaybookAction.bind(null, slug) : undefined} />
      </Card>
      {isAdmin ? (
        <Card title="New playbook" className="mt-6">
          <PlaybookForm action={createPlaybookAction.bind(null, slug)} members={assignable} allowPrivateHint={env.TENURE_ALLOW_PRIVATE_WEBHOOKS} />
        </Card>
      ) : (
        <p className="mt-4 text-sm text-gray-700">Only admins and owners can create or change playbooks.</p>
      )}
    </>
  );
}
