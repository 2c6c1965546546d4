import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { healthConfigs, organizations, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { loadActiveConfig, loadConfigVersion, weightsFrom } from '@/lib/health/config';
import type { ActiveHealthConfig } from '@/lib/health/health-factors';
import { computePreview } from '@/lib/health/preview';
import type { HealthPreview } from '@/lib/health/preview-types';
import { refreshAccounts } from '@/lib/health/refresh';
import type { HealthBands, HealthWeights } from '@/lib/kpi/health';
import { HEALTH_HISTORY_PAGE_SIZE, type HealthDraft } from '@/lib/validation/health';
import { recordAudit, userActor } from './audit';
import { assertRole } from './guard';

export type HealthConfigDto = {
  /** 0 = the defaults (never saved) */
  version: number;
  weights: HealthWeights;
  bands: HealthBands;
  comment: string | null;
  createdAt: Date | null;
  createdByName: string | null;
};

const view = (c: ActiveHealthConfig) => ({ version: c.version, weights: c.weights, bands: c.bands });

/** The org's active health config (its highest version, or the defaults as version 0); every member may read it. */
export async function getActiveHealthConfig(ctx: TenantCtx): Promise<HealthConfigDto> {
  const [row] = await db
    .select({ version: healthConfigs.version, weights: healthConfigs.weights, yellowFrom: healthConfigs.yellowFrom, greenFrom: healthConfigs.greenFrom,
      comment: healthConfigs.comment, createdAt: healthConfigs.createdAt, createdByName: users.name })
    .from(healthConfigs)
    .leftJoin(users, eq(users.id, healthConfigs.createdBy))
    .where(eq(healthConfigs.orgId, ctx.orgId))
    .orderBy(desc(healthConfigs.version))
    .limit(1);
  if (!row) {
    const d = await loadActiveConfig(db, ctx.orgId);
    return { ...view(d), comment: null, createdAt: null, createdByName: null };
  }
  return {
    version: row.version, weights: weightsFrom(row.weights), bands: { yellowFrom: row.yellowFrom, greenFrom: row.greenFrom },
    comment: row.comment, createdAt: row.createdAt, createdByName: row.createdByName,
  };
}

/** Writes the next version (the org row is locked so two saves cannot take one number), recomputes every account, audits. */
async function writeVersion(tx: Tx, ctx: TenantCtx, draft: HealthDraft, comment: string, action: string) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.orgId)).for('update');
  const before = await loadActiveConfig(tx, ctx.orgId);
  const version = before.version + 1;
  await tx.insert(healthConfigs).values({
    orgId: ctx.orgId, version, weights: draft.weights, yellowFrom: draft.bands.yellowFrom, greenFrom: draft.bands.greenFrom,
    comment, createdBy: ctx.userId,
  });
  const accounts = await refreshAccounts(tx, ctx.orgId, 'all');
  await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
    action, entityType: 'health_config', entityId: String(version),
    before: view(before), after: { version, weights: draft.weights, bands: draft.bands, comment },
  });
  return { version, accounts };
}

/**
 * Saves weights and bands as the org's next version (admins only) and recomputes every account's score with it
 * in the same transaction; audited as `health_config.saved`. Returns the new version and the accounts rescored.
 */
export async function saveHealthConfig(ctx: TenantCtx, draft: HealthDraft, comment: string): Promise<{ version: number; accounts: number }> {
  assertRole(ctx, 'admin');
  return db.transaction((tx) => writeVersion(tx, ctx, draft, comment, 'health_config.saved'));
}

/** Saves an older version of the org again as the newest ("Restored version N"; admins only); an unknown version is NOT_FOUND. */
export async function restoreHealthConfig(ctx: TenantCtx, version: number): Promise<{ version: number; accounts: number }> {
  assertRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const old = Number.isInteger(version) ? await loadConfigVersion(tx, ctx.orgId, version) : null;
    if (!old) throw new AppError('NOT_FOUND', `Version ${version} was not found.`);
    const draft = { weights: weightsFrom(old.weights), bands: { yellowFrom: old.yellowFrom, greenFrom: old.greenFrom } };
    return writeVersion(tx, ctx, draft, `Restored version ${version}`, 'health_config.restored');
  });
}

export type HealthConfigVersionDto = HealthConfigDto & { createdAt: Date };

/** One page (10) of the org's saved versions, newest first, with who saved each and the total; every member may read it. */
export async function listHealthConfigVersions(ctx: TenantCtx, page = 1): Promise<{ rows: HealthConfigVersionDto[]; total: number; page: number; pageSize: number }> {
  const mine = eq(healthConfigs.orgId, ctx.orgId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ version: healthConfigs.version, weights: healthConfigs.weights, yellowFrom: healthConfigs.yellowFrom, greenFrom: healthConfigs.greenFrom,
        comment: healthConfigs.comment, createdAt: healthConfigs.createdAt, createdByName: users.name })
      .from(healthConfigs)
      .leftJoin(users, eq(users.id, healthConfigs.createdBy))
      .where(mine)
      .orderBy(desc(healthConfigs.version))
      .limit(HEALTH_HISTORY_PAGE_SIZE)
      .offset((page - 1) * HEALTH_HISTORY_PAGE_SIZE),
    db.select({ total: count() }).from(healthConfigs).where(mine),
  ]);
  return {
    rows: rows.map((r) => ({ version: r.version, weights: weightsFrom(r.weights), bands: { yellowFrom: r.yellowFrom, greenFrom: r.greenFrom },
      comment: r.comment, createdAt: r.createdAt, createdByName: r.createdByName })),
    total, page, pageSize: HEALTH_HISTORY_PAGE_SIZE,
  };
}

/**
 * The preview of a draft against the org's active config (admins only: it reads every account's inputs): band
 * changes, distributions and the 12-month backtest of both. Read-only; runs in a read-only-in-effect transaction
 * so both configs see one snapshot.
 */
export async function previewHealthConfig(ctx: TenantCtx, draft: HealthDraft): Promise<HealthPreview> {
  assertRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const active = await loadActiveConfig(tx, ctx.orgId);
    return computePreview(tx, ctx.orgId, active, { version: active.version + 1, weights: draft.weights, bands: draft.bands });
  });
}

