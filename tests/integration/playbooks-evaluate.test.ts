import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accounts, alerts, organizations, stakeholders } from '@/db/schema';
import { makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { addRevenue } from './health-fixtures';
import {
  activeUsers, alertsOf, answer, at, day, evaluate, eventsOf, makePlaybook, NOW, pendingRenewal, setHealth,
} from './playbooks-fixtures';

/** An org with a CSM-owned account and a playbook of `trigger`. */
async function setup(trigger: Parameters<typeof makePlaybook>[1], params: Parameters<typeof makePlaybook>[2] = {}, seats?: number) {
  const t = await makeOrg({ roles: ['csm'] });
  const account = await makeAccount(t.org.id, { ownerId: t.users.csm.id, licensedSeats: seats ?? null });
  const playbook = await makePlaybook(t.org.id, trigger, params);
  return { t, orgId: t.org.id, account, playbook };
}

describe('health below a threshold', () => {
  it('opens once, refreshes while below, keeps the alert inside the hysteresis band, and clears at threshold + margin', async () => {
    const { t, orgId, account, playbook } = await setup('health_below', { threshold: 40 });
    await setHealth(orgId, account.id, day(0), 38);
    const first = await evaluate(orgId, [account.id]);
    expect(first.opened).toHaveLength(1);
    let [alert] = await alertsOf(orgId, account.id);
    expect(alert).toMatchObject({ status: 'open', playbookId: playbook.id, assigneeId: t.users.csm.id, priority: 'high', reason: 'Health is 38, below 40', seenCount: 1 });
    expect((await eventsOf(orgId, account.id, 'alert.opened')).map((e) => e.summary)).toEqual([`Alert (${playbook.name}): Health is 38, below 40`]);

    // a repeat updates the same alert ("seen again") instead of opening another
    await setHealth(orgId, account.id, day(1), 36);
    const again = await evaluate(orgId, [account.id], at(1));
    expect(again).toMatchObject({ opened: [], refreshed: [alert.id], resolved: [] });
    [alert] = await alertsOf(orgId, account.id);
    expect(alert).toMatchObject({ seenCount: 2, reason: 'Health is 36, below 40' });
    expect(alert.lastSeenAt.toISOString()).toBe(at(1).toISOString());

    // 40..44 is the dead band: neither refreshed nor cleared
    for (const [offset, score] of [[2, 41], [3, 44], [4, 39], [5, 42]] as const) {
      await setHealth(orgId, account.id, day(offset), score);
      await evaluate(orgId, [account.id], at(offset));
    }
    let all = await alertsOf(orgId, account.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'open', seenCount: 3, reason: 'Health is 39, below 40' });

    await setHealth(orgId, account.id, day(6), 45);
    const cleared = await evaluate(orgId, [account.id], at(6));
    expect(cleared.resolved).toEqual([alert.id]);
    all = await alertsOf(orgId, account.id);
    expect(all[0]).toMatchObject({ status: 'resolved', resolvedBy: null, resolution: 'Condition cleared' });
    expect(await eventsOf(orgId, account.id, 'alert.resolved')).toHaveLength(1);

    // above the threshold nothing opens; below it again a new alert opens
    await setHealth(orgId, account.id, day(7), 42);
    expect((await evaluate(orgId, [account.id], at(7))).opened).toEqual([]);
    await setHealth(orgId, account.id, day(8), 30);
    expect((await evaluate(orgId, [account.id], at(8))).opened).toHaveLength(1);
    all = await alertsOf(orgId, account.id);
    expect(all.map((a) => a.status)).toEqual(['resolved', 'open']);
  });

  it('uses the org\'s hysteresis margin and ignores disabled playbooks, archived accounts and accounts without a score', async () => {
    const { orgId, account, playbook } = await setup('health_below', { threshold: 40 });
    await db.update(organizations).set({ alertHysteresis: 10 }).where(eq(organizations.id, orgId));
    const noScore = await makeAccount(orgId);
    const archived = await makeAccount(orgId, { archivedAt: new Date() });
    await setHealth(orgId, account.id, day(0), 20);
    await setHealth(orgId, archived.id, day(0), 20);
    await evaluate(orgId, 'all');
    expect(await alertsOf(orgId, noScore.id)).toEqual([]);
    expect(await alertsOf(orgId, archived.id)).toEqual([]);
    await setHealth(orgId, account.id, day(1), 49);
    expect((await evaluate(orgId, 'all', at(1))).resolved).toEqual([]);
    await setHealth(orgId, account.id, day(2), 50);
    expect((await evaluate(orgId, 'all', at(2))).resolved).toHaveLength(1);

    const other = await makeAccount(orgId);
    await setHealth(orgId, other.id, day(2), 10);
    await db.update((await import('@/db/schema')).playbooks).set({ enabled: false }).where(eq((await import('@/db/schema')).playbooks.id, playbook.id));
    expect((await evaluate(orgId, 'all', at(2))).opened).toEqual([]);
  });
});

describe('accounts no longer watched: churned and archived', () => {
  it('closes the alerts of a churned account as "Account churned", opens none while it pays nothing, and watches it again when it pays', async () => {
    const { orgId, account } = await setup('health_below', { threshold: 40 });
    const trial = await makeAccount(orgId); // no revenue at all: still watched
    await addRevenue(orgId, account.id, day(-100), 1_000);
    // a churn dated in the future does not count yet
    await addRevenue(orgId, account.id, day(5), 0, 'budget');
    await setHealth(orgId, account.id, day(0), 20);
    await setHealth(orgId, trial.id, day(0), 20);
    expect((await evaluate(orgId, 'all')).opened).toHaveLength(2);
    const [open] = await alertsOf(orgId, account.id);

    await setHealth(orgId, account.id, day(5), 10);
    const churned = await evaluate(orgId, 'all', at(5));
    expect(churned).toMatchObject({ opened: [], resolved: [open.id] });
    expect((await alertsOf(orgId, account.id))[0]).toMatchObject({ status: 'resolved', resolvedBy: null, resolution: 'Account churned' });
    expect((await eventsOf(orgId, account.id, 'alert.resolved')).map((e) => e.summary)).toEqual(['Alert resolved: account churned']);
    expect((await alertsOf(orgId, trial.id))[0]).toMatchObject({ status: 'open' });
    // still red, still churned: nothing opens, nothing is closed twice
    expect(await evaluate(orgId, [account.id], at(6))).toMatchObject({ opened: [], refreshed: [], resolved: [] });

    // it pays again: watched again, and its low score opens a new alert
    await addRevenue(orgId, account.id, day(7), 400);
    await setHealth(orgId, account.id, day(7), 15);
    expect((await evaluate(orgId, [account.id], at(7))).opened).toHaveLength(1);
    expect((await alertsOf(orgId, account.id)).map((a) => a.status)).toEqual(['resolved', 'open']);
  });

  it('closes open and snoozed alerts of an archived account as "Account archived"; other orgs\' alerts stay', async () => {
    const { orgId, account, playbook } = await setup('health_below', { threshold: 40 });
    const second = await makeAccount(orgId);
    const b = await setup('health_below', { threshold: 40 });
    for (const [o, a] of [[orgId, account.id], [orgId, second.id], [b.orgId, b.account.id]] as const) await setHealth(o, a, day(0), 20);
    await evaluate(orgId, 'all');
    await evaluate(b.orgId, 'all');
    await db.update(alerts).set({ status: 'snoozed', snoozedUntil: at(10), snoozeReason: 'QBR' })
      .where(and(eq(alerts.orgId, orgId), eq(alerts.accountId, second.id), eq(alerts.playbookId, playbook.id)));
    await db.update(accounts).set({ archivedAt: at(1) }).where(eq(accounts.orgId, orgId));
    // the org's sweep (all accounts) closes both
    expect((await evaluate(orgId, 'all', at(1))).resolved).toHaveLength(2);
    for (const id of [account.id, second.id]) {
      expect((await alertsOf(orgId, id))[0]).toMatchObject({ status: 'resolved', resolution: 'Account archived' });
    }
    expect((await alertsOf(b.orgId, b.account.id))[0]).toMatchObject({ status: 'open' });
  });
});

describe('health dropped by N points within D days', () => {
  it('fires on a drop of at least N from the highest score in the window, with the days it took', async () => {
    const { orgId, account } = await setup('health_drop', { points: 15, days: 14 });
    await setHealth(orgId, account.id, day(-20), 95); // outside the 14-day window
    await setHealth(orgId, account.id, day(-9), 72);
    await setHealth(orgId, account.id, day(-5), 65);
    await setHealth(orgId, account.id, day(0), 58); // 14 points down: not yet
    expect((await evaluate(orgId, [account.id])).opened).toEqual([]);
    await setHealth(orgId, account.id, day(0), 51);
    expect((await evaluate(orgId, [account.id])).opened).toHaveLength(1);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toBe('Health fell from 72 to 51 in 9 days');
    expect(alert.facts).toMatchObject({ peak: 72, score: 51, peakDay: day(-9) });
    // recovering to a drop of 11 (inside 15 − 5) keeps it; a drop of 10 clears it
    await setHealth(orgId, account.id, day(0), 61);
    expect((await evaluate(orgId, [account.id])).resolved).toEqual([]);
    await setHealth(orgId, account.id, day(0), 62);
    expect((await evaluate(orgId, [account.id])).resolved).toEqual([alert.id]);
  });
});

describe('band changed to red', () => {
  it('fires on the change to red, stays while red, and does not fire for an account that was already red', async () => {
    const { orgId, account } = await setup('band_red');
    const alwaysRed = await makeAccount(orgId);
    await setHealth(orgId, account.id, day(-1), 55);
    await setHealth(orgId, account.id, day(0), 35);
    await setHealth(orgId, alwaysRed.id, day(-1), 30);
    await setHealth(orgId, alwaysRed.id, day(0), 28);
    const r = await evaluate(orgId, 'all');
    expect(r.opened).toHaveLength(1);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toBe('Health turned red (score 35, was yellow)');
    expect(await alertsOf(orgId, alwaysRed.id)).toEqual([]);
    await setHealth(orgId, account.id, day(1), 33);
    expect((await evaluate(orgId, 'all', at(1))).refreshed).toEqual([alert.id]);
    await setHealth(orgId, account.id, day(2), 42); // yellow, but not 40 + 5
    expect((await evaluate(orgId, 'all', at(2))).resolved).toEqual([]);
    await setHealth(orgId, account.id, day(3), 45);
    expect((await evaluate(orgId, 'all', at(3))).resolved).toEqual([alert.id]);
  });
});

describe('detractor answer', () => {
  it('fires for NPS 0–6 and CSAT ≤ 2 with who answered, not for NPS 7 or CSAT 3, and not again for the same answer', async () => {
    const { orgId, account } = await setup('detractor', { days: 30 });
    const quiet = await makeAccount(orgId);
    const jane = await makeStakeholder(orgId, account.id, { name: 'Jane Doe', role: 'champion' });
    await answer(orgId, quiet.id, 'nps', 7, at(-1));
    await answer(orgId, quiet.id, 'csat', 3, at(-1));
    await answer(orgId, account.id, 'nps', 3, at(-2), jane.id);
    const r = await evaluate(orgId, 'all');
    expect(r.opened).toHaveLength(1);
    expect(await alertsOf(orgId, quiet.id)).toEqual([]);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toBe('NPS 3 from Jane Doe (champion)');
    // nothing new: no refresh; a CSAT 2 a day later refreshes it
    expect((await evaluate(orgId, 'all', at(1))).refreshed).toEqual([]);
    await answer(orgId, account.id, 'csat', 2, at(1.5));
    expect((await evaluate(orgId, 'all', at(2))).refreshed).toEqual([alert.id]);
    expect((await alertsOf(orgId, account.id))[0].reason).toBe('CSAT 2');
    // 30 days after the last low answer it clears
    expect((await evaluate(orgId, 'all', at(31))).resolved).toEqual([]);
    expect((await evaluate(orgId, 'all', at(32))).resolved).toEqual([alert.id]);
  });

  it('does not reopen after a member resolved it, until a newer low answer arrives', async () => {
    const { orgId, account } = await setup('detractor', { days: 30 });
    await answer(orgId, account.id, 'nps', 0, at(-1));
    await evaluate(orgId, [account.id]);
    const [alert] = await alertsOf(orgId, account.id);
    await db.execute(`update alerts set status = 'resolved', resolved_at = now() where id = '${alert.id}'`);
    expect((await evaluate(orgId, [account.id], at(1))).opened).toEqual([]);
    await answer(orgId, account.id, 'nps', 5, at(2));
    expect((await evaluate(orgId, [account.id], at(3))).opened).toHaveLength(1);
    expect((await alertsOf(orgId, account.id)).map((a) => [a.status, a.reason])).toEqual([['resolved', 'NPS 0'], ['open', 'NPS 5']]);
  });
});

describe('renewal due while not green', () => {
  it('fires for a pending renewal inside the window while yellow or red; clears at green + margin', async () => {
    const { orgId, account } = await setup('renewal_due', { days: 60 });
    const green = await makeAccount(orgId);
    const later = await makeAccount(orgId);
    await pendingRenewal(orgId, account.id, day(45));
    await pendingRenewal(orgId, green.id, day(10));
    await pendingRenewal(orgId, later.id, day(61));
    await setHealth(orgId, account.id, day(0), 55);
    await setHealth(orgId, green.id, day(0), 80);
    await setHealth(orgId, later.id, day(0), 20);
    expect((await evaluate(orgId, 'all')).opened).toHaveLength(1);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toBe('Renewal due in 45 days (Apr 29, 2026) while health is yellow (55)');
    await setHealth(orgId, account.id, day(0), 72);
    expect((await evaluate(orgId, 'all')).resolved).toEqual([]);
    await setHealth(orgId, account.id, day(0), 75);
    expect((await evaluate(orgId, 'all')).resolved).toEqual([alert.id]);
  });
});

describe('license utilization and active users month over month', () => {
  it('utilization below X % fires with users and seats; clears at X + margin', async () => {
    const { orgId, account } = await setup('low_utilization', { percent: 50 }, 20);
    const noSeats = await makeAccount(orgId);
    await activeUsers(orgId, account.id, day(-3), 9);
    await activeUsers(orgId, account.id, day(-40), 20, 'old'); // outside the 30 days
    await activeUsers(orgId, noSeats.id, day(-3), 1);
    expect((await evaluate(orgId, 'all')).opened).toHaveLength(1);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toMatch(/^License utilization 45 % \(9 active users of 20 seats\), below 50 %/);
    expect(await alertsOf(orgId, noSeats.id)).toEqual([]);
    await activeUsers(orgId, account.id, day(-1), 10); // u0..u9: 10 users = 50 %
    expect((await evaluate(orgId, 'all')).resolved).toEqual([]);
    await activeUsers(orgId, account.id, day(-1), 11);
    expect((await evaluate(orgId, 'all')).resolved).toEqual([alert.id]);
  });

  it('active users down X % fires on the 30 days vs the 30 before; a smaller drop does not', async () => {
    const { orgId, account } = await setup('usage_drop', { percent: 30 });
    const mild = await makeAccount(orgId);
    await activeUsers(orgId, account.id, day(-45), 20);
    await activeUsers(orgId, account.id, day(-2), 13);
    await activeUsers(orgId, mild.id, day(-45), 20);
    await activeUsers(orgId, mild.id, day(-2), 15);
    expect((await evaluate(orgId, 'all')).opened).toHaveLength(1);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toBe('Active users −35 % month over month (13 in the last 30 days, 20 the 30 before)');
    expect(await alertsOf(orgId, mild.id)).toEqual([]);
  });
});

describe('champion left', () => {
  it('fires when a champion left, not for other roles; clears after the window; context shows on other alerts', async () => {
    const { orgId, account } = await setup('champion_left', { days: 90 });
    const userLeft = await makeAccount(orgId);
    await makeStakeholder(orgId, account.id, { name: 'Jane Doe', role: 'champion', leftAt: at(-3) });
    await makeStakeholder(orgId, userLeft.id, { name: 'Sam User', role: 'user', leftAt: at(-3) });
    expect((await evaluate(orgId, 'all')).opened).toHaveLength(1);
    const [alert] = await alertsOf(orgId, account.id);
    expect(alert.reason).toBe('Champion Jane Doe left on Mar 12, 2026');
    expect((await evaluate(orgId, 'all', at(86))).resolved).toEqual([]);
    expect((await evaluate(orgId, 'all', at(87))).resolved).toEqual([alert.id]);

    // the same facts enrich a health alert's reason
    const drop = await makePlaybook(orgId, 'health_drop', { points: 15, days: 14 });
    await db.update(stakeholders).set({ leftAt: at(-3) }).where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.accountId, account.id)));
    await answer(orgId, account.id, 'nps', 3, at(-1), (await db.select().from(stakeholders).where(eq(stakeholders.accountId, account.id)))[0].id);
    await activeUsers(orgId, account.id, day(-45), 20);
    await activeUsers(orgId, account.id, day(-2), 13);
    await setHealth(orgId, account.id, day(-9), 72);
    await setHealth(orgId, account.id, day(0), 51);
    await evaluate(orgId, [account.id]);
    const health = (await alertsOf(orgId, account.id)).find((a) => a.playbookId === drop.id)!;
    expect(health.reason).toBe('Health fell from 72 to 51 in 9 days: NPS 3 from Jane Doe (champion), active users −35 %, champion Jane Doe left');
  });
});

it('NOW is noon UTC on 2026-03-15 (the fixtures\' day arithmetic relies on it)', () => {
  expect(NOW.toISOString()).toBe('2026-03-15T12:00:00.000Z');
});
