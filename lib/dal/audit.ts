import 'server-only';
import { and, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { auditLog, organizations, users } from '@/db/schema';
import type { ActorType } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AUDIT_PAGE_SIZE, type AuditFilters } from '@/lib/validation/audit';
import { assertRole } from './guard';
import { actorIsUser } from './actor';

export type Actor = { type: ActorType; id: string | null };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Writes one audit entry for the org inside the caller's transaction. */
export async function recordAudit(tx: Tx, orgId: string, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    orgId,
    actorType: actor.type,
    actorId: actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The actor of a signed-in request. */
export const userActor = (userId: string): Actor => ({ type: 'user', id: userId });

export type AuditEntryDto = {
  id: string;
  createdAt: Date;
  actorType: ActorType;
  actorId: string | null;
  /** the acting user's current name; null for API keys, the system, or a deleted user */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type AuditPage = { rows: AuditEntryDto[]; total: number; pageSize: number; timezone: string };

/** The WHERE of the audit page: always the org, then the optional filters. Dates are org-local days. */
function auditWhere(ctx: TenantCtx, f: AuditFilters, timezone: string): SQL | undefined {
  const actor =
    f.actor === 'api' ? eq(auditLog.actorType, 'api_key')
      : f.actor === 'system' ? eq(auditLog.actorType, 'system')
        : f.actor ? and(eq(auditLog.actorType, 'user'), eq(auditLog.actorId, f.actor.toLowerCase()))
          : undefined;
  return and(
    eq(auditLog.orgId, ctx.orgId),
    actor,
    f.kind ? or(eq(auditLog.action, f.kind), like(auditLog.action, `${f.kind}.%`)) : undefined,
    // [from 00:00, to+1 00:00) in the org's timezone: "to" includes the whole day
    f.from ? sql`${auditLog.createdAt} >= (${f.from}::date)::timestamp at time zone ${timezone}` : undefined,
    f.to ? sql`${auditLog.createdAt} < (${f.to}::date + 1)::timestamp at time zone ${timezone}` : undefined,
  );
}

/**
 * One page (50) of the org's audit log, newest first, with the total that matches the filters
 * and the org's timezone (for showing times). Admins and owners only: FORBIDDEN for others.
 */
export async function listAuditEntries(ctx: TenantCtx, filters: AuditFilters): Promise<AuditPage> {
  assertRole(ctx, 'admin');
  const [org] = await db.select({ timezone: organizations.timezone }).from(organizations).where(eq(organizations.id, ctx.orgId)).limit(1);
  const timezone = org?.timezone ?? 'UTC';
  const where = auditWhere(ctx, filters, timezone);
  // The page is cut first (audit_log_created_idx), then only its 50 rows are joined with users.
  const page = db
    .select({
      id: auditLog.id, createdAt: auditLog.createdAt, actorType: auditLog.actorType, actorId: auditLog.actorId,
      action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .as('page');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: page.id, createdAt: page.createdAt, actorType: page.actorType, actorId: page.actorId, actorName: users.name,
        action: page.action, entityType: page.entityType, entityId: page.entityId, before: page.before, after: page.after,
      })
      .from(page)
      .leftJoin(users, actorIsUser(page.actorType, page.actorId))
      .orderBy(desc(page.createdAt), desc(page.id)),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total, pageSize: AUDIT_PAGE_SIZE, timezone };
}
