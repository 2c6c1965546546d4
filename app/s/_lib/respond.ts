import { SURVEY_CSP, surveyDocument, type SurveyView } from '@/components/survey-public/document';
import { failedView } from '@/components/survey-public/pages';

// Headers of every public survey response: no caching of answers, no referrer (the URL holds the token),
// no indexing, and a CSP that allows nothing but the inline stylesheet.
const BASE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': SURVEY_CSP,
};

/** A full HTML page with the given status. */
export function page(view: SurveyView, orgName: string | null, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(surveyDocument(view, orgName), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** A 303 See Other to a path on this site (relative, so it works behind any proxy). */
export function seeOther(path: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location: path, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headers } });
}

/** Logs an unexpected error and answers with a plain page: no stack, no driver message. */
export function failed(err: unknown, where: string): Response {
  console.error(`[survey] ${where} failed`, err);
  return page(failedView(), null, 500);
}
