// Our own legend (Tremor's renders ol > div > li, which axe flags): a list of swatch + label. Server-safe.

/** Tailwind background classes of the Tremor colours we use (safelisted in tailwind.config). */
export const SWATCH = {
  emerald: 'bg-emerald-500', blue: 'bg-blue-500', cyan: 'bg-cyan-500', amber: 'bg-amber-500', rose: 'bg-rose-500',
} as const;
export type ChartColor = keyof typeof SWATCH;

/** A legend of series names; `note` says e.g. which direction a series is drawn in. */
export function ChartLegend({ items }: { items: { label: string; color: ChartColor; note?: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${SWATCH[i.color]}`} />
          {i.label}{i.note ? <span className="text-gray-600"> ({i.note})</span> : null}
        </li>
      ))}
    </ul>
  );
}
