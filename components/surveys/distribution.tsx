import type { SurveyKind } from '@/db/schema/enums';
import { npsGroup } from './labels';

/** One bar per answer value; NPS bars say promoter/passive/detractor in words as well as colour. */
export function Distribution({ kind, rows }: { kind: SurveyKind; rows: { score: number; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Answers per score</caption>
      <thead className="sr-only"><tr><th scope="col">Score</th><th scope="col">Answers</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const g = kind === 'nps' ? npsGroup(r.score) : null;
          return (
            <tr key={r.score}>
              <th scope="row" className="w-28 whitespace-nowrap py-0.5 pr-2 text-left font-normal text-gray-800">
                <span className="inline-block w-5 text-right font-medium tabular-nums">{r.score}</span>
                {g ? <span className="ml-2 text-xs text-gray-600">{g.label}</span> : null}
              </th>
              <td className="py-0.5">
                <div className="flex items-center gap-2">
                  <div className="h-3 flex-1 rounded-sm bg-gray-100" aria-hidden="true">
                    <div className={`h-3 rounded-sm ${g ? g.bar : 'bg-blue-700'}`} style={{ width: `${(r.count * 100) / max}%` }} />
                  </div>
                  <span className="w-20 text-right tabular-nums text-gray-800">
                    {r.count}{total ? <span className="text-xs text-gray-600"> ({Math.round((r.count * 100) / total)}%)</span> : null}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
