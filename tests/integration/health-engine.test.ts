import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accounts, healthScores, organizations } from '@/db/schema';
import { gatherInputs } from '@/lib/health/inputs';
import { currentPairs, endOfDayPairs } from '@/lib/health/inputs-sql';
import { recomputeHealth } from '@/lib/health/recompute';
import { makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { addAnswers, addEvent, addTicket, addUsage, at, daysAgo } from './health-fixtures';

async function scoreRow(orgId: string, accountId: string) {
  const [row] = await db.select().from(healthScores)
    .where(and(eq(healthScores.orgId, orgId), eq(healthScores.accountId, accountId), eq(healthScores.day, daysAgo(0))));
  return row;
}

/** An org tracking four features, with one account whose every input is hand-built. */
async function constructed() {
  const { org } = await makeOrg({ roles: [] });
  await db.update(organizations).set({ trackedFeatureKeys: ['a', 'b', 'c', 'd'] }).where(eq(organizations.id, org.id));
  const acc = await makeAccount(org.id, { licensedSeats: 10 });
  await addUsage(org.id, acc.id, [
    { user: 'u1', days: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], features: ['a'] },
    { user: 'u2', days: [5, 20], features: ['b'] },
    { user: 'u3', days: [40], features: ['c'] },
    { user: 'u4', days: [35, 45] },
  ]);
  await addAnswers(org.id, acc.id, 'nps', [{ score: 10, daysAgo: 3 }, { score: 9, daysAgo: 50 }, { score: 3, daysAgo: 170 }, { score: 0, daysAgo: 200 }]);
  await addAnswers(org.id, null, 'nps', [{ score: 0, daysAgo: 1 }]);
  await addAnswers(org.id, acc.id, 'csat', [{ score: 5, daysAgo: 10 }, { score: 2, daysAgo: 11 }]);
  await addAnswers(org.id, acc.id, 'ces', [{ score: 7, daysAgo: 10 }, { score: 4, daysAgo: 12 }]);
  await addTicket(org.id, acc.id, { opened: 5 });
  await addTicket(org.id, acc.id, { opened: 2, priority: 'high' });
  await addTicket(org.id, acc.id, { opened: 20, closed: 10, priority: 'urgent' });
  await makeStakeholder(org.id, acc.id, { role: 'champion', lastContactedAt: at(10) });
  const user = await makeStakeholder(org.id, acc.id, { role: 'user', lastContactedAt: at(200) });
  await addEvent(org.id, acc.id, 'stakeholder.contacted', 80, { stakeholderId: user.id });
  await makeStakeholder(org.id, acc.id, { role: 'champion', leftAt: at(30), lastContactedAt: at(35) });
  return { org, acc };
}

describe('health inputs and factors', () => {
  it('computes every factor of a constructed account and the weighted score', async () => {
    const { org, acc } = await constructed();
    expect(await recomputeHealth(db, org.id, [acc.id])).toBe(1);
    const row = await scoreRow(org.id, acc.id);
    const f = row.factors;
    // 11 active days in 28 (days 0–9 and 20) ÷ 20
    expect(f.usageFrequency.value).toBeCloseTo(55, 10);
    // u1, u2 in the last 30 days of 10 seats
    expect(f.licenseUtilization.value).toBeCloseTo(20, 10);
    // a and b of 4 tracked (c was used 40 days ago)
    expect(f.featureAdoption.value).toBeCloseTo(50, 10);
    // 2 users now, 2 (u3, u4) in the 30 days before: r = 1
    expect(f.usageTrend.value).toBeCloseTo(50, 10);
    // 10, 9, 3 in 180 days (the 200-day-old 0 and the anonymous 0 do not count): NPS 33.3…
    expect(f.nps.value).toBeCloseTo((100 / 3 + 100) / 2, 10);
    expect(f.csat.value).toBeCloseTo(50, 10);
    // mean 5.5 → 4.5 ÷ 6
    expect(f.ces.value).toBeCloseTo(75, 10);
    // two open (one high), the closed urgent one does not count: 100 − 30 − 25
    expect(f.support.value).toBe(45);
    // champion present 40 + champion contacted in 60 d 30 + two contacted in 90 d 30 − champion left 40
    expect(f.relationship.value).toBe(60);
    expect(f.usageFrequency.weight).toBeCloseTo(0.2, 12);
    expect(f.usageFrequency.points).toBeCloseTo(11, 10);
    expect(f.nps.points).toBeCloseTo(10, 10);
    // 11 + 3 + 5 + 5 + 10 + 2.5 + 3.75 + 4.5 + 6
    expect(row.rawScore).toBeCloseTo(50.75, 4);
    expect(row).toMatchObject({ score: 51, band: 'yellow', missing: [], configVersion: 0 });
    const [a] = await db.select().from(accounts).where(and(eq(accounts.orgId, org.id), eq(accounts.id, acc.id)));
    expect(a).toMatchObject({ healthScore: 51, healthBand: 'yellow' });
    expect(a.healthUpdatedAt).toBeInstanceOf(Date);
  });

  it('spreads a missing factor\'s weight over the present ones', async () => {
    const { org } = await constructed();
    const bare = await makeAccount(org.id, { licensedSeats: null });
    await recomputeHealth(db, org.id, [bare.id]);
    const row = await scoreRow(org.id, bare.id);
    // present: usage frequency 0 (20), adoption 0 (10), support 100 (10) → 100 × 10/40
    expect(row.missing.sort()).toEqual(['ces', 'csat', 'licenseUtilization', 'nps', 'relationship', 'usageTrend']);
    expect(row.factors.support).toEqual({ value: 100, weight: 0.25, points: 25 });
    expect(row.factors.usageFrequency).toEqual({ value: 0, weight: 0.5, points: 0 });
    expect(row.factors.nps).toEqual({ value: null, weight: 0, points: null });
    expect(row).toMatchObject({ score: 25, band: 'red' });
  });

  it('applies the org-level missing rules: no usage, no tracked features, never a ticket', async () => {
    const { org } = await makeOrg({ roles: [] });
    const acc = await makeAccount(org.id, { licensedSeats: 5 });
    await makeStakeholder(org.id, acc.id, { role: 'champion' });
    await recomputeHealth(db, org.id, 'all');
    const row = await scoreRow(org.id, acc.id);
    expect(row.missing.sort()).toEqual(['ces', 'csat', 'featureAdoption', 'licenseUtilization', 'nps', 'support', 'usageFrequency', 'usageTrend']);
    // only the relationship factor: champion present, nobody contacted
    expect(row).toMatchObject({ score: 40, band: 'yellow' });

    // usage arrives, with no tracked list: every key seen in 90 days is tracked (x, y), and zero use is a 0, not a gap
    const other = await makeAccount(org.id, { licensedSeats: 5 });
    await addUsage(org.id, other.id, [{ user: 'v', days: [1], features: ['x', 'y'] }]);
    await addTicket(org.id, other.id, { opened: 400, closed: 399 });
    await recomputeHealth(db, org.id, 'all');
    const after = await scoreRow(org.id, acc.id);
    expect(after.factors.usageFrequency.value).toBe(0);
    expect(after.factors.licenseUtilization.value).toBe(0);
    expect(after.factors.featureAdoption.value).toBe(0);
    expect(after.factors.support.value).toBe(100);
    expect((await scoreRow(org.id, other.id)).factors.featureAdoption.value).toBe(100);

    // an org that tracks nothing on purpose has no adoption factor
    await db.update(organizations).set({ trackedFeatureKeys: [] }).where(eq(organizations.id, org.id));
    await recomputeHealth(db, org.id, [other.id]);
    expect((await scoreRow(org.id, other.id)).missing).toContain('featureAdoption');
  });

  it('a recompute on the same day replaces the row; another org\'s rows are never touched', async () => {
    const { org, acc } = await constructed();
    const b = await makeOrg({ roles: [] });
    const bAcc = await makeAccount(b.org.id);
    await recomputeHealth(db, org.id, 'all');
    const before = await db.select().from(healthScores).where(eq(healthScores.orgId, org.id));
    // org B's recompute, even handed org A's account id, writes only B's rows
    expect(await recomputeHealth(db, b.org.id, [acc.id, bAcc.id])).toBe(1);
    expect(await db.select().from(healthScores).where(eq(healthScores.orgId, org.id))).toEqual(before);
    await addTicket(org.id, acc.id, { opened: 1 });
    await recomputeHealth(db, org.id, [acc.id]);
    const rows = await db.select().from(healthScores).where(eq(healthScores.orgId, org.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].factors.support.value).toBe(30);
  });

  it('reads the same inputs whether the pairs are read as wide (whole-org scans) or narrow (per-account probes)', async () => {
    const { org, acc } = await constructed();
    const quiet = await makeAccount(org.id, { licensedSeats: 3 });
    // another org's usage, answers, tickets and contacts on the same days must not leak into a whole-org scan
    const b = await makeOrg({ roles: [] });
    const bAcc = await makeAccount(b.org.id, { licensedSeats: 10 });
    await addUsage(b.org.id, bAcc.id, [{ user: 'u1', days: [0, 1, 2, 35], features: ['a', 'b', 'c', 'd'] }]);
    await addTicket(b.org.id, bAcc.id, { opened: 3, priority: 'urgent' });
    const bStake = await makeStakeholder(b.org.id, bAcc.id, { role: 'champion' });
    await addEvent(b.org.id, bAcc.id, 'stakeholder.contacted', 5, { stakeholderId: bStake.id });
    const ids = [acc.id, quiet.id];
    const read = (pairs: Parameters<typeof gatherInputs>[2]) =>
      db.transaction(async (tx) => (await gatherInputs(tx, org.id, pairs)).sort((x, y) => x.accountId.localeCompare(y.accountId)));
    const narrow = await read({ ...currentPairs(org.id, ids), wide: false });
    expect(narrow).toHaveLength(2);
    expect(narrow.find((i) => i.accountId === acc.id)).toMatchObject({ users30: 2, usersPrev30: 2, featuresUsed30: 2, trackedFeatures: 4, openTickets: 2 });
    expect(await read({ ...currentPairs(org.id, ids), wide: true })).toEqual(narrow);
    expect(await read(currentPairs(org.id, 'all'))).toEqual(narrow);
    // as-of pairs (the backtest's shape) over several days agree too
    const asOf = ids.flatMap((accountId) => [0, 20, 40].map((d) => ({ accountId, day: daysAgo(d) })));
    const narrowAsOf = await read({ ...endOfDayPairs(org.id, asOf), wide: false });
    expect(narrowAsOf).toHaveLength(6);
    expect(await read({ ...endOfDayPairs(org.id, asOf), wide: true })).toEqual(narrowAsOf);
  });
});
