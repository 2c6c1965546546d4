// Each factor of a score as a bar of its points out of its share, with the sentence that says the same in words.

import type { FactorLine } from '@/lib/health/explain';

/** Present factors as bars with "License utilization 38 %: 5.7 of 15 points"; missing ones listed with why. */
export function FactorBars({ lines }: { lines: FactorLine[] }) {
  const present = lines.filter((l) => l.points !== null);
  const missing = lines.filter((l) => l.points === null);
  // the widest share fills the row, so small bars stay visible; dark = points earned, light = points left
  const scale = Math.max(1, ...present.map((l) => l.outOf));
  const pct = (x: number) => `${Math.max(0, Math.min(100, (x * 100) / scale))}%`;
  return (
    <>
      <ul aria-label="Factors" className="space-y-2">
        {present.map((l) => (
          <li key={l.key} className="text-sm">
            <p className="text-gray-900">{l.text}</p>
            {/* the bar shows points of the factor's share; the sentence above carries the numbers */}
            <div aria-hidden="true" className="mt-1 flex h-2 overflow-hidden rounded bg-gray-100">
              <div className="h-2 bg-blue-700" style={{ width: pct(l.points ?? 0) }} />
              <div className="h-2 bg-blue-200" style={{ width: pct(l.outOf - (l.points ?? 0)) }} />
            </div>
          </li>
        ))}
      </ul>
      {missing.length > 0 ? (
        <>
          <h4 className="mb-1 mt-4 text-sm font-semibold text-gray-900">Not counted ({missing.length})</h4>
          <ul aria-label="Missing factors" className="list-disc space-y-1 pl-5 text-sm text-gray-700">
            {missing.map((l) => <li key={l.key}><span className="font-medium text-gray-900">{l.label}</span>: {l.missingReason}</li>)}
          </ul>
          <p className="mt-1 text-xs text-gray-600">A missing factor’s weight is spread over the others in proportion to their weights.</p>
        </>
      ) : null}
    </>
  );
}
