'use client';

import { AreaChart } from '@tremor/react';
import type { TrendRow } from './series';

/** ARR over time as an area; decorative (aria-hidden): the caller renders the legend and the table. */
export function ArrTrendChart({ data, currency }: { data: TrendRow[]; currency: string }) {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div aria-hidden="true">
      <AreaChart
        className="h-64"
        data={data}
        index="month"
        categories={['ARR']}
        colors={['blue']}
        showLegend={false}
        valueFormatter={(v) => money.format(v)}
        yAxisWidth={64}
      />
    </div>
  );
}
