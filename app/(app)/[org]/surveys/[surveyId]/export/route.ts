import { csvRoute, fileSlug } from '@/lib/csv/csv-route';
import { toCsv } from '@/lib/csv/to-csv';
import { listResponsesForExport } from '@/lib/dal/survey-results';

const HEADER = [
  'answered_at', 'kind', 'score', 'comment', 'anonymous', 'account', 'account_external_id', 'segment', 'stakeholder', 'stakeholder_email',
];

/** A survey's responses as CSV, under the results page's filters (segment, account), oldest first. */
export const GET = csvRoute<{ org: string; surveyId: string }>('survey', async (ctx, query, { surveyId }) => {
  const { survey, rows } = await listResponsesForExport(ctx, surveyId, query);
  const csv = toCsv(HEADER, rows.map((r) => [
    r.createdAt.toISOString(), r.kind, r.score, r.comment, r.anonymous ? 'yes' : 'no', r.accountName, r.accountExternalId,
    r.segment, r.stakeholderName, r.stakeholderEmail,
  ]));
  return { name: `${fileSlug(survey.name, 'survey')}-responses`, csv };
});
