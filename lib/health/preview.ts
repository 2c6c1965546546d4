import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { backtestFigures, backtestInputs, backtestPairs } from './backtest';
import { scoreInputs, type ActiveHealthConfig, type ScoredRow } from './health-factors';
import { gatherInputs } from './inputs';
import { currentPairs } from './inputs-sql';
import type { BandChange, BandCounts, HealthPreview } from './preview-types';
import { undatableNotes } from './undatable';

const TOP = 20;

function distribution(rows: readonly ScoredRow[]): BandCounts {
  const counts: BandCounts = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const r of rows) counts[r.band ?? 'none'] += 1;
  return counts;
}


/** The band changes sorted by the size of the score change (a score appearing or vanishing counts as 100). */
async function bandChanges(tx: Tx, orgId: string, current: ScoredRow[], draft: ScoredRow[]) {
  const byId = new Map(draft.map((r) => [r.accountId, r]));
  const changed = current
    .map((c) => ({ c, d: byId.get(c.accountId)! }))
    .filter(({ c, d }) => d && c.band !== d.band)
    .map(({ c, d }) => ({ c, d, size: c.score === null || d.score === null ? 100 : Math.abs(d.score - c.score) }))
    .sort((x, y) => y.size - x.size || x.c.accountId.localeCompare(y.c.accountId));
  const top = changed.slice(0, TOP);
  const names = top.length === 0 ? [] : await queryRows<{ id: string; name: string }>(tx, sql`
    select a.id, a.name from accounts a where a.org_id = ${orgId}::uuid
      and a.id in (select (jsonb_array_elements_text(${JSON.stringify(top.map((t) => t.c.accountId))}::jsonb))::uuid)`);
  const name = new Map(names.map((n) => [n.id, n.name]));
  const rows: BandChange[] = top.map(({ c, d }) => ({
    accountId: c.accountId, name: name.get(c.accountId) ?? '—',
    from: { score: c.score, band: c.band }, to: { score: d.score, band: d.band },
  }));
  return { count: changed.length, rows };
}

/**
 * The preview of a draft against the active config, on the server: band changes and distributions as of now
 * (one inputs statement for the org's accounts), and the 12-month backtest of both configs (one inputs
 * statement for every backtest pair).
 */
export async function computePreview(tx: Tx, orgId: string, active: ActiveHealthConfig, draft: ActiveHealthConfig): Promise<HealthPreview> {
  // accounts not archived, as of now (the same instant and day as recomputeHealth)
  const now = await gatherInputs(tx, orgId, currentPairs(orgId, 'all', { activeOnly: true }));
  const current = scoreInputs(now, active);
  const next = scoreInputs(now, draft);
  const changes = await bandChanges(tx, orgId, current, next);
  const pairs = await backtestPairs(tx, orgId);
  const history = await backtestInputs(tx, orgId, pairs);
  const earliest = pairs.reduce<string | null>((min, p) => (min === null || p.day < min ? p.day : min), null);
  const undatable = await undatableNotes(tx, orgId, earliest);
  const churnDays = new Set(pairs.filter((p) => p.churned).map((p) => `${p.accountId}|${p.day}`));
  const unscored = scoreInputs(history, active).filter((r) => r.score === null && churnDays.has(`${r.accountId}|${r.day}`)).length;
  if (unscored > 0) undatable.push(`${unscored} churned account${unscored === 1 ? '' : 's'} had not enough data for a score 90 days before churning, so ${unscored === 1 ? 'it' : 'they'} cannot be caught.`);
  return {
    accounts: now.length,
    changedBands: changes.count,
    topChanges: changes.rows,
    distribution: { current: distribution(current), draft: distribution(next) },
    backtest: { current: backtestFigures(pairs, history, active), draft: backtestFigures(pairs, history, draft) },
    undatable,
  };
}
