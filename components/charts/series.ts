// Plain series shapes and colours shared by the chart wrappers ('use client') and the server code that fills them.
import type { ChartColor } from './chart-legend';

/** One month of MRR movements in major units: gains positive, losses (contraction, churn) negative. */
export type MovementRow = { month: string; New: number; Expansion: number; Reactivation: number; Contraction: number; Churn: number };
export type MovementCategory = Exclude<keyof MovementRow, 'month'>;

export const MOVEMENT_SERIES: { category: MovementCategory; color: ChartColor; note: string }[] = [
  { category: 'New', color: 'emerald', note: 'up' },
  { category: 'Expansion', color: 'blue', note: 'up' },
  { category: 'Reactivation', color: 'cyan', note: 'up' },
  { category: 'Contraction', color: 'amber', note: 'down' },
  { category: 'Churn', color: 'rose', note: 'down' },
];

/** ARR at the end of each month in major units; null where no revenue was recorded yet. */
export type TrendRow = { month: string; ARR: number | null };

/** NRR and GRR of each month (month-long windows, so ~100 %); null where the month had no start cohort. */
export type RetentionRow = { month: string; NRR: number | null; GRR: number | null };

export const RETENTION_SERIES: { category: Exclude<keyof RetentionRow, 'month'>; color: ChartColor; note: string }[] = [
  { category: 'NRR', color: 'blue', note: 'with expansion' },
  { category: 'GRR', color: 'amber', note: 'losses only, at most 100 %' },
];

/** One month of an account's usage: distinct active users, licensed seats at the month's end (null: no seat count), sessions. */
export type AccountUsageRow = { month: string; 'Active users': number | null; 'Licensed seats': number | null; Sessions: number | null };

export const ACCOUNT_USAGE_SERIES: { category: 'Active users' | 'Licensed seats'; color: ChartColor; note: string }[] = [
  { category: 'Active users', color: 'blue', note: 'distinct users in the month' },
  { category: 'Licensed seats', color: 'amber', note: 'at the month’s end' },
];
