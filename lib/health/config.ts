import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { healthConfigs } from '@/db/schema';
import { defaultHealthBands, defaultHealthWeights, healthFactors, type HealthWeights } from '@/lib/kpi/health';
import type { ActiveHealthConfig } from './health-factors';

/** The defaults, as version 0: what an org uses before its first save. */
export const defaultConfig: ActiveHealthConfig = { version: 0, weights: defaultHealthWeights, bands: defaultHealthBands };

/** Stored weights as a full record: a factor a stored version does not name weighs 0. */
export function weightsFrom(stored: Record<string, number>): HealthWeights {
  return Object.fromEntries(healthFactors.map((f) => [f, typeof stored[f] === 'number' ? stored[f] : 0])) as HealthWeights;
}

/** The org's active config (its highest version), or the defaults; inside the caller's transaction. */
export async function loadActiveConfig(tx: Tx, orgId: string): Promise<ActiveHealthConfig> {
  const [row] = await tx.select().from(healthConfigs).where(eq(healthConfigs.orgId, orgId)).orderBy(desc(healthConfigs.version)).limit(1);
  if (!row) return defaultConfig;
  return { version: row.version, weights: weightsFrom(row.weights), bands: { yellowFrom: row.yellowFrom, greenFrom: row.greenFrom } };
}

/** One stored version of the org (null when it does not exist). */
export async function loadConfigVersion(tx: Tx, orgId: string, version: number) {
  const [row] = await tx.select().from(healthConfigs)
    .where(and(eq(healthConfigs.orgId, orgId), eq(healthConfigs.version, version))).limit(1);
  return row ?? null;
}
