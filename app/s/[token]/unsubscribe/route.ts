import { findSurveyLink, isUnsubscribed, unsubscribeByToken } from '@/lib/dal/survey-answer';
import { noPersonView, rateLimitedView, unknownView, unsubscribeView, unsubscribedView } from '@/components/survey-public/pages';
import { hit } from '@/lib/rate-limit';
import { ipFromHeaders } from '@/lib/request';
import { failed, page, seeOther } from '../../_lib/respond';

// The unsubscribe link of a survey email. Mail scanners prefetch links, so GET only shows a confirm button;
// the POST (a plain form, no JavaScript needed) sets the stakeholder's do_not_survey.
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ token: string }> };

export async function GET(_req: Request, { params }: Ctx): Promise<Response> {
  const { token } = await params;
  try {
    const link = await findSurveyLink(token);
    if (!link) return page(unknownView(), null, 404);
    if (!link.stakeholderId) return page(noPersonView(), link.orgName);
    if (await isUnsubscribed(link)) return page(unsubscribedView(link.orgName), link.orgName);
    return page(unsubscribeView(token, link.orgName), link.orgName);
  } catch (err) {
    return failed(err, 'showing the unsubscribe page');
  }
}

export async function POST(req: Request, { params }: Ctx): Promise<Response> {
  const { token } = await params;
  try {
    const verdict = await hit('surveyIp', ipFromHeaders(req.headers));
    if (!verdict.ok) return page(rateLimitedView(verdict.retryAfterSec), null, 429, { 'retry-after': String(verdict.retryAfterSec) });
    const outcome = await unsubscribeByToken(token);
    if (outcome.status === 'unknown') return page(unknownView(), null, 404);
    if (outcome.status === 'no_person') return page(noPersonView(), outcome.link.orgName);
    return seeOther(`/s/${token}/unsubscribe`);
  } catch (err) {
    return failed(err, 'unsubscribing');
  }
}
