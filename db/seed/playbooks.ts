import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { accountEvents, accounts, alerts, memberships, playbooks, users, type NewPlaybook } from '@/db/schema';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';

const DAY_MS = 86_400_000;

/** The demo org's playbooks (DESIGN.md "Playbooks and alerts"): inbox only, no email or webhook. */
const DEMO_PLAYBOOKS: Omit<NewPlaybook, 'orgId'>[] = [
  { name: 'Health below 40', trigger: 'health_below', params: { threshold: 40 }, priority: 'high' },
  { name: 'Sharp health drop', trigger: 'health_drop', params: { points: 15, days: 14 }, priority: 'high' },
  { name: 'Detractor answer', trigger: 'detractor', params: { days: 30 }, priority: 'medium' },
  { name: 'Renewal at risk', trigger: 'renewal_due', params: { days: 60 }, priority: 'urgent' },
  { name: 'Champion left', trigger: 'champion_left', params: { days: 90 }, priority: 'high' },
  { name: 'Active users falling', trigger: 'usage_drop', params: { percent: 30 }, priority: 'medium' },
];

/**
 * Seeds the demo org's playbooks and runs them as of three weeks ago, one week ago and now over the seeded health
 * history, so some alerts opened and later cleared by themselves. Then a CSM snoozes one open alert and resolves
 * another with a note, so the inbox shows every state. Deterministic for the same data. Writes no notifications.
 */
export async function seedPlaybooks(tx: Tx, orgId: string, now: Date): Promise<{ playbooks: number; alerts: number }> {
  const [admin] = await tx.select({ id: memberships.userId }).from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner'))).orderBy(asc(memberships.userId)).limit(1);
  await tx.insert(playbooks).values(DEMO_PLAYBOOKS.map((p) => ({ ...p, orgId, createdBy: admin?.id ?? null, createdAt: new Date(now.getTime() - 30 * DAY_MS) })));
  for (const daysAgo of [21, 7, 0]) await evaluatePlaybooks(tx, orgId, 'all', { now: new Date(now.getTime() - daysAgo * DAY_MS), notify: false });

  const [csm] = await tx.select({ id: users.id }).from(users).innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.orgId, orgId), eq(users.email, 'csm@demo.test'))).limit(1);
  const open = await tx.select({ id: alerts.id, accountId: alerts.accountId }).from(alerts)
    .innerJoin(accounts, and(eq(accounts.orgId, alerts.orgId), eq(accounts.id, alerts.accountId)))
    .where(and(eq(alerts.orgId, orgId), eq(alerts.status, 'open'))).orderBy(asc(accounts.name), asc(alerts.playbookId));
  const [toSnooze, toResolve] = [open[0], open[1]];
  const actor = csm?.id ?? admin?.id ?? null;
  if (toSnooze) {
    const until = new Date(now.getTime() + 10 * DAY_MS);
    await tx.update(alerts).set({ status: 'snoozed', snoozedUntil: until, snoozeReason: 'Waiting for the quarterly business review next week.', snoozedBy: actor })
      .where(and(eq(alerts.orgId, orgId), eq(alerts.id, toSnooze.id)));
  }
  if (toResolve) {
    const note = 'Called the champion; a success plan is agreed for the next 30 days.';
    await tx.update(alerts).set({ status: 'resolved', resolvedAt: now, resolvedBy: actor, resolution: note })
      .where(and(eq(alerts.orgId, orgId), eq(alerts.id, toResolve.id)));
    await tx.insert(accountEvents).values({
      orgId, accountId: toResolve.accountId, kind: 'alert.resolved', occurredAt: now, actorType: 'user', actorId: actor,
      summary: `Alert resolved: ${note}`, data: { alertId: toResolve.id, note, by: 'user' },
    });
  }
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(alerts).where(eq(alerts.orgId, orgId));
  return { playbooks: DEMO_PLAYBOOKS.length, alerts: Number(n) };
}
