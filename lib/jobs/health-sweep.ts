import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db';
import { refreshAccounts } from '@/lib/health/refresh';
import { queueAfterCommit } from '@/lib/notifications/after-commit';

/**
 * The orgs (of `only`, when given) with at least one account that has no health row for the org's today: cheap
 * (an anti-join on the health_scores key), so the sweep can ask every 15 minutes.
 */
export async function orgsMissingToday(db: Database, only?: readonly string[]): Promise<string[]> {
  const filter = only ? sql`o.id in (select (jsonb_array_elements_text(${JSON.stringify(only)}::jsonb))::uuid)` : sql`true`;
  const rows = await queryRows<{ id: string }>(db, sql`
    select o.id from organizations o where ${filter} and exists (
      select 1 from accounts a where a.org_id = o.id and not exists (
        select 1 from health_scores h where h.org_id = a.org_id and h.account_id = a.id and h.day = (now() at time zone o.timezone)::date))`);
  return rows.map((r) => r.id);
}

/**
 * The daily sweep: every org that lacks today's rows gets all its accounts recomputed, today's rows written and its
 * playbooks evaluated (their notifications queued after the commit),
 * one transaction per org (so one org's failure does not hold back the others). Returns what it did.
 */
export async function runHealthSweep(db: Database, only?: readonly string[]): Promise<{ orgs: number; accounts: number; failed: number }> {
  let accounts = 0;
  let failed = 0;
  const orgs = await orgsMissingToday(db, only);
  for (const orgId of orgs) {
    try {
      accounts += await queueAfterCommit(() => db.transaction((tx) => refreshAccounts(tx, orgId, 'all')));
    } catch (err) {
      failed += 1;
      console.error(`[tenure] health sweep failed for org ${orgId}`, err);
    }
  }
  return { orgs: orgs.length, accounts, failed };
}
