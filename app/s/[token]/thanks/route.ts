import { findSurveyLink } from '@/lib/dal/survey-answer';
import { thanksView, unknownView } from '@/components/survey-public/pages';
import { failed, page } from '../../_lib/respond';

// Where a stored answer lands (303 from the form post). Reads nothing but the link, changes nothing.
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  try {
    const link = await findSurveyLink(token);
    if (!link) return page(unknownView(), null, 404);
    return page(thanksView(token, link.orgName), link.orgName);
  } catch (err) {
    return failed(err, 'showing the thank-you page');
  }
}
