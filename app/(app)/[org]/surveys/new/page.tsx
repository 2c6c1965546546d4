import type { Metadata } from 'next';
import Link from 'next/link';
import { SurveyForm } from '@/components/surveys/survey-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { createSurveyAction } from '@/lib/actions/surveys';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';

export const metadata: Metadata = { title: 'New survey' };

export default async function NewSurveyPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  const base = `/${ctx.orgSlug}/surveys`;
  const back = <p className="mb-2 text-sm"><Link href={base} className="text-blue-700 underline">← Surveys</Link></p>;
  if (!hasRole(ctx.role, 'csm')) {
    return (
      <>{back}<PageHeader title="New survey" />
        <Card><p className="text-sm text-gray-800">Only CSMs and admins can create surveys. Your role in this org is Viewer.</p></Card>
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeader title="New survey" description="Create it, then choose who gets a link on the send page." />
      <Card className="max-w-3xl">
        <SurveyForm action={createSurveyAction.bind(null, ctx.orgSlug)} orgSlug={ctx.orgSlug} orgName={ctx.orgName} />
      </Card>
    </>
  );
}
