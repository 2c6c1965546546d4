'use client';

import { BarChart, LineChart } from '@tremor/react';
import { ACCOUNT_USAGE_SERIES, type AccountUsageRow } from './series';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Active users against licensed seats by month (lines); decorative (aria-hidden): the caller renders legend and table. */
export function AccountUsersChart({ data }: { data: AccountUsageRow[] }) {
  return (
    <div aria-hidden="true">
      <LineChart
        className="h-56"
        data={data}
        index="month"
        categories={ACCOUNT_USAGE_SERIES.map((s) => s.category)}
        colors={ACCOUNT_USAGE_SERIES.map((s) => s.color)}
        showLegend={false}
        connectNulls={false}
        allowDecimals={false}
        valueFormatter={(v) => count.format(v)}
        yAxisWidth={48}
      />
    </div>
  );
}

/** Sessions by month (bars); decorative (aria-hidden): the caller renders the legend and the table. */
export function AccountSessionsChart({ data }: { data: AccountUsageRow[] }) {
  return (
    <div aria-hidden="true">
      <BarChart
        className="h-40"
        data={data}
        index="month"
        categories={['Sessions']}
        colors={['cyan']}
        showLegend={false}
        allowDecimals={false}
        valueFormatter={(v) => count.format(v)}
        yAxisWidth={48}
      />
    </div>
  );
}
