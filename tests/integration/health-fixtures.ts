import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { accountEvents, surveyInvitations, surveyResponses, surveys, tickets, usageDaily } from '@/db/schema';
import { recomputeUsageMonthly, touchedPairs } from '@/db/usage-rollup';

// Hand-built health inputs for the health tests: usage by day offset, survey answers, tickets, contact events.

const DAY_MS = 86_400_000;

/** The UTC date `offset` days before today (fixture orgs use UTC). */
export const daysAgo = (offset: number) => new Date(Date.now() - offset * DAY_MS).toISOString().slice(0, 10);

/** An instant `offset` days before now. */
export const at = (offset: number) => new Date(Date.now() - offset * DAY_MS);

/** Inserts per-user usage rows (day offsets, feature keys) and rolls them up like the ingestion path does. */
export async function addUsage(orgId: string, accountId: string, rows: { user: string; days: number[]; features?: string[] }[]) {
  const values = rows.flatMap((r) => r.days.map((d) => ({
    orgId, accountId, day: daysAgo(d), userKey: r.user, sessions: 1, events: 1,
    features: Object.fromEntries((r.features ?? []).map((f) => [f, 1])),
  })));
  await db.insert(usageDaily).values(values);
  const months = [...new Set(values.map((v) => `${v.day.slice(0, 7)}-01`))];
  await recomputeUsageMonthly(db, orgId, touchedPairs(months.map((month) => ({ accountId, month }))));
}

/** Records survey answers of `kind` for the account (accountId null: anonymous), each `daysAgo` old. */
export async function addAnswers(orgId: string, accountId: string | null, kind: 'nps' | 'csat' | 'ces', answers: { score: number; daysAgo: number }[]) {
  const [survey] = await db.insert(surveys).values({ orgId, kind, name: `${kind} ${randomUUID().slice(0, 6)}`, question: 'Q?', status: 'open' }).returning();
  for (const a of answers) {
    const [inv] = await db.insert(surveyInvitations).values({ orgId, surveyId: survey.id, accountId, tokenHash: randomUUID() }).returning();
    await db.insert(surveyResponses).values({
      orgId, surveyId: survey.id, invitationId: inv.id, accountId, score: a.score, createdAt: at(a.daysAgo), updatedAt: at(a.daysAgo),
    });
  }
}

/** A ticket opened `opened` days ago, closed `closed` days ago (null: still open). */
export async function addTicket(orgId: string, accountId: string, t: { opened: number; closed?: number | null; priority?: 'low' | 'normal' | 'high' | 'urgent' }) {
  await db.insert(tickets).values({
    orgId, accountId, priority: t.priority ?? 'normal', openedAt: at(t.opened), closedAt: t.closed == null ? null : at(t.closed),
  });
}

/** A dated account event (stakeholder.contacted, seats.changed, …). */
export async function addEvent(orgId: string, accountId: string, kind: string, daysBack: number, data: Record<string, unknown>) {
  await db.insert(accountEvents).values({ orgId, accountId, kind, occurredAt: at(daysBack), actorType: 'system', summary: kind, data });
}

/** A revenue change for the account (minor units). */
export async function addRevenue(orgId: string, accountId: string, effectiveDate: string, mrr: number, churnReason: string | null = null) {
  await db.execute(sql`insert into revenue_changes (org_id, account_id, effective_date, mrr, currency, churn_reason)
    values (${orgId}, ${accountId}, ${effectiveDate}, ${mrr}, 'USD', ${churnReason})`);
}
