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
