import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { templateCsv } from '@/lib/import/columns';
import { ColumnHelp } from './_components/column-help';
import { ImportForm } from './_components/import-form';

export const metadata: Metadata = { title: 'Import accounts' };

type Props = { params: Promise<{ org: string }> };

export default async function ImportPage({ params }: Props) {
  const ctx = await requireTenant((await params).org);
  const back = <p className="mb-2 text-sm"><Link href={`/${ctx.orgSlug}/accounts`} className="text-blue-700 underline">← Accounts</Link></p>;
  const header = <PageHeader title="Import from CSV" description="Create or update accounts and their stakeholders from a spreadsheet." />;
  if (!hasRole(ctx.role, 'csm')) {
    return (
      <>
        {back}
        {header}
        <Card><p className="text-sm text-gray-700">Only CSMs and admins can import. Your role in {ctx.orgName} is viewer; ask an admin if you need to import.</p></Card>
      </>
    );
  }
  return (
    <>
      {back}
      {header}
      <ImportForm
        orgSlug={ctx.orgSlug}
        templates={{ accounts: templateCsv('accounts'), stakeholders: templateCsv('stakeholders') }}
        help={{ accounts: <ColumnHelp kind="accounts" />, stakeholders: <ColumnHelp kind="stakeholders" /> }}
      />
    </>
  );
}
