// The preview's DTO: plain data the settings page renders (no server imports, so client components may use it).

export type BandName = 'red' | 'yellow' | 'green';
/** Accounts per band; `none` = not enough data for a score. */
export type BandCounts = Record<BandName | 'none', number>;

export type BandChange = {
  accountId: string;
  name: string;
  from: { score: number | null; band: BandName | null };
  to: { score: number | null; band: BandName | null };
};

export type BacktestFigures = {
  /** churned accounts (last 12 months) red 90 days before their churn date */
  caught: number;
  churned: number;
  /** red (non-churned account, month-end) pairs ÷ pairs; null without pairs */
  falseAlarms: number;
  pairs: number;
  /** falseAlarms ÷ pairs × 100 */
  falseAlarmRate: number | null;
};

export type HealthPreview = {
  accounts: number;
  changedBands: number;
  /** the 20 biggest score changes among the accounts whose band changes */
  topChanges: BandChange[];
  distribution: { current: BandCounts; draft: BandCounts };
  backtest: { current: BacktestFigures; draft: BacktestFigures };
  /** what the backtest could not date, in sentences */
  undatable: string[];
};
