import type { SurveyKind } from '@/db/schema/enums';
import type { SurveyKpi } from '@/lib/dal/kpis/surveys';
import { formatScore, MIN_RELIABLE_N } from './labels';

const pct = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function Extra({ kind, score }: { kind: SurveyKind; score: SurveyKpi }) {
  const d = score.detail ?? {};
  if (score.value === null) return null;
  if (kind === 'nps') return <p>{d.promoters} promoters, {d.passives} passives, {d.detractors} detractors</p>;
  if (kind === 'csat') return <p>{d.satisfied} of {score.n} satisfied (4 or 5); mean {d.mean?.toFixed(2)} / 5</p>;
  return <p>{pct.format(((d.agree ?? 0) * 100) / score.n)}% agree (5–7)</p>;
}

/** The survey's score with n and its 95 % interval; below 10 answers the interval gives way to "too few answers". */
export function ScoreSummary({ kind, score }: { kind: SurveyKind; score: SurveyKpi }) {
  const few = score.n < MIN_RELIABLE_N;
  return (
    <div>
      <p className="text-4xl font-semibold tabular-nums text-gray-900" data-testid="survey-score">{formatScore(kind, score.value)}</p>
      <div className="mt-1 space-y-1 text-sm text-gray-700">
        <p>n = {score.n.toLocaleString('en-US')} {score.n === 1 ? 'answer' : 'answers'}</p>
        {score.value === null ? <p>{score.reason}</p>
          : few ? <p><strong className="font-semibold text-amber-900">Too few answers</strong> for a reliable score: an interval needs at least {MIN_RELIABLE_N}.</p>
            : score.low !== null && score.high !== null ? <p>95 % interval {formatScore(kind, score.low)} to {formatScore(kind, score.high)}</p> : null}
        <Extra kind={kind} score={score} />
      </div>
      <details className="mt-2 text-xs text-gray-700">
        <summary className="cursor-pointer text-blue-800">How is this computed?</summary>
        <p className="mt-1">{score.definition}</p>
      </details>
    </div>
  );
}
