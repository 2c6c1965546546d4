'use client';

import { BarChart } from '@tremor/react';

// Kept here, not exported: a 'use client' module's exports are references, not values, in server code.
const BAND_SERIES = [
  { category: 'Red', color: 'rose' },
  { category: 'Yellow', color: 'amber' },
  { category: 'Green', color: 'emerald' },
  { category: 'No score', color: 'gray' },
] as const;

/** Accounts per band; each row carries only its own band's count, so each bar takes its band's colour. */
export type BandCountRow = { band: string } & Partial<Record<'Red' | 'Yellow' | 'Green' | 'No score', number>>;

/** Accounts per health band as bars; decorative (aria-hidden): the caller renders the caption and the table. */
export function HealthBandsChart({ data }: { data: BandCountRow[] }) {
  return (
    <div aria-hidden="true">
      <BarChart
        className="h-48"
        data={data}
        index="band"
        categories={BAND_SERIES.map((b) => b.category)}
        colors={BAND_SERIES.map((b) => b.color)}
        stack
        showLegend={false}
        allowDecimals={false}
        valueFormatter={(v) => String(v)}
        yAxisWidth={40}
      />
    </div>
  );
}
