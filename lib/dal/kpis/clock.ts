import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { notFound } from '@/lib/errors';
import { orgToday } from './sql';

/** What a page needs to build periods with lib/kpi/period: the org's timezone, currency and today's date there. */
export type KpiClock = { timezone: string; currency: string; today: string };

/** The org's timezone, currency and today's date (YYYY-MM-DD) in that timezone; one query. */
export async function getKpiClock(ctx: TenantCtx): Promise<KpiClock> {
  const [row] = await queryRows<KpiClock>(db, sql`
    select o.timezone, o.currency, to_char(${orgToday(ctx)}, 'YYYY-MM-DD') as today
    from organizations o where o.id = ${ctx.orgId}`);
  if (!row) throw notFound('That organization');
  return row;
}
