import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { lockAccountsInOrder } from '@/db/account-locks';
import { loadActiveConfig } from './config';
import { scoreInputs, type ScoredRow } from './health-factors';
import { gatherInputs } from './inputs';
import { currentPairs } from './inputs-sql';

// Rows per statement: one JSON parameter each (~700 bytes a row), so 10,000 accounts go in one statement.
const CHUNK_ROWS = 10_000;

const json = (rows: readonly ScoredRow[]) =>
  JSON.stringify(rows.map((r) => ({
    a: r.accountId, d: r.day, s: r.score, r: r.unrounded, b: r.band, f: r.perFactor, m: r.missing, v: r.configVersion,
  })));

const recordset = (payload: string) =>
  sql`json_to_recordset(${payload}::json) as r(a uuid, d date, s smallint, r real, b health_band, f json, m text[], v int)`;

/**
 * Upserts score rows into health_scores (one row per account and day: a same-day recompute replaces it); with
 * `current`, also the accounts' health_score / health_band / health_updated_at, in the same statement.
 */
export async function writeScores(tx: Tx, orgId: string, rows: readonly ScoredRow[], opts: { current: boolean }): Promise<void> {
  // the accounts' columns change below: take their row locks in id order first (db/account-locks.ts)
  if (opts.current) await lockAccountsInOrder(tx, orgId, [...new Set(rows.map((r) => r.accountId))]);
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const upsert = sql`insert into health_scores as h (org_id, account_id, day, score, raw_score, band, factors, missing, config_version, computed_at)
      select ${orgId}::uuid, r.a, r.d, r.s, r.r, r.b, r.f, r.m, r.v, now() from ${recordset(json(rows.slice(i, i + CHUNK_ROWS)))}
      on conflict (org_id, account_id, day) do update set score = excluded.score, raw_score = excluded.raw_score, band = excluded.band,
        factors = excluded.factors, missing = excluded.missing, config_version = excluded.config_version, computed_at = excluded.computed_at`;
    // the payload is parsed once: the accounts' columns come from the upsert's own rows
    await tx.execute(opts.current
      ? sql`with up as (${upsert} returning h.account_id, h.score, h.band)
          update accounts a set health_score = up.score, health_band = up.band, health_updated_at = now()
          from up where a.org_id = ${orgId}::uuid and a.id = up.account_id`
      : upsert);
  }
}

/**
 * Recomputes the current health of the org's given accounts (or all of them) as of now and writes today's
 * health_scores rows (the org's timezone) and the accounts' columns: one inputs statement, lib/kpi arithmetic,
 * one write statement. Runs inside the caller's transaction; ids not of the org are ignored. Returns the row count.
 */
export async function recomputeHealth(tx: Tx, orgId: string, accountIds: readonly string[] | 'all'): Promise<number> {
  if (accountIds !== 'all' && accountIds.length === 0) return 0;
  const config = await loadActiveConfig(tx, orgId);
  const inputs = await gatherInputs(tx, orgId, currentPairs(orgId, accountIds === 'all' ? 'all' : [...new Set(accountIds)]));
  const rows = scoreInputs(inputs, config);
  await writeScores(tx, orgId, rows, { current: true });
  return rows.length;
}
