import 'server-only';
import { cache } from 'react';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db, queryRows, type Tx } from '@/db';
import { organizations, revenueChanges } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import type { OrgSettingsInput } from '@/lib/validation/orgs';
import { recordAudit, userActor } from './audit';
import { assertRole } from './guard';

const settingsColumns = {
  name: organizations.name,
  slug: organizations.slug,
  currency: organizations.currency,
  timezone: organizations.timezone,
  surveyCooldownDays: organizations.surveyCooldownDays,
  trackedFeatureKeys: organizations.trackedFeatureKeys,
  alertHysteresis: organizations.alertHysteresis,
};

export type OrgSettings = {
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  surveyCooldownDays: number;
  /** null = every feature key seen in the last 90 days */
  trackedFeatureKeys: string[] | null;
  /** points an alert's metric must clear its threshold by before it closes itself */
  alertHysteresis: number;
};

/** The settings of the caller's org. Any member may read them. Cached per request (several sections need the currency). */
export const getOrgSettings = cache(async (ctx: TenantCtx): Promise<OrgSettings> => {
  const [row] = await db.select(settingsColumns).from(organizations).where(eq(organizations.id, ctx.orgId)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Not found.');
  return row;
});

const TAKEN = { slug: ['That address is taken by another organization; choose another.'] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs, as before/after halves of an audit entry. */
function diff(before: OrgSettings, input: OrgSettingsInput) {
  const keys = (Object.keys(input) as (keyof OrgSettings)[]).filter((k) => !same(before[k], input[k]));
  return {
    was: Object.fromEntries(keys.map((k) => [k, before[k]])),
    now: Object.fromEntries(keys.map((k) => [k, input[k]])) as Partial<OrgSettings>,
  };
}

/** PostgreSQL must know the zone too (its tz data can lag the runtime's): the KPIs use it in SQL. */
async function assertPgKnowsZone(tx: Tx, timezone: string) {
  const rows = await queryRows<{ ok: number }>(tx, sql`select 1 as ok from pg_timezone_names where name = ${timezone} limit 1`);
  if (rows.length === 0) throw new AppError('VALIDATION', 'Check the highlighted fields.', { timezone: ['The database does not know this timezone; choose another.'] });
}

/** Revenue is stored in the org's currency and never converted, so the currency is fixed once revenue exists. */
async function assertNoRevenue(tx: Tx, ctx: TenantCtx) {
  const [row] = await tx.select({ id: revenueChanges.id }).from(revenueChanges).where(eq(revenueChanges.orgId, ctx.orgId)).limit(1);
  if (row) throw new AppError('VALIDATION', 'Check the highlighted fields.', { currency: ['The currency cannot change once revenue is recorded: amounts are not converted.'] });
}

const isSlugClash = (err: unknown): boolean => {
  for (let e = err as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint ?? e.constraint_name) === 'organizations_slug_uq') return true;
  }
  return false;
};

/**
 * Saves the caller's org settings (admins and owners) and audits the changed fields, in one
 * transaction. A slug another org has is a field error. Returns the (possibly new) slug.
 */
export async function updateOrgSettings(ctx: TenantCtx, input: OrgSettingsInput): Promise<{ slug: string; changed: string[] }> {
  assertRole(ctx, 'admin');
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select(settingsColumns).from(organizations).where(eq(organizations.id, ctx.orgId)).limit(1).for('update');
      if (!before) throw new AppError('NOT_FOUND', 'Not found.');
      const { was, now } = diff(before, input);
      const changed = Object.keys(now);
      if (changed.length === 0) return { slug: before.slug, changed };
      if (now.slug !== undefined) {
        const [clash] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.slug, now.slug), ne(organizations.id, ctx.orgId))).limit(1);
        if (clash) throw new AppError('VALIDATION', 'Check the highlighted fields.', TAKEN);
      }
      if (now.timezone !== undefined) await assertPgKnowsZone(tx, now.timezone);
      if (now.currency !== undefined) await assertNoRevenue(tx, ctx);
      await tx.update(organizations).set(now).where(eq(organizations.id, ctx.orgId));
      await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'org.updated', entityType: 'organization', entityId: ctx.orgId, before: was, after: now });
      return { slug: input.slug, changed };
    });
  } catch (err) {
    // two orgs saving the same new slug at once: the unique index decides, the loser gets the field error
    if (isSlugClash(err)) throw new AppError('VALIDATION', 'Check the highlighted fields.', TAKEN);
    throw err;
  }
}

/**
 * Deletes the caller's org and everything in it (owners only, DESIGN.md): every tenant table cascades from the org
 * row, so one statement removes it all in one transaction. The typed address must be the org's slug (a field error
 * otherwise). Nothing of the org is left to audit, so the server log keeps who deleted it.
 */
export async function deleteOrganization(ctx: TenantCtx, confirmSlug: string): Promise<void> {
  assertRole(ctx, 'owner');
  if (confirmSlug.trim().toLowerCase() !== ctx.orgSlug) {
    throw new AppError('VALIDATION', 'Check the highlighted fields.', { confirmSlug: [`Type ${ctx.orgSlug} to confirm.`] });
  }
  const gone = await db.delete(organizations).where(eq(organizations.id, ctx.orgId)).returning({ id: organizations.id });
  if (gone.length === 0) throw new AppError('NOT_FOUND', 'Not found.');
  console.info(`[tenure] organization ${ctx.orgSlug} (${ctx.orgId}) deleted by user ${ctx.userId}`);
}
