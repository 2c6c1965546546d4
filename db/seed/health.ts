import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { loadActiveConfig } from '@/lib/health/config';
import { scoreInputs } from '@/lib/health/health-factors';
import { gatherInputs } from '@/lib/health/inputs';
import { endOfDaysForAll } from '@/lib/health/inputs-sql';
import { recomputeHealth, writeScores } from '@/lib/health/recompute';

// Above this many accounts (the benchmark data set) only today's scores are written: a year of history for
// 10,000 accounts would be 800,000 rows nobody looks at in a benchmark.
const HISTORY_MAX_ACCOUNTS = 1_000;

const DAY_MS = 86_400_000;

/**
 * The backfilled days before `now` (UTC dates, as the demo orgs use UTC): every day of the last 30 days, then
 * weekly back to 52 weeks. Enough for a 12-month trend and "since yesterday / last week".
 */
export function historyDays(now: Date): string[] {
  const day = (k: number) => new Date(now.getTime() - k * DAY_MS).toISOString().slice(0, 10);
  const daily = Array.from({ length: 30 }, (_, i) => day(i + 1));
  const weekly = Array.from({ length: 52 }, (_, i) => day((i + 1) * 7)).filter((d) => d < day(30));
  return [...daily, ...weekly];
}

/**
 * Health for the seeded orgs: as-of scores for the history days (one inputs statement per org, from the same
 * dated rows the backtest uses), then today's current scores and the accounts' columns.
 */
export async function seedHealth(tx: Tx, orgIds: readonly string[], now: Date): Promise<number> {
  let rows = 0;
  for (const orgId of orgIds) {
    const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from accounts where org_id = ${orgId}::uuid`);
    if (Number(n) <= HISTORY_MAX_ACCOUNTS) {
      const config = await loadActiveConfig(tx, orgId);
      const scored = scoreInputs(await gatherInputs(tx, orgId, endOfDaysForAll(orgId, historyDays(now))), config);
      await writeScores(tx, orgId, scored, { current: false });
      rows += scored.length;
    }
    rows += await recomputeHealth(tx, orgId, 'all');
  }
  return rows;
}
