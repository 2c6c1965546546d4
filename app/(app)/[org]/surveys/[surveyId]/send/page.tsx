import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { SendButton } from '@/components/surveys/send-button';
import { SendPreview } from '@/components/surveys/send-preview';
import { SendTargetForm } from '@/components/surveys/send-target-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { sendSurveyAction } from '@/lib/actions/surveys';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getKpiClock } from '@/lib/dal/kpis/clock';
import { listAccountOptions, previewSend } from '@/lib/dal/survey-send';
import { getSurvey } from '@/lib/dal/surveys';
import { found } from '@/lib/found';
import { parseSendParams, sendTargetParams } from '@/lib/validation/surveys';

export const metadata: Metadata = { title: 'Send survey' };

// the account search of step 1 (junk is ignored)
const findParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  find: z.string().optional().catch(undefined),
});

type Props = { params: Promise<{ org: string; surveyId: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function SendSurveyPage({ params, searchParams }: Props) {
  const { org, surveyId } = await params;
  const raw = await searchParams;
  const ctx = await requireTenant(org);
  const survey = await found(getSurvey(ctx, surveyId));
  const here = `/${ctx.orgSlug}/surveys/${surveyId}`;
  const back = <p className="mb-2 text-sm"><Link href={here} className="text-blue-700 underline">← {survey.name}</Link></p>;
  const header = <PageHeader title={`Send “${survey.name}”`} description={survey.question} />;
  if (!hasRole(ctx.role, 'csm')) {
    return <>{back}{header}<Card><p className="text-sm text-gray-800">Only CSMs and admins can send surveys. Your role in this org is Viewer.</p></Card></>;
  }
  // "Find" narrows the account list and previews nothing; otherwise the chosen target is previewed
  const find = findParamsSchema.parse(raw);
  const target = find.find ? null : parseSendParams(raw);
  const [accounts, clock, preview] = await Promise.all([
    listAccountOptions(ctx, { q: find.q, keep: typeof raw.accountId === 'string' ? raw.accountId : undefined }),
    getKpiClock(ctx), target ? found(previewSend(ctx, surveyId, target)) : null,
  ]);
  return (
    <>
      {back}
      {header}
      {survey.status !== 'open' ? (
        <div className="mb-4"><Alert tone="info">This survey is {survey.status}. Open it on the survey page before sending; you can still preview who would get a link.</Alert></div>
      ) : null}
      <Card className="mb-6"><SendTargetForm base={`${here}/send`} target={target} accounts={accounts} q={find.q} /></Card>
      {raw.target && !target && !find.find ? <Alert tone="error">Choose an account (or another group) to preview.</Alert> : null}
      {preview && target ? (
        <Card title="Preview">
          <SendPreview preview={preview} timezone={clock.timezone} />
          {survey.status === 'open' ? (
            <div className="mt-5"><SendButton action={sendSurveyAction.bind(null, ctx.orgSlug)} fields={{ surveyId, ...sendTargetParams(target) }} count={preview.sendCount} surveyHref={here} /></div>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
