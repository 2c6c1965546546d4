'use client';

import { LineChart } from '@tremor/react';

export type NpsRow = { month: string; NPS: number | null };

/** Monthly NPS (−100..100) as one line through the months with answers; decorative (aria-hidden): the caller renders the caption and the table. */
export function NpsTrendChart({ data }: { data: NpsRow[] }) {
  return (
    <div aria-hidden="true">
      <LineChart
        className="h-56"
        data={data}
        index="month"
        categories={['NPS']}
        colors={['cyan']}
        showLegend={false}
        // surveys go out quarterly: join the months that have answers (the table lists the empty ones)
        connectNulls
        minValue={-100}
        maxValue={100}
        valueFormatter={(v) => `${Math.round(v)}`}
        yAxisWidth={44}
      />
    </div>
  );
}
