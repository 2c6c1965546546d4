import { hashSurveyToken } from '@/lib/surveys/token';
import { hit } from '@/lib/rate-limit';
import { ipFromHeaders } from '@/lib/request';
import { rateLimitedView } from '@/components/survey-public/pages';
import { page } from './respond';

/**
 * Counts one submission against the client IP's and the link's limits (lib/rate-limit.ts rules surveyIp,
 * surveyToken); returns the polite 429 page when either is spent, else null.
 */
export async function limitSubmission(req: Request, token: string): Promise<Response | null> {
  const checks = [['surveyIp', ipFromHeaders(req.headers)], ['surveyToken', hashSurveyToken(token)]] as const;
  for (const [rule, key] of checks) {
    const verdict = await hit(rule, key);
    if (!verdict.ok) return page(rateLimitedView(verdict.retryAfterSec), null, 429, { 'retry-after': String(verdict.retryAfterSec) });
  }
  return null;
}
