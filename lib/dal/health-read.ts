import 'server-only';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import { accounts, healthScores, organizations, type HealthBandValue } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { notFound } from '@/lib/errors';
import type { Happening, ScoreRow } from '@/lib/health/explain';
import { addDays, addMonths } from '@/lib/kpi/period';
import { assertId } from './guard';
import { startOfDay } from './kpis/sql';

// The account page's health card: the current score, the stored daily rows it compares (yesterday, last week), a
// 12-month trend and the dated things that happened in between. The text is built by lib/health/explain.

export type HealthDay = ScoreRow & { band: HealthBandValue | null };
export type TrendPoint = { day: string; score: number | null; band: HealthBandValue | null };

export type AccountHealth = {
  timezone: string;
  /** accounts.health_score / health_band / health_updated_at: the current score shown in lists */
  current: { score: number | null; band: HealthBandValue | null; updatedAt: Date | null };
  /** the newest health_scores row; null when the account was never scored */
  latest: HealthDay | null;
  /** the newest row at least 1 day older than `latest` */
  dayBefore: HealthDay | null;
  /** the newest row at least 7 days older than `latest` */
  weekBefore: HealthDay | null;
  /** one point per stored day in the 12 months up to the latest row, oldest first */
  trend: TrendPoint[];
  /** survey answers, tickets and timeline events from the day after the oldest comparison row through today */
  happenings: Happening[];
};

const rowColumns = {
  day: healthScores.day, score: healthScores.score, band: healthScores.band, factors: healthScores.factors,
  missing: healthScores.missing, configVersion: healthScores.configVersion,
};

function scoreRows(ctx: TenantCtx, accountId: string, onOrBefore?: string) {
  return db.select(rowColumns).from(healthScores)
    .where(and(eq(healthScores.orgId, ctx.orgId), eq(healthScores.accountId, accountId), onOrBefore ? lte(healthScores.day, onOrBefore) : undefined))
    .orderBy(desc(healthScores.day)).limit(1);
}

// Ticket and survey events on the timeline duplicate the tickets and answers listed from their own tables.
const EVENT_LIMIT = 20;
const ANSWER_LIMIT = 20;
const TICKET_LIMIT = 100;

/** Answers, tickets opened/closed and other timeline events of one account since the org-local day `fromDay`. */
async function happeningsSince(ctx: TenantCtx, accountId: string, fromDay: string): Promise<Happening[]> {
  const from = startOfDay(ctx, sql`${fromDay}::date`);
  const rows = await queryRows<{ kind: string; at: string; a: string | null; b: string | null }>(db, sql`
    (select 'answer' as kind, r.created_at as at, s.kind::text as a, r.score::text || '|' || coalesce(st.name, '') as b
      from survey_responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      left join stakeholders st on st.org_id = r.org_id and st.id = r.stakeholder_id
      where r.org_id = ${ctx.orgId} and r.account_id = ${accountId} and r.created_at >= ${from}
      order by r.created_at desc limit ${ANSWER_LIMIT})
    union all
    (select 'ticketOpened', t.opened_at, t.priority::text, null from tickets t
      where t.org_id = ${ctx.orgId} and t.account_id = ${accountId} and t.opened_at >= ${from}
      order by t.opened_at desc limit ${TICKET_LIMIT})
    union all
    (select 'ticketClosed', t.closed_at, null, null from tickets t
      where t.org_id = ${ctx.orgId} and t.account_id = ${accountId} and t.closed_at >= ${from}
      order by t.closed_at desc limit ${TICKET_LIMIT})
    union all
    (select 'event', e.occurred_at, e.kind, e.summary from account_events e
      where e.org_id = ${ctx.orgId} and e.account_id = ${accountId} and e.occurred_at >= ${from}
        and e.kind not like 'ticket.%' and e.kind not like 'survey.%' and e.kind not like 'health.%'
      order by e.occurred_at desc limit ${EVENT_LIMIT})`);
  return rows.map((r): Happening => {
    const at = new Date(r.at).toISOString();
    if (r.kind === 'answer') {
      const [score, who] = String(r.b).split('|');
      return { kind: 'answer', at, survey: r.a as 'nps' | 'csat' | 'ces', score: Number(score), who: who || null };
    }
    if (r.kind === 'ticketOpened') return { kind: 'ticketOpened', at, highPriority: r.a === 'high' || r.a === 'urgent' };
    if (r.kind === 'ticketClosed') return { kind: 'ticketClosed', at };
    return { kind: 'event', at, summary: String(r.b) };
  });
}

/**
 * The health card of one account of the org: current score, latest stored row and the rows 1 and 7 days before it,
 * the 12-month trend and what happened since (days in the org's timezone). A foreign or malformed id is NOT_FOUND.
 */
export async function getAccountHealth(ctx: TenantCtx, accountId: string): Promise<AccountHealth> {
  assertId(accountId, 'That account');
  const [[acc], [latest]] = await Promise.all([
    db.select({ score: accounts.healthScore, band: accounts.healthBand, updatedAt: accounts.healthUpdatedAt, timezone: organizations.timezone })
      .from(accounts).innerJoin(organizations, eq(organizations.id, accounts.orgId))
      .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId))),
    scoreRows(ctx, accountId),
  ]);
  if (!acc) throw notFound('That account');
  const current = { score: acc.score, band: acc.band, updatedAt: acc.updatedAt };
  if (!latest) return { timezone: acc.timezone, current, latest: null, dayBefore: null, weekBefore: null, trend: [], happenings: [] };
  const [[dayBefore], [weekBefore], trend] = await Promise.all([
    scoreRows(ctx, accountId, addDays(latest.day, -1)),
    scoreRows(ctx, accountId, addDays(latest.day, -7)),
    db.select({ day: healthScores.day, score: healthScores.score, band: healthScores.band }).from(healthScores)
      .where(and(
        eq(healthScores.orgId, ctx.orgId), eq(healthScores.accountId, accountId),
        gte(healthScores.day, addDays(addMonths(latest.day, -12), 1)), lte(healthScores.day, latest.day),
      ))
      .orderBy(asc(healthScores.day)),
  ]);
  const oldest = weekBefore ?? dayBefore;
  // without an older row there is nothing to explain, so nothing to fetch
  const happenings = oldest ? await happeningsSince(ctx, accountId, addDays(oldest.day, 1)) : [];
  return { timezone: acc.timezone, current, latest, dayBefore: dayBefore ?? null, weekBefore: weekBefore ?? null, trend, happenings };
}
