import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryRows } from '@/db';
import { auditLog, organizations, usageDaily, usageMonthly } from '@/db/schema';
import { recordUsageEvents } from '@/lib/dal/usage';
import { auditEntries, expectAppError, makeAccount, makeOrg } from './fixtures';

async function setup(timezone = 'Europe/Berlin') {
  const o = await makeOrg();
  await db.update(organizations).set({ timezone }).where(eq(organizations.id, o.org.id));
  const csm = await o.ctx('csm');
  const account = await makeAccount(csm);
  return { ...o, csm, account };
}

const dailyOf = (orgId: string) =>
  db.select({ accountId: usageDaily.accountId, day: usageDaily.day, userKey: usageDaily.userKey, sessions: usageDaily.sessions, events: usageDaily.events, features: usageDaily.features })
    .from(usageDaily).where(eq(usageDaily.orgId, orgId)).orderBy(usageDaily.day, usageDaily.userKey);

const monthlyOf = (orgId: string) =>
  db.select({ accountId: usageMonthly.accountId, month: usageMonthly.month, activeUsers: usageMonthly.activeUsers, activeDays: usageMonthly.activeDays, sessions: usageMonthly.sessions, events: usageMonthly.events, featuresUsed: usageMonthly.featuresUsed })
    .from(usageMonthly).where(eq(usageMonthly.orgId, orgId)).orderBy(usageMonthly.accountId, usageMonthly.month);

/** usage_monthly recomputed from scratch out of every usage_daily row, in JavaScript (independent of the SQL under test). */
async function monthlyFromScratch(orgId: string) {
  const groups = new Map<string, { users: Set<string>; days: Set<string>; sessions: number; events: number; features: Set<string> }>();
  for (const r of await dailyOf(orgId)) {
    const key = `${r.accountId}|${r.day.slice(0, 7)}-01`;
    const g = groups.get(key) ?? { users: new Set(), days: new Set(), sessions: 0, events: 0, features: new Set() };
    g.users.add(r.userKey);
    g.days.add(r.day);
    g.sessions += r.sessions;
    g.events += r.events;
    for (const f of Object.keys(r.features)) g.features.add(f);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => ({
    accountId: key.split('|')[0], month: key.split('|')[1], activeUsers: g.users.size, activeDays: g.days.size,
    sessions: g.sessions, events: g.events, featuresUsed: [...g.features].sort(),
  }));
}

describe('recordUsageEvents: validation', () => {
  it('names the bad event and field, refuses future events and oversized batches, and writes nothing', async () => {
    const { csm, account, org } = await setup();
    const fields = async (events: unknown[]) => (await expectAppError(recordUsageEvents(csm, events as never), 'VALIDATION')).fieldErrors;
    const ok = { accountId: account.id, userKey: 'u1', occurredAt: '2025-01-01T10:00:00Z' };
    expect(await fields([ok, { ...ok, userKey: '  ' }])).toEqual({ '1.userKey': ['Give the user key.'] });
    expect(await fields([{ ...ok, occurredAt: 'soon' }])).toEqual({ '0.occurredAt': ['Use a timestamp like 2026-03-01T09:30:00Z.'] });
    expect(Object.keys((await fields([{ ...ok, featureKey: 'two words' }]))!)).toEqual(['0.featureKey']);
    expect(Object.keys((await fields([{ ...ok, sessions: -1 }]))!)).toEqual(['0.sessions']);
    expect(await fields([ok, { ...ok, occurredAt: new Date(Date.now() + 3 * 3_600_000) }])).toEqual({ '1.occurredAt': ['That moment is in the future.'] });
    expect(await fields(Array.from({ length: 10_001 }, () => ok))).toEqual({ _: ['Send at most 10,000 events at a time.'] });
    expect(await recordUsageEvents(csm, [])).toEqual({ events: 0, dailyRows: 0, months: 0 });
    expect(await dailyOf(org.id)).toEqual([]);
  });
});

describe('recordUsageEvents: roll-up', () => {
  it('counts an event for the day in the org\'s timezone (Europe/Berlin, winter and summer time)', async () => {
    const { csm, account, org } = await setup('Europe/Berlin');
    await recordUsageEvents(csm, [
      { accountId: account.id, userKey: 'winter', occurredAt: '2025-01-15T23:30:00Z' }, // 00:30 CET on the 16th
      { accountId: account.id, userKey: 'summer-late', occurredAt: '2025-07-15T22:30:00Z' }, // 00:30 CEST on the 16th
      { accountId: account.id, userKey: 'summer-early', occurredAt: '2025-07-15T21:30:00Z' }, // 23:30 CEST on the 15th
      { accountId: account.id, userKey: 'month-end', occurredAt: '2025-01-31T23:30:00Z' }, // February 1st in Berlin
    ]);
    expect((await dailyOf(org.id)).map((r) => [r.userKey, r.day])).toEqual([
      ['winter', '2025-01-16'], ['month-end', '2025-02-01'], ['summer-early', '2025-07-15'], ['summer-late', '2025-07-16'],
    ]);
    expect((await monthlyOf(org.id)).map((m) => [m.month, m.activeUsers])).toEqual([['2025-01-01', 1], ['2025-02-01', 1], ['2025-07-01', 2]]);
  });

  it('adds sessions and events and merges feature counts into one row per user and day; emails are hashed', async () => {
    const { csm, account, org } = await setup('UTC');
    const at = '2025-03-10T09:00:00Z';
    const result = await recordUsageEvents(csm, [
      { accountId: account.id, userKey: 'Ana@Example.com', occurredAt: at, featureKey: 'Reports', sessions: 1 },
      { accountId: account.id, userKey: ' ana@example.COM ', occurredAt: '2025-03-10T15:00:00Z', featureKey: 'alerts' },
      { accountId: account.id, userKey: 'ana@example.com', occurredAt: at, featureKey: 'reports' },
    ]);
    expect(result).toEqual({ events: 3, dailyRows: 1, months: 1 });
    await recordUsageEvents(csm, [
      { accountId: account.id, userKey: 'ANA@example.com', occurredAt: '2025-03-10T18:00:00Z', featureKey: 'reports', sessions: 2 },
      { accountId: account.id, userKey: 'ana@example.com', occurredAt: '2025-03-10T18:05:00Z', featureKey: 'exports' },
      { accountId: account.id, userKey: 'ana@example.com', occurredAt: '2025-03-10T18:06:00Z' },
    ]);
    const hash = createHash('sha256').update('ana@example.com').digest('hex');
    expect(await dailyOf(org.id)).toEqual([
      { accountId: account.id, day: '2025-03-10', userKey: hash, sessions: 3, events: 6, features: { reports: 3, alerts: 1, exports: 1 } },
    ]);
    expect(await monthlyOf(org.id)).toEqual([
      { accountId: account.id, month: '2025-03-01', activeUsers: 1, activeDays: 1, sessions: 3, events: 6, featuresUsed: ['alerts', 'exports', 'reports'] },
    ]);
    expect((await auditEntries(org.id, 'usage.recorded')).map((a) => a.after)).toEqual([
      { events: 3, dailyRows: 1, months: 1, accounts: 1 },
      { events: 3, dailyRows: 1, months: 1, accounts: 1 },
    ]);
  });

  it('keeps usage_monthly equal to a recomputation from scratch, recomputing only the touched months', async () => {
    const { csm, account, org } = await setup('America/New_York');
    const second = await makeAccount(csm);
    // a stale row for a month no batch touches must stay as it is
    await db.insert(usageMonthly).values({ orgId: org.id, accountId: second.id, month: '2024-06-01', activeUsers: 99 });
    let n = 0;
    for (let batch = 0; batch < 4; batch++) {
      const events = Array.from({ length: 250 }, () => {
        n++;
        const day = 1 + ((n * 7) % 59); // January and February 2025
        const hour = (n * 5) % 24;
        return {
          accountId: n % 3 === 0 ? second.id : account.id,
          userKey: n % 4 === 0 ? `User${n % 9}@Example.com` : `u-${n % 11}`,
          occurredAt: new Date(Date.UTC(2025, 0, day, hour, n % 60)).toISOString(),
          featureKey: ['dashboards', 'reports', 'api', null][n % 4],
          sessions: n % 3,
        };
      });
      await recordUsageEvents(csm, events);
    }
    const expected = await monthlyFromScratch(org.id);
    // New York is behind UTC: the first hours of January 1st (UTC) are December 31st there
    expect(expected.map((m) => m.month)).toContain('2024-12-01');
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const stored = (await monthlyOf(org.id)).filter((m) => m.month !== '2024-06-01');
    expect(stored).toEqual(expect.arrayContaining(expected));
    expect(stored).toHaveLength(expected.length);
    const totals = await queryRows<{ events: number }>(db, sql`select sum(events)::int as events from usage_daily where org_id = ${org.id}`);
    expect(totals[0].events).toBe(1000);
    const [stale] = await db.select().from(usageMonthly).where(and(eq(usageMonthly.orgId, org.id), eq(usageMonthly.month, '2024-06-01')));
    expect(stale.activeUsers).toBe(99);
  });

  it('takes a batch of 10,000 events in one call', async () => {
    const { csm, account, org } = await setup('UTC');
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      accountId: account.id, userKey: `u${i % 25}`, occurredAt: new Date(Date.UTC(2025, 4, 1 + (Math.floor(i / 25) % 30), 12)).toISOString(), featureKey: 'dashboards', sessions: 1,
    }));
    const started = performance.now();
    expect(await recordUsageEvents(csm, events)).toEqual({ events: 10_000, dailyRows: 750, months: 1 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await monthlyOf(org.id)).toEqual([
      { accountId: account.id, month: '2025-05-01', activeUsers: 25, activeDays: 30, sessions: 10_000, events: 10_000, featuresUsed: ['dashboards'] },
    ]);
  });
});

describe('usage tenancy, roles and API callers', () => {
  it('a batch naming another org\'s account is NOT_FOUND as a whole; nothing is written anywhere', async () => {
    const a = await setup();
    const b = await setup();
    const bOwner = await b.ctx('owner');
    const err = await expectAppError(recordUsageEvents(bOwner, [
      { accountId: b.account.id, userKey: 'u', occurredAt: '2025-01-01T10:00:00Z' },
      { accountId: a.account.id, userKey: 'u', occurredAt: '2025-01-01T10:00:00Z' },
    ]), 'NOT_FOUND');
    expect(err.message).toBe(`Account ${a.account.id} was not found.`);
    await expectAppError(recordUsageEvents(bOwner, [{ accountId: 'junk', userKey: 'u', occurredAt: '2025-01-01T10:00:00Z' }]), 'NOT_FOUND');
    expect(await dailyOf(a.org.id)).toEqual([]);
    expect(await dailyOf(b.org.id)).toEqual([]);
    expect(await db.$count(auditLog, and(eq(auditLog.orgId, b.org.id), eq(auditLog.action, 'usage.recorded')))).toBe(0);
  });

  it('refuses a viewer; an API-key caller writes with its own actor', async () => {
    const { account, org, ctx } = await setup();
    await expectAppError(recordUsageEvents(await ctx('viewer'), [{ accountId: account.id, userKey: 'u', occurredAt: '2025-01-01T10:00:00Z' }]), 'FORBIDDEN');
    await recordUsageEvents({ orgId: org.id, actor: { type: 'api_key', id: 'key-1' } }, [{ accountId: account.id, userKey: 'u', occurredAt: '2025-01-01T10:00:00Z' }]);
    expect((await dailyOf(org.id)).map((r) => r.userKey)).toEqual(['u']);
    expect((await auditEntries(org.id, 'usage.recorded'))[0]).toMatchObject({ actorType: 'api_key', actorId: 'key-1' });
  });
});

describe('recordUsageEvents: per-user months (usage_user_months)', () => {
  it('keeps the active-day bitmasks equal to a recomputation from usage_daily, and MAU equal to distinct users', async () => {
    const { csm, account, org, ctx } = await setup('UTC');
    const second = await makeAccount(csm, { licensedSeats: 7 });
    // January to March 2024 (29 February: a leap year), then 31 January to 1 March 2025; later batches add days to
    // user-months an earlier batch already wrote
    const days = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-15', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02',
      '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-28', '2025-03-01'];
    let n = 0;
    for (let batch = 0; batch < 3; batch++) {
      const events = Array.from({ length: 120 }, () => {
        n++;
        return {
          accountId: n % 3 === 0 ? second.id : account.id,
          userKey: `u-${(n * 7) % 13}`,
          occurredAt: `${days[(n * 5 + batch) % days.length]}T${String(n % 24).padStart(2, '0')}:00:00Z`,
        };
      });
      await recordUsageEvents(csm, events);
    }
    const daily = await dailyOf(org.id);
    const masks = new Map<string, number>();
    for (const r of daily) {
      const key = `${r.accountId}|${r.day.slice(0, 7)}-01|${r.userKey}`;
      masks.set(key, (masks.get(key) ?? 0) + 2 ** (Number(r.day.slice(8, 10)) - 1));
    }
    const stored = await queryRows<{ account_id: string; month: string; user_key: string; active_days: number }>(db, sql`
      select account_id, to_char(month, 'YYYY-MM-DD') as month, user_key, active_days from usage_user_months where org_id = ${org.id}`);
    expect(new Map(stored.map((r) => [`${r.account_id}|${r.month}|${r.user_key}`, r.active_days]))).toEqual(masks);
    expect(stored.some((r) => r.month === '2024-02-01' && (r.active_days & 2 ** 28) !== 0)).toBe(true); // 29 February

    const { getUsageKpis } = await import('@/lib/dal/kpis');
    const viewer = await ctx('viewer');
    const dayMs = 86_400_000;
    // as of 1 March 2025 the window reaches back to 31 January (three months); 1 March 2024 to 1 February (two)
    for (const asOf of ['2024-02-29', '2024-03-01', '2024-03-02', '2024-03-30', '2025-02-28', '2025-03-01', '2025-03-02']) {
      const start = new Date(Date.parse(asOf) - 29 * dayMs).toISOString().slice(0, 10);
      const active = new Set(daily.filter((r) => r.day >= start && r.day <= asOf).map((r) => `${r.accountId}|${r.userKey}`));
      const seatUsers = [...active].filter((k) => k.startsWith(second.id) || (account.licensedSeats ?? 0) > 0).length;
      const kpis = await getUsageKpis(viewer, undefined, asOf);
      expect({ asOf, mau: kpis.mau.value }).toEqual({ asOf, mau: active.size });
      expect(kpis.utilization.detail).toEqual({ activeUsers: seatUsers, seats: 7 + Math.max(0, account.licensedSeats ?? 0) });
    }
  });
});

describe('recordUsageEvents: per-feature months (usage_feature_months, usage_feature_keys)', () => {
  it('keeps the feature day bitmasks and the org\'s keys per month equal to a recomputation from usage_daily', async () => {
    const { csm, account, org } = await setup('UTC');
    const second = await makeAccount(csm);
    const other = await setup('UTC');
    await recordUsageEvents(other.csm, [{ accountId: other.account.id, userKey: 'x', occurredAt: '2024-02-10T10:00:00Z', featureKey: 'theirs' }]);
    const days = ['2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-31'];
    const features = ['reports', 'alerts', 'api', undefined];
    let n = 0;
    for (let batch = 0; batch < 2; batch++) {
      await recordUsageEvents(csm, Array.from({ length: 60 }, () => {
        n++;
        return {
          accountId: n % 4 === 0 ? second.id : account.id, userKey: `u-${n % 5}`,
          occurredAt: `${days[(n * 3 + batch) % days.length]}T12:00:00Z`, featureKey: features[(n + batch) % features.length],
        };
      }));
    }
    const masks = new Map<string, number>();
    const keys = new Set<string>();
    for (const r of await dailyOf(org.id)) {
      for (const f of Object.keys(r.features)) {
        const key = `${r.accountId}|${r.day.slice(0, 7)}-01|${f}`;
        const bit = 2 ** (Number(r.day.slice(8, 10)) - 1);
        masks.set(key, (masks.get(key) ?? 0) | bit);
        keys.add(`${r.day.slice(0, 7)}-01|${f}`);
      }
    }
    expect(masks.size).toBeGreaterThan(10);
    const stored = await queryRows<{ account_id: string; month: string; feature_key: string; active_days: number }>(db, sql`
      select account_id, to_char(month, 'YYYY-MM-DD') as month, feature_key, active_days from usage_feature_months where org_id = ${org.id}`);
    expect(new Map(stored.map((r) => [`${r.account_id}|${r.month}|${r.feature_key}`, r.active_days]))).toEqual(masks);
    expect(stored.some((r) => r.month === '2024-03-01' && (r.active_days & 2 ** 30) !== 0)).toBe(true); // 31 March
    const storedKeys = await queryRows<{ k: string }>(db, sql`
      select to_char(month, 'YYYY-MM-DD') || '|' || feature_key as k from usage_feature_keys where org_id = ${org.id}`);
    expect(new Set(storedKeys.map((r) => r.k))).toEqual(keys);
  });
});
