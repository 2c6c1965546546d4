import { findOwnAnswer, findSurveyLink, linkState, recordSurveyAnswer, type SurveyLink } from '@/lib/dal/survey-answer';
import { surveyFormView } from '@/components/survey-public/survey-form';
import { closedView, expiredView, notOpenView, tooLargeView, tooLateView, unknownView } from '@/components/survey-public/pages';
import { browserCookie, newBrowserId, readBrowserId } from '../_lib/browser-id';
import { limitSubmission } from '../_lib/limits';
import { readForm } from '../_lib/read-form';
import { failed, page, seeOther } from '../_lib/respond';
import { queueAfterCommit } from '@/lib/notifications/after-commit';

// The hosted survey: GET shows the question, POST stores the answer. A plain form post, so it works without
// JavaScript; the org, survey and invitation come only from the token in the URL.
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ token: string }> };

/** The page for a link that takes no answers (status says why). */
function closedLinkPage(state: 'not_open' | 'closed' | 'expired' | 'too_late', link: SurveyLink, status: number): Response {
  const view = state === 'not_open' ? notOpenView(link.orgName) : state === 'closed' ? closedView(link.orgName)
    : state === 'expired' ? expiredView(link.orgName) : tooLateView();
  return page(view, link.orgName, status);
}

const formFor = (link: SurveyLink, token: string) => ({
  token, kind: link.kind, question: link.question, followUpQuestion: link.followUpQuestion, personal: !link.anonymous,
});

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const { token } = await params;
  try {
    const link = await findSurveyLink(token);
    if (!link) return page(unknownView(), null, 404);
    const state = linkState(link);
    if (state !== 'open') return closedLinkPage(state, link, 200);
    const own = await findOwnAnswer(link, readBrowserId(req));
    if (own && !own.changeable) return closedLinkPage('too_late', link, 200);
    const values = own ? { score: String(own.score), comment: own.comment ?? '' } : undefined;
    return page(surveyFormView({ ...formFor(link, token), values, changeableUntil: own?.changeableUntil }), link.orgName);
  } catch (err) {
    return failed(err, 'showing a survey');
  }
}

export async function POST(req: Request, { params }: Ctx): Promise<Response> {
  const { token } = await params;
  try {
    const limited = await limitSubmission(req, token);
    if (limited) return limited;
    const form = await readForm(req);
    if (form === 'too_large') return page(tooLargeView(), null, 413);
    const known = readBrowserId(req);
    const browserId = known ?? newBrowserId();
    const outcome = await queueAfterCommit(() => recordSurveyAnswer(token, { score: form.get('score'), comment: form.get('comment') }, browserId));
    switch (outcome.status) {
      case 'unknown':
        return page(unknownView(), null, 404);
      case 'stored': {
        const cookie = outcome.link.anonymous && !known ? { 'set-cookie': browserCookie(browserId, req) } : undefined;
        return seeOther(`/s/${token}/thanks`, cookie);
      }
      case 'invalid': {
        const score = form.get('score');
        const values = { score: typeof score === 'string' ? score : undefined, comment: outcome.comment };
        return page(surveyFormView({ ...formFor(outcome.link, token), errors: outcome.errors, values }), outcome.link.orgName, 400);
      }
      case 'too_late':
        return closedLinkPage('too_late', outcome.link, 409);
      case 'not_open':
        return closedLinkPage('not_open', outcome.link, 409);
      default:
        return closedLinkPage(outcome.status, outcome.link, 410);
    }
  } catch (err) {
    return failed(err, 'storing a survey answer');
  }
}
