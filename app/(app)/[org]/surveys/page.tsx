import type { Metadata } from 'next';
import { NotBuilt } from '@/components/ui/not-built';
import { PageHeader } from '@/components/ui/page-header';
import { requireTenant } from '@/lib/auth/tenant';

export const metadata: Metadata = { title: 'Surveys' };

export default async function SurveysPage({ params }: { params: Promise<{ org: string }> }) {
  await requireTenant((await params).org);
  return (
    <>
      <PageHeader title="Surveys" description="NPS, CSAT and CES surveys answered by your customers." />
      <NotBuilt feature="Hosted surveys" comesWith="the surveys feature" />
    </>
  );
}
