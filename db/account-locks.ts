import { sql } from 'drizzle-orm';
import type { Tx } from './index';

/**
 * Locks the org's given accounts (or all of them) in id order, as a write that changes several account rows must
 * before it updates them: every multi-account writer (the health sweep and whole-org recomputes, CSV imports, API
 * batches) then takes these row locks in one order, so two of them wait for each other instead of deadlocking.
 * Inside the caller's transaction; ids of other orgs are ignored.
 */
export async function lockAccountsInOrder(tx: Tx, orgId: string, accountIds: readonly string[] | 'all'): Promise<void> {
  if (accountIds !== 'all' && accountIds.length === 0) return;
  const which = accountIds === 'all' ? sql`true` : sql`a.id in (select (jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb))::uuid)`;
  await tx.execute(sql`select count(*) from (
    select 1 from accounts a where a.org_id = ${orgId}::uuid and ${which} order by a.id for no key update
  ) locked`);
}
