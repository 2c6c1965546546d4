import type { BandName } from '@/lib/health/preview-types';

const tone: Record<BandName, string> = {
  red: 'bg-red-100 text-red-900',
  yellow: 'bg-amber-100 text-amber-900',
  green: 'bg-emerald-100 text-emerald-900',
};
const label: Record<BandName, string> = { red: 'Red', yellow: 'Yellow', green: 'Green' };

/** A score with its band in words (colour is never the only signal). */
export function BandText({ score, band }: { score: number | null; band: BandName | null }) {
  if (score === null || band === null) return <span className="text-gray-700">— not enough data</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <span className="tabular-nums">{score}</span>
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[band]}`}>{label[band]}</span>
    </span>
  );
}
