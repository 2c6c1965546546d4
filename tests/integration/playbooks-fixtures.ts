import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import {
  accountEvents, alertNotifications, alerts, healthScores, playbooks, renewals, surveyInvitations, surveyResponses, surveys,
  type NewPlaybook, type PlaybookTrigger,
} from '@/db/schema';
import { addDays, startOfMonth } from '@/lib/kpi/period';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';

// Hand-built inputs for the playbook evaluation: health rows, answers, renewals, per-user usage months.

/** A fixed "now" (noon UTC) and its date, so windows and day counts are exact. */
export const NOW = new Date('2026-03-15T12:00:00Z');
export const TODAY = '2026-03-15';
export const day = (offset: number) => addDays(TODAY, offset);
export const at = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * 86_400_000);

const bandOf = (score: number) => (score < 40 ? 'red' : score < 70 ? 'yellow' : 'green');

/** Writes (or overwrites) an account's health row for a day. */
export async function setHealth(orgId: string, accountId: string, d: string, score: number) {
  await db.insert(healthScores).values({ orgId, accountId, day: d, score, rawScore: score, band: bandOf(score), factors: {}, configVersion: 1 })
    .onConflictDoUpdate({ target: [healthScores.orgId, healthScores.accountId, healthScores.day], set: { score, rawScore: score, band: bandOf(score) } });
}

/** Inserts a playbook straight into the table (no evaluation, no audit). */
export async function makePlaybook(orgId: string, trigger: PlaybookTrigger, params: NewPlaybook['params'] = {}, extra: Partial<NewPlaybook> = {}) {
  const [row] = await db.insert(playbooks).values({ orgId, name: `${trigger} ${randomUUID().slice(0, 6)}`, trigger, params, priority: 'high', ...extra }).returning();
  return row;
}

/** Evaluates the org's playbooks for the accounts at `now` (default NOW). */
export const evaluate = (orgId: string, accountIds: string[] | 'all', now = NOW) => evaluatePlaybooks(db, orgId, accountIds, { now });

/** The org's alerts of one account, oldest first. */
export const alertsOf = (orgId: string, accountId: string) =>
  db.select().from(alerts).where(and(eq(alerts.orgId, orgId), eq(alerts.accountId, accountId))).orderBy(asc(alerts.openedAt), asc(alerts.createdAt));

export const eventsOf = (orgId: string, accountId: string, kind: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId), eq(accountEvents.kind, kind)));

export const notificationsOf = (orgId: string, alertId: string) =>
  db.select().from(alertNotifications).where(and(eq(alertNotifications.orgId, orgId), eq(alertNotifications.alertId, alertId)));

/** One survey answer of a stakeholder (or none) on an account, created at `createdAt`. */
export async function answer(orgId: string, accountId: string, kind: 'nps' | 'csat', score: number, createdAt: Date, stakeholderId?: string) {
  const [survey] = await db.insert(surveys).values({ orgId, kind, name: `${kind} survey`, question: 'Q?', status: 'open' }).returning();
  const [inv] = await db.insert(surveyInvitations).values({ orgId, surveyId: survey.id, accountId, stakeholderId, tokenHash: randomUUID() }).returning();
  await db.insert(surveyResponses).values({ orgId, surveyId: survey.id, invitationId: inv.id, accountId, stakeholderId, score, createdAt, updatedAt: createdAt });
}

/** A pending renewal due on a date. */
export async function pendingRenewal(orgId: string, accountId: string, dueDate: string) {
  await db.insert(renewals).values({ orgId, accountId, dueDate, arrDue: 1_200_000 });
}

/** Marks `users` distinct end users active on day `d` (usage_user_months bitmask rows). */
export async function activeUsers(orgId: string, accountId: string, d: string, users: number, prefix = 'u') {
  const month = startOfMonth(d);
  const bit = 2 ** (Number(d.slice(8, 10)) - 1);
  for (let i = 0; i < users; i++) {
    await db.execute(sql`insert into usage_user_months (org_id, account_id, month, user_key, active_days)
      values (${orgId}, ${accountId}, ${month}::date, ${`${prefix}${i}`}, ${bit})
      on conflict (org_id, account_id, month, user_key) do update set active_days = usage_user_months.active_days | excluded.active_days`);
  }
}
