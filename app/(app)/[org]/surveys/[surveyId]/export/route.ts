import { resolveTenant } from '@/lib/auth/tenant';
import { toCsv } from '@/lib/csv/to-csv';
import { listResponsesForExport } from '@/lib/dal/survey-results';
import { AppError, errorStatus } from '@/lib/errors';

const HEADER = [
  'answered_at', 'kind', 'score', 'comment', 'anonymous', 'account', 'account_external_id', 'segment', 'stakeholder', 'stakeholder_email',
];

const plain = (message: string, status: number) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A survey's responses as CSV, under the results page's filters (segment, account), oldest first. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string; surveyId: string }> }) {
  const { org, surveyId } = await params;
  try {
    // a route handler is a public endpoint: it checks the session and membership itself
    const ctx = await resolveTenant(org);
    const { survey, rows } = await listResponsesForExport(ctx, surveyId, Object.fromEntries(new URL(request.url).searchParams));
    const csv = toCsv(HEADER, rows.map((r) => [
      r.createdAt.toISOString(), r.kind, r.score, r.comment, r.anonymous ? 'yes' : 'no', r.accountName, r.accountExternalId,
      r.segment, r.stakeholderName, r.stakeholderEmail,
    ]));
    const name = survey.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'survey';
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}-responses.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (err) {
    if (err instanceof AppError) return plain(err.message, errorStatus[err.code]);
    console.error('[tenure] survey export failed', err);
    return plain('Something went wrong. Please try again.', 500);
  }
}
