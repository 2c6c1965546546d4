import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { accounts, organizations } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { assertId } from './guard';

/**
 * Locks one account of the org for a write that must see its revenue and renewals unchanged
 * (writes to one account are serialized); NOT_FOUND for a foreign or malformed id. Returns the
 * org's currency, today's date in the org's timezone and the account's next renewal date.
 */
export async function lockAccount(tx: Tx, ctx: TenantCtx, accountId: string) {
  assertId(accountId, 'That account');
  const [row] = await tx
    .select({
      currency: organizations.currency,
      today: sql<string>`(now() at time zone ${organizations.timezone})::date::text`,
      nextRenewalDate: accounts.nextRenewalDate,
    })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.orgId))
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId)))
    .limit(1)
    .for('no key update', { of: accounts });
  if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
  return row;
}

/** Throws NOT_FOUND unless the id names an account of the caller's org (for reads and writes of its child rows). */
export async function assertAccountInOrg(tx: Tx, ctx: TenantCtx, accountId: string): Promise<void> {
  assertId(accountId, 'That account');
  const [row] = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId))).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
}
