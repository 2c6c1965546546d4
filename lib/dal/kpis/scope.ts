import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { accounts, segmentEnum } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { assertPeriod, isIsoDate, type Period } from '@/lib/kpi/period';
import { AppError, notFound } from '@/lib/errors';
import { assertId } from '../guard';

export type Segment = (typeof segmentEnum.enumValues)[number];

/** Whose accounts a KPI covers: the whole org, one CSM's book (owner), a segment, or one account. */
export type KpiScope =
  | { kind: 'org' }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'segment'; segment: Segment }
  | { kind: 'account'; accountId: string };

export const orgScope: KpiScope = { kind: 'org' };

/** Validates the period and scope: VALIDATION for a bad period or segment, NOT_FOUND for a malformed or foreign id. */
export async function checkInputs(ctx: TenantCtx, period: Period | null, scope: KpiScope): Promise<void> {
  if (period) {
    try {
      assertPeriod(period);
    } catch (err) {
      throw new AppError('VALIDATION', (err as Error).message);
    }
  }
  if (scope.kind === 'owner') assertId(scope.ownerId, 'That member');
  if (scope.kind === 'segment' && !segmentEnum.enumValues.includes(scope.segment)) {
    throw new AppError('VALIDATION', `Unknown segment: ${String(scope.segment)}`);
  }
  if (scope.kind === 'account') {
    assertId(scope.accountId, 'That account');
    const [found] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, scope.accountId)));
    if (!found) throw notFound('That account');
  }
}

/** VALIDATION unless a date input (an as-of date, a day of the quarter) is a real YYYY-MM-DD date; undefined passes. */
export function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new AppError('VALIDATION', `Not a YYYY-MM-DD date: ${asOf}`);
}

// The scope's conditions on an accounts row named `alias` (a constant of this module's callers, never user input).
function conditions(ctx: TenantCtx, scope: KpiScope, alias: string, portfolio: boolean): SQL[] {
  const a = sql.raw(alias);
  const conds = [sql`${a}.org_id = ${ctx.orgId}`];
  if (scope.kind === 'owner') conds.push(sql`${a}.owner_id = ${scope.ownerId}`);
  if (scope.kind === 'segment') conds.push(sql`${a}.segment = ${scope.segment}`);
  if (scope.kind === 'account') conds.push(sql`${a}.id = ${scope.accountId}`);
  if (portfolio) conds.push(sql`${a}.archived_at is null`);
  return conds;
}

/**
 * SQL condition limiting an account-id column to the scope's accounts of the org. `portfolio` also leaves out
 * archived accounts (current-state KPIs); revenue, renewal and ticket history keeps them, so archiving a churned
 * account cannot improve churn.
 */
export function inScope(ctx: TenantCtx, scope: KpiScope, column: SQL, { portfolio = false } = {}): SQL {
  // Every row is already filtered by org_id; the whole org with archived accounts needs no account filter.
  if (scope.kind === 'org' && !portfolio) return sql`true`;
  return sql`${column} in (select a.id from accounts a where ${sql.join(conditions(ctx, scope, 'a', portfolio), sql` and `)})`;
}

/** SQL condition selecting the scope's rows of `accounts` under `alias` (org_id included). */
export function accountsInScope(ctx: TenantCtx, scope: KpiScope, alias: string, { portfolio = false } = {}): SQL {
  return sql.join(conditions(ctx, scope, alias, portfolio), sql` and `);
}
