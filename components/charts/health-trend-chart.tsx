'use client';

import { LineChart } from '@tremor/react';

/** One point per stored day: the score 0–100, null on a day without enough data. */
export type HealthTrendRow = { day: string; Score: number | null };

/** The health score over time on a fixed 0–100 axis; decorative (aria-hidden): the caller renders the caption and table. */
export function HealthTrendChart({ data }: { data: HealthTrendRow[] }) {
  return (
    <div aria-hidden="true">
      <LineChart
        className="h-48"
        data={data}
        index="day"
        categories={['Score']}
        colors={['blue']}
        showLegend={false}
        minValue={0}
        maxValue={100}
        connectNulls={false}
        startEndOnly={data.length > 60}
        valueFormatter={(v) => String(Math.round(v))}
        yAxisWidth={32}
      />
    </div>
  );
}
