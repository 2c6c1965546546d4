import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { alerts, auditLog, organizations } from '@/db/schema';
import { resolveAlertAction, snoozeAlertAction } from '@/lib/actions/alerts';
import { assignAlert, countOpenAlerts, listAccountAlerts, listAlerts, resolveAlert, snoozeAlert } from '@/lib/dal/alerts';
import { addDays, todayIn } from '@/lib/kpi/period';
import { alertParamsSchema } from '@/lib/validation/alerts';
import { expectAppError, makeAccount, makeOrg } from './fixtures';
import { alertsOf, at, day, evaluate, eventsOf, makePlaybook, notificationsOf, setHealth } from './playbooks-fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const filters = (q: Record<string, string> = {}) => alertParamsSchema.parse(q);
const realToday = todayIn('UTC');

/** An org with two CSM-owned accounts at health 30 under a "below 40" playbook (webhook set), evaluated now. */
async function inbox() {
  const t = await makeOrg();
  const orgId = t.org.id;
  const a = await makeAccount(orgId, { ownerId: t.users.csm.id, name: 'Alpha' });
  const b = await makeAccount(orgId, { ownerId: t.users.owner.id, name: 'Bravo' });
  const playbook = await makePlaybook(orgId, 'health_below', { threshold: 40 }, { webhookUrl: 'https://hooks.example.com/x', priority: 'urgent' });
  const low = await makePlaybook(orgId, 'health_below', { threshold: 35 }, { priority: 'low' });
  for (const acc of [a, b]) await setHealth(orgId, acc.id, realToday, 30);
  await evaluate(orgId, 'all', new Date());
  const [alertA] = (await alertsOf(orgId, a.id)).filter((x) => x.playbookId === playbook.id);
  const [alertB] = (await alertsOf(orgId, b.id)).filter((x) => x.playbookId === playbook.id);
  return { t, orgId, a, b, playbook, low, alertA, alertB };
}

describe('inbox', () => {
  it('lists open alerts first by priority, filters by mine / priority / playbook / account / status, and counts the badge', async () => {
    const { t, a, b, playbook, low, alertA } = await inbox();
    const csm = await t.ctx('csm');
    const all = await listAlerts(csm, filters());
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.priority)).toEqual(['urgent', 'urgent', 'low', 'low']);
    expect(all.rows[0]).toMatchObject({ status: 'open', reason: 'Health is 30, below 40', resolvedBySystem: false });
    expect((await listAlerts(csm, filters({ mine: '1' }))).rows.map((r) => r.accountName)).toEqual(['Alpha', 'Alpha']);
    expect((await listAlerts(csm, filters({ priority: 'low' }))).rows.every((r) => r.playbookId === low.id)).toBe(true);
    expect((await listAlerts(csm, filters({ playbook: playbook.id, account: b.id }))).rows.map((r) => r.accountName)).toEqual(['Bravo']);
    expect(await countOpenAlerts(csm)).toEqual({ count: 2, scope: 'mine' });
    expect(await countOpenAlerts(await t.ctx('admin'))).toEqual({ count: 4, scope: 'all' });

    await snoozeAlert(csm, alertA.id, { until: addDays(realToday, 3), reason: 'QBR on Friday' });
    expect((await listAlerts(csm, filters({ status: 'snoozed' }))).rows).toMatchObject([{ id: alertA.id, snoozeReason: 'QBR on Friday' }]);
    expect((await listAlerts(csm, filters({ status: 'open', mine: '1' }))).total).toBe(1);
    expect(await countOpenAlerts(csm)).toEqual({ count: 1, scope: 'mine' });
    expect((await listAccountAlerts(csm, a.id)).active.map((x) => x.status).sort()).toEqual(['open', 'snoozed']);
    // junk in the URL falls back to defaults
    expect(filters({ status: 'nope', priority: 'x', page: '-3', playbook: 'not-a-uuid' })).toEqual({ status: 'active', page: 1 });
  });

  it('CSMs assign, snooze and resolve with audit and timeline entries; the inbox says who resolved it', async () => {
    const { t, orgId, a, alertA } = await inbox();
    const csm = await t.ctx('csm');
    await assignAlert(csm, alertA.id, t.users.admin.id);
    await expectAppError(assignAlert(csm, alertA.id, t.users.viewer.id), 'VALIDATION');
    await resolveAlert(csm, alertA.id, 'Called them; plan agreed.');
    const [row] = await db.select().from(alerts).where(eq(alerts.id, alertA.id));
    expect(row).toMatchObject({ status: 'resolved', resolvedBy: t.users.csm.id, resolution: 'Called them; plan agreed.', assigneeId: t.users.admin.id });
    const listed = (await listAlerts(csm, filters({ status: 'resolved' }))).rows[0];
    expect(listed).toMatchObject({ resolvedByName: t.users.csm.name, resolvedBySystem: false });
    expect((await eventsOf(orgId, a.id, 'alert.resolved')).map((e) => e.summary)).toEqual(['Alert resolved: Called them; plan agreed.']);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, alertA.id)));
    expect(audit.map((x) => x.action).sort()).toEqual(['alert.assigned', 'alert.resolved']);
    await expectAppError(resolveAlert(csm, alertA.id, 'again'), 'CONFLICT');
  });

  it('shows dates as the org\'s calendar days: a snooze "until" a date in Tokyo is that date, not the UTC day before', async () => {
    const { t, orgId, alertA } = await inbox();
    await db.update(organizations).set({ timezone: 'Asia/Tokyo' }).where(eq(organizations.id, orgId));
    const csm = await t.ctx('csm');
    const until = addDays(todayIn('Asia/Tokyo'), 3);
    await snoozeAlert(csm, alertA.id, { until, reason: 'QBR' });
    const [row] = await db.select().from(alerts).where(eq(alerts.id, alertA.id));
    // midnight in Tokyo is 15:00 UTC the day before
    expect(row.snoozedUntil!.toISOString()).toBe(`${addDays(until, -1)}T15:00:00.000Z`);
    const listed = (await listAlerts(csm, filters({ status: 'snoozed' }))).rows.find((r) => r.id === alertA.id)!;
    expect(listed).toMatchObject({ snoozedUntilDay: until, resolvedDay: null });
    expect(listed.openedDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a viewer changes nothing; another org gets NOT_FOUND and sees none of them', async () => {
    const { t, alertA, a } = await inbox();
    const other = await makeOrg();
    const viewer = await t.ctx('viewer');
    await expectAppError(resolveAlert(viewer, alertA.id, 'x'), 'FORBIDDEN');
    await expectAppError(snoozeAlert(viewer, alertA.id, { until: addDays(realToday, 2), reason: 'x' }), 'FORBIDDEN');
    const stranger = await other.ctx('owner');
    await expectAppError(resolveAlert(stranger, alertA.id, 'x'), 'NOT_FOUND');
    await expectAppError(assignAlert(stranger, alertA.id, null), 'NOT_FOUND');
    await expectAppError(snoozeAlert(stranger, alertA.id, { until: addDays(realToday, 2), reason: 'x' }), 'NOT_FOUND');
    await expectAppError(resolveAlert(stranger, 'not-a-uuid', 'x'), 'NOT_FOUND');
    expect((await listAlerts(stranger, filters({ status: 'all' }))).total).toBe(0);
    expect(await listAccountAlerts(stranger, a.id)).toEqual({ active: [], resolved: [] });
    const [row] = await db.select().from(alerts).where(eq(alerts.id, alertA.id));
    expect(row.status).toBe('open');
  });

  it('actions: field errors next to the field, the role check, and success', async () => {
    const { t, orgId, alertA } = await inbox();
    signIn(t.users.csm);
    const bad = await snoozeAlertAction(t.org.slug, null, form({ alertId: alertA.id, until: realToday, reason: '' }));
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { reason: ['Say why you snooze it.'] } });
    const past = await snoozeAlertAction(t.org.slug, null, form({ alertId: alertA.id, until: realToday, reason: 'Busy' }));
    expect(past).toMatchObject({ ok: false, fieldErrors: { until: [`Choose a date after today (${realToday}).`] } });
    expect(await snoozeAlertAction(t.org.slug, null, form({ alertId: alertA.id, until: addDays(realToday, 1), reason: 'Busy' }))).toMatchObject({ ok: true });
    signIn(t.users.viewer);
    expect(await resolveAlertAction(t.org.slug, null, form({ alertId: alertA.id, note: 'x' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await alertsOf(orgId, alertA.accountId)).find((x) => x.id === alertA.id)?.status).toBe('snoozed');
  });
});

describe('snooze and resolve against the evaluation', () => {
  it('a snoozed alert gets no notification and is not reopened or cleared until its date; then it reopens and notifies', async () => {
    const t = await makeOrg({ roles: ['csm'] });
    const orgId = t.org.id;
    const acc = await makeAccount(orgId, { ownerId: t.users.csm.id });
    await makePlaybook(orgId, 'health_below', { threshold: 40 }, { webhookUrl: 'https://hooks.example.com/x' });
    await setHealth(orgId, acc.id, day(0), 30);
    await evaluate(orgId, [acc.id]);
    const [alert] = await alertsOf(orgId, acc.id);
    expect(await notificationsOf(orgId, alert.id)).toHaveLength(1);
    await db.update(alerts).set({ status: 'snoozed', snoozedUntil: at(5), snoozeReason: 'QBR' }).where(eq(alerts.id, alert.id));

    await setHealth(orgId, acc.id, day(2), 28);
    expect(await evaluate(orgId, [acc.id], at(2))).toMatchObject({ opened: [], refreshed: [alert.id], notifications: [] });
    await setHealth(orgId, acc.id, day(3), 60); // cleared, but snoozed: stays until its date
    expect((await evaluate(orgId, [acc.id], at(3))).resolved).toEqual([]);
    expect((await alertsOf(orgId, acc.id)).map((x) => x.status)).toEqual(['snoozed']);
    await setHealth(orgId, acc.id, day(4), 25);
    await evaluate(orgId, [acc.id], at(4));
    expect(await notificationsOf(orgId, alert.id)).toHaveLength(1);

    await setHealth(orgId, acc.id, day(6), 24);
    const after = await evaluate(orgId, [acc.id], at(6));
    expect(after.opened).toEqual([alert.id]);
    expect(after.notifications).toHaveLength(1);
    expect((await alertsOf(orgId, acc.id)).map((x) => x.status)).toEqual(['open']);
  });

  it('resolved by hand while the condition holds: no new alert until it has cleared once', async () => {
    const t = await makeOrg({ roles: ['csm'] });
    const orgId = t.org.id;
    const acc = await makeAccount(orgId, { ownerId: t.users.csm.id });
    await makePlaybook(orgId, 'health_below', { threshold: 40 });
    await setHealth(orgId, acc.id, realToday, 30);
    await evaluate(orgId, [acc.id], new Date());
    const [alert] = await alertsOf(orgId, acc.id);
    await resolveAlert(await t.ctx('csm'), alert.id, 'Known: migration in progress.');
    expect((await evaluate(orgId, [acc.id], new Date())).opened).toEqual([]);
    await setHealth(orgId, acc.id, realToday, 46);
    await evaluate(orgId, [acc.id], new Date());
    await setHealth(orgId, acc.id, realToday, 30);
    expect((await evaluate(orgId, [acc.id], new Date())).opened).toHaveLength(1);
    expect((await alertsOf(orgId, acc.id)).map((x) => x.status)).toEqual(['resolved', 'open']);
  });
});
