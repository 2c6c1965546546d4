// A health band as word + shape + colour (colour is never the only signal). Server-safe.
import type { HealthBandValue } from '@/db/schema/enums';

type Band = HealthBandValue | null;

export const BAND_LABELS: Record<HealthBandValue | 'none', string> = { red: 'Red', yellow: 'Yellow', green: 'Green', none: 'No score' };

/** What the band means, for tooltips and captions. */
export const BAND_MEANINGS: Record<HealthBandValue | 'none', string> = {
  red: 'at risk', yellow: 'needs attention', green: 'healthy', none: 'not enough data',
};

const TONE: Record<HealthBandValue | 'none', string> = {
  red: 'border-red-300 bg-red-50 text-red-800',
  yellow: 'border-amber-300 bg-amber-50 text-amber-900',
  green: 'border-green-300 bg-green-50 text-green-800',
  none: 'border-gray-300 bg-gray-50 text-gray-700',
};

/** A distinct shape per band: octagon with a cross (red), triangle with "!" (yellow), circle with a tick (green), dashed circle (none). */
export function BandIcon({ band, className = 'h-3.5 w-3.5' }: { band: Band; className?: string }) {
  const common = { className: `shrink-0 ${className}`, viewBox: '0 0 16 16', 'aria-hidden': true as const, fill: 'none', stroke: 'currentColor', strokeWidth: 1.6 };
  if (band === 'red') return <svg {...common}><path d="M5 1.5h6L14.5 5v6L11 14.5H5L1.5 11V5z" /><path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" /></svg>;
  if (band === 'yellow') return <svg {...common}><path d="M8 1.8l6.5 12H1.5z" /><path d="M8 6.3v3.6M8 11.6v.4" /></svg>;
  if (band === 'green') return <svg {...common}><circle cx="8" cy="8" r="6.4" /><path d="M5 8.2l2 2 4-4.2" /></svg>;
  return <svg {...common}><circle cx="8" cy="8" r="6.4" strokeDasharray="2.5 2" /></svg>;
}

/** "56 · Yellow" with its icon, or "Not enough data"; `size="lg"` for the account page. */
export function HealthBadge({ score, band, size = 'sm' }: { score: number | null; band: Band; size?: 'sm' | 'lg' }) {
  const key = score === null || band === null ? 'none' : band;
  const big = size === 'lg';
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border font-medium ${TONE[key]} ${big ? 'px-3 py-1.5 text-base' : 'px-1.5 py-0.5 text-xs'}`}>
      <BandIcon band={key === 'none' ? null : band} className={big ? 'h-5 w-5' : 'h-3.5 w-3.5'} />
      {key === 'none' ? 'Not enough data' : (
        <>
          <span className={`tabular-nums ${big ? 'text-2xl font-semibold' : ''}`}>{score}</span>{' '}
          <span>{BAND_LABELS[key]}{big ? ` (${BAND_MEANINGS[key]})` : ''}</span>
        </>
      )}
    </span>
  );
}
