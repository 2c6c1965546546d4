import { Card } from '@/components/ui/card';
import type { SurveyResults } from '@/lib/dal/survey-results';
import { Distribution } from './distribution';
import { ResultsFilters } from './results-filters';
import { ScoreSummary } from './score-summary';
import { TrendTable } from './trend-table';

/** Score, distribution and monthly trend under the URL's filters. */
export function ResultsSection({ results: r, base, accounts }: { results: SurveyResults; base: string; accounts: { id: string; name: string }[] }) {
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="text-lg font-semibold text-gray-900">Results</h2>
      <ResultsFilters base={base} filters={r.filters} accounts={accounts} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Score"><ScoreSummary kind={r.survey.kind} score={r.score} /></Card>
        <Card title="Distribution" className="lg:col-span-2"><Distribution kind={r.survey.kind} rows={r.distribution} /></Card>
      </div>
      <Card title={`By month (${r.timezone})`}><TrendTable kind={r.survey.kind} points={r.trend} /></Card>
    </section>
  );
}
