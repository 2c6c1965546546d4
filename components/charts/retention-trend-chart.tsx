'use client';

import { LineChart } from '@tremor/react';
import { RETENTION_SERIES, type RetentionRow } from './series';

/** Monthly NRR and GRR as two lines in percent; decorative (aria-hidden): the caller renders the legend and the table. */
export function RetentionTrendChart({ data }: { data: RetentionRow[] }) {
  const pct = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
  return (
    <div aria-hidden="true">
      <LineChart
        className="h-64"
        data={data}
        index="month"
        categories={RETENTION_SERIES.map((s) => s.category)}
        colors={RETENTION_SERIES.map((s) => s.color)}
        showLegend={false}
        autoMinValue
        connectNulls={false}
        valueFormatter={(v) => `${pct.format(v)}%`}
        yAxisWidth={56}
      />
    </div>
  );
}
