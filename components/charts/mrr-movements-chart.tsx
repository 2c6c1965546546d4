'use client';

import { BarChart } from '@tremor/react';
import { MOVEMENT_SERIES, type MovementRow } from './series';

/** Stacked monthly bars of MRR movements; decorative (aria-hidden): the caller renders the legend and the table. */
export function MrrMovementsChart({ data, currency }: { data: MovementRow[]; currency: string }) {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div aria-hidden="true">
      <BarChart
        className="h-64"
        data={data}
        index="month"
        categories={MOVEMENT_SERIES.map((m) => m.category)}
        colors={MOVEMENT_SERIES.map((m) => m.color)}
        stack
        showLegend={false}
        valueFormatter={(v) => money.format(v)}
        yAxisWidth={64}
      />
    </div>
  );
}
