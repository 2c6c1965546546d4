import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { accounts, stakeholders } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { assertId } from './guard';

export type RelationshipSummary = {
  /** people on the account, including those who left */
  stakeholders: number;
  /** people still at the company */
  current: number;
  /** current champions (a champion who left does not count) */
  champions: number;
  /** current economic buyers: "is the economic buyer known" */
  economicBuyers: number;
  /** whole days since the latest contact with any current champion; null = never contacted or no champion */
  daysSinceChampionContact: number | null;
  /** whole days since the latest contact with any current economic buyer; null = never contacted or none */
  daysSinceBuyerContact: number | null;
  /** current stakeholders whose last contact lies within the last 90 days */
  contactedLast90Days: number;
  /** the champion who left most recently within the last 90 days, if any: the churn warning */
  championLeft: { name: string; daysAgo: number } | null;
};

const s = stakeholders;
const present = sql`${s.leftAt} is null`;
const champion = sql`${s.role} = 'champion'`;
const buyer = sql`${s.role} = 'economic_buyer'`;
const recentLeave = sql`${champion} and ${s.leftAt} >= now() - interval '90 days'`;
const daysSince = (cond: ReturnType<typeof sql>) =>
  sql<number | null>`floor(extract(epoch from now() - max(${s.lastContactedAt}) filter (where ${cond})) / 86400)::int`;

/**
 * The relationship card of one account of the org, computed in one SQL query (days are whole
 * 24-hour periods before now; "last 90 days" means since now − 90 days). A foreign or unknown
 * account is NOT_FOUND; an account without stakeholders gives zeros and nulls.
 */
export async function getRelationshipSummary(ctx: TenantCtx, accountId: string): Promise<RelationshipSummary> {
  assertId(accountId, 'That account');
  const [row] = await db
    .select({
      stakeholders: sql<number>`count(${s.id})::int`,
      current: sql<number>`count(${s.id}) filter (where ${present})::int`,
      champions: sql<number>`count(*) filter (where ${champion} and ${present})::int`,
      economicBuyers: sql<number>`count(*) filter (where ${buyer} and ${present})::int`,
      daysSinceChampionContact: daysSince(sql`${champion} and ${present}`),
      daysSinceBuyerContact: daysSince(sql`${buyer} and ${present}`),
      contactedLast90Days: sql<number>`count(*) filter (where ${present} and ${s.lastContactedAt} >= now() - interval '90 days')::int`,
      leftName: sql<string | null>`(array_agg(${s.name} order by ${s.leftAt} desc) filter (where ${recentLeave}))[1]`,
      leftDaysAgo: sql<number | null>`floor(extract(epoch from now() - max(${s.leftAt}) filter (where ${recentLeave})) / 86400)::int`,
    })
    .from(accounts)
    .leftJoin(s, and(eq(s.orgId, accounts.orgId), eq(s.accountId, accounts.id)))
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId)))
    .groupBy(accounts.orgId, accounts.id);
  if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
  const { leftName, leftDaysAgo, ...rest } = row;
  return { ...rest, championLeft: leftName === null || leftDaysAgo === null ? null : { name: leftName, daysAgo: leftDaysAgo } };
}
