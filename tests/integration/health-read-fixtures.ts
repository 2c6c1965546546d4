// Hand-inserted health scores for the read side (account card, lists, dashboard), independent of the engine.
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { accounts, healthScores, type HealthBandValue } from '@/db/schema';
import { bandFor, healthFactors } from '@/lib/kpi/health';

type Factors = Record<string, { value: number | null; weight: number; points: number | null }>;

/** Factors whose points add up to `score`: every factor present at the same value, equal shares. */
export function flatFactors(score: number | null): Factors {
  const share = 1 / healthFactors.length;
  return Object.fromEntries(healthFactors.map((f) => [f, score === null
    ? { value: null, weight: 0, points: null }
    : { value: score, weight: share, points: score * share }]));
}

export type ScoreInsert = { day: string; score: number | null; factors?: Factors; missing?: string[]; configVersion?: number };

/** Inserts daily health_scores rows (band from the default thresholds). */
export async function insertScores(orgId: string, accountId: string, rows: ScoreInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(healthScores).values(rows.map((r) => ({
    orgId, accountId, day: r.day, score: r.score, rawScore: r.score, band: bandFor(r.score),
    factors: r.factors ?? flatFactors(r.score), missing: r.missing ?? [], configVersion: r.configVersion ?? 1,
  })));
}

/** Sets the account's current health columns, as the engine would. */
export async function setCurrent(orgId: string, accountId: string, score: number | null, band: HealthBandValue | null = bandFor(score)) {
  await db.update(accounts).set({ healthScore: score, healthBand: band, healthUpdatedAt: score === null ? null : new Date() })
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId)));
}
