import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';

export type Overview = {
  accounts: number;
  myAccounts: number;
  stakeholders: number;
  renewalsNext90: number;
  members: number;
};

/** Counts for the org's landing page, in one round trip: active accounts, mine, stakeholders, renewals due in 90 days, members. */
export async function getOverview(ctx: TenantCtx): Promise<Overview> {
  const [row] = await queryRows<Overview>(
    db,
    sql`select
      (select count(*)::int from accounts where org_id = ${ctx.orgId} and archived_at is null) as "accounts",
      (select count(*)::int from accounts where org_id = ${ctx.orgId} and archived_at is null and owner_id = ${ctx.userId}) as "myAccounts",
      (select count(*)::int from stakeholders where org_id = ${ctx.orgId} and left_at is null) as "stakeholders",
      (select count(*)::int from accounts where org_id = ${ctx.orgId} and archived_at is null
         and next_renewal_date >= current_date and next_renewal_date < current_date + 90) as "renewalsNext90",
      (select count(*)::int from memberships where org_id = ${ctx.orgId}) as "members"`,
  );
  return row;
}
