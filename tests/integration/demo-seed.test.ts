// The only test file that seeds the `demo` org: its slug is unique, so on a shared PostgreSQL a
// second file seeding it would find it already there. Keep every demo-seed assertion here.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, queryRows } from '@/db';
import { accountEvents, accounts, memberships, organizations, stakeholders, usageMonthly, users } from '@/db/schema';
import { DEMO_LOGINS, DEMO_PASSWORD, generateDemo, seedDemo, type SeedResult } from '@/db/seed/demo';
import { verifyPassword } from '@/lib/auth/password';

const now = new Date('2026-06-15T12:00:00Z');
const DAY_MS = 86_400_000;

describe('generateDemo', () => {
  it('gives identical rows, ids included, for the same seed and different ones for another', () => {
    const a = generateDemo({ seed: 7, now });
    expect(generateDemo({ seed: 7, now })).toEqual(a);
    expect(a.accounts[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateDemo({ seed: 8, now }).accounts.map((x) => x.id)).not.toEqual(a.accounts.map((x) => x.id));
  });

  it('keeps timelines ordered and in the past, contracts in the last 24 months, renewals ahead', () => {
    const d = generateDemo({ now });
    const today = now.toISOString().slice(0, 10);
    const twoYearsAgo = new Date(now.getTime() - 731 * DAY_MS).toISOString().slice(0, 10);
    for (const a of d.accounts) {
      expect(a.contractStart! >= twoYearsAgo && a.contractStart! <= today).toBe(true);
      // a churned account has no renewal ahead (see the revenue story below)
      if (!a.nextRenewalDate) continue;
      expect(a.nextRenewalDate > today).toBe(true);
      expect(a.nextRenewalDate.slice(5)).toBe(a.contractStart!.slice(5).replace('02-29', '03-01'));
    }
    const times = new Map<string, number>();
    for (const e of d.accountEvents) {
      expect(e.occurredAt.getTime()).toBeLessThan(now.getTime());
      expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(times.get(e.accountId) ?? 0);
      times.set(e.accountId, e.occurredAt.getTime());
      if (e.actorType === 'user') expect(d.users.map((u) => u.id)).toContain(e.actorId);
    }
    const segments = new Set(d.accounts.map((a) => a.segment));
    expect([...segments].sort()).toEqual(['enterprise', 'mid_market', 'smb']);
  });

  it('adds a CSM per ~200 accounts for big portfolios', () => {
    const d = generateDemo({ accounts: 1_000, now });
    expect(d.accounts.filter((a) => a.orgId === d.organizations[0].id)).toHaveLength(1_000);
    expect(d.users.map((u) => u.email)).toEqual(expect.arrayContaining(['csm3@demo.test', 'csm5@demo.test']));
    expect(new Set(d.accounts.map((a) => `${a.orgId}/${a.externalId}`)).size).toBe(d.accounts.length);
  });
});

describe('generateDemo: the revenue story', () => {
  const d = generateDemo({ now });
  const demoOrg = d.organizations[0].id;
  const accs = d.accounts.filter((a) => a.orgId === demoOrg);
  const changesOf = (id: string) => d.revenueChanges.filter((r) => r.accountId === id);
  const lastMrr = (id: string) => changesOf(id).at(-1)!.mrr;
  const BANDS = { smb: [20_000, 150_000], mid_market: [150_000, 800_000], enterprise: [800_000, 6_000_000] } as const;

  it('starts every account at its contract start within its segment\'s MRR band, and churns 10-15 % of them once', () => {
    let reactivations = 0;
    for (const a of accs) {
      const seq = changesOf(a.id);
      expect(seq[0].effectiveDate).toBe(a.contractStart);
      for (const r of seq) if (r.mrr > 0) expect(r.mrr).toBeGreaterThanOrEqual(BANDS[a.segment!][0]);
      for (const r of seq) expect(r.mrr).toBeLessThanOrEqual(BANDS[a.segment!][1]);
      seq.forEach((r, i) => {
        if (i > 0 && seq[i - 1].mrr === 0 && r.mrr > 0) reactivations++;
        expect(r.mrr === 0).toBe(r.churnReason !== null);
      });
    }
    expect(reactivations).toBe(1);
    const churned = accs.filter((a) => lastMrr(a.id) === 0);
    expect(churned.length / accs.length).toBeGreaterThanOrEqual(0.1);
    expect(churned.length / accs.length).toBeLessThanOrEqual(0.15);
    for (const a of churned) expect(a.nextRenewalDate).toBeNull();
    expect(new Set(churned.map((a) => changesOf(a.id).at(-1)!.churnReason)).size).toBeGreaterThan(1);
  });

  it('archives only churned accounts, after their churn', () => {
    const archived = accs.filter((a) => a.archivedAt);
    expect(archived).toHaveLength(2);
    for (const a of archived) {
      expect(lastMrr(a.id)).toBe(0);
      expect(a.archivedAt!.toISOString().slice(0, 10) > changesOf(a.id).at(-1)!.effectiveDate).toBe(true);
    }
  });

  it('brings new accounts every month and grows MRR over the two years', () => {
    const starts = new Set(accs.map((a) => a.contractStart!.slice(0, 7)));
    for (let m = 1; m <= 23; m++) expect(starts).toContain(new Date(Date.UTC(2026, 5 - m, 1)).toISOString().slice(0, 7));
    const mrrOn = (day: string) => accs.reduce((sum, a) => sum + (changesOf(a.id).filter((r) => r.effectiveDate < day).at(-1)?.mrr ?? 0), 0);
    expect(mrrOn('2026-06-01')).toBeGreaterThan(mrrOn('2025-06-01'));
    expect(mrrOn('2025-06-01')).toBeGreaterThan(mrrOn('2024-12-01'));
  });

  it('gives each paying account one pending renewal on its next renewal date, ARR due = MRR × 12', () => {
    const today = now.toISOString().slice(0, 10);
    for (const a of accs) {
      const mine = d.renewals.filter((r) => r.accountId === a.id);
      const pending = mine.filter((r) => r.outcome === 'pending');
      expect(pending).toHaveLength(lastMrr(a.id) > 0 ? 1 : 0);
      if (pending[0]) expect(pending[0]).toMatchObject({ dueDate: a.nextRenewalDate, arrDue: lastMrr(a.id) * 12 });
      for (const r of mine.filter((x) => x.outcome !== 'pending')) {
        expect(r.dueDate <= today).toBe(true);
        if (r.outcome === 'downgraded') expect(r.renewedArr!).toBeLessThan(r.arrDue);
        if (r.outcome === 'renewed') expect(r.renewedArr!).toBeGreaterThanOrEqual(r.arrDue);
      }
    }
    const outcomes = d.renewals.filter((r) => r.orgId === demoOrg).map((r) => r.outcome);
    const n = (o: string) => outcomes.filter((x) => x === o).length;
    expect(n('renewed')).toBeGreaterThan(n('downgraded') + n('churned'));
    expect(n('downgraded')).toBeGreaterThanOrEqual(1);
    expect(n('churned')).toBe(accs.filter((a) => lastMrr(a.id) === 0).length + 1);
  });

  it('has tickets, ~70 % of closed ones resolved on first contact, some open now', () => {
    const closed = d.tickets.filter((t) => t.closedAt);
    const fcr = closed.filter((t) => t.resolvedFirstContact).length / closed.length;
    expect(fcr).toBeGreaterThan(0.6);
    expect(fcr).toBeLessThan(0.8);
    expect(d.tickets.length - closed.length).toBeGreaterThan(0);
    for (const t of closed) expect(t.closedAt!.getTime()).toBeGreaterThan(t.openedAt.getTime());
  });

  it('keeps per-user rows for 730 days at demo size and 90 days with estimated months for the benchmark', () => {
    expect(d.usage.from).toBe('2024-06-15');
    expect(d.usage.monthlyEstimates).toEqual([]);
    expect(Math.max(...d.usage.plans.map((p) => p.users))).toBeLessThanOrEqual(25);
    const big = generateDemo({ accounts: 300, now, usageDays: 90 });
    expect(big.usage.from).toBe('2026-03-17');
    const months = new Set(big.usage.monthlyEstimates.map((m) => m.month));
    expect(months).toContain('2024-07-01');
    expect(months).toContain('2026-03-01');
    expect(months).not.toContain('2026-04-01');
  });
});

describe('seedDemo', () => {
  let existedBefore = false;
  let result: SeedResult;
  let demoId = '';
  let otherId = '';

  const orgId = async (slug: string) =>
    (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)))[0]?.id;
  const membersOf = (id: string) =>
    db.select({ email: users.email, role: memberships.role }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.orgId, id));

  beforeAll(async () => {
    existedBefore = (await orgId('demo')) !== undefined;
    result = await seedDemo(db);
    demoId = (await orgId('demo'))!;
    otherId = (await orgId('other'))!;
  });

  it('creates the demo orgs (a reused PostgreSQL database may already hold them)', () => {
    expect(result.created).toBe(!existedBefore);
    expect(demoId).toBeDefined();
    expect(otherId).toBeDefined();
  });

  it('inserts 60 accounts with 3-8 stakeholders and exactly one primary each', async () => {
    const rows = await db
      .select({
        id: accounts.id,
        people: count(stakeholders.id),
        primaries: sql<number>`count(*) filter (where ${stakeholders.isPrimary})`.mapWith(Number),
      })
      .from(accounts)
      .leftJoin(stakeholders, and(eq(stakeholders.orgId, accounts.orgId), eq(stakeholders.accountId, accounts.id)))
      .where(eq(accounts.orgId, demoId))
      .groupBy(accounts.id);
    expect(rows).toHaveLength(60);
    for (const r of rows) {
      expect(r.people).toBeGreaterThanOrEqual(3);
      expect(r.people).toBeLessThanOrEqual(8);
      expect(r.primaries).toBe(1);
    }
  });

  it('gives every account an "Account created" event', async () => {
    const created = await db
      .selectDistinct({ accountId: accountEvents.accountId })
      .from(accountEvents)
      .where(and(eq(accountEvents.orgId, demoId), eq(accountEvents.kind, 'account.created')));
    expect(created).toHaveLength(60);
  });

  it('gives the demo users their roles and the demo password', async () => {
    const members = await membersOf(demoId);
    for (const login of DEMO_LOGINS.filter((l) => l.org === 'demo')) {
      expect(members).toContainEqual({ email: login.email, role: login.role });
    }
    expect(members.map((m) => m.role).sort()).toEqual(['csm', 'csm', 'owner', 'viewer']);
    const [admin] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, 'admin@demo.test'));
    expect(await verifyPassword(DEMO_PASSWORD, admin.hash)).toBe(true);
  });

  it('tells the revenue story in the database: one reactivation, churned accounts at 0 with a reason', async () => {
    const seq = await queryRows<{ account_id: string; mrr: number; previous: number | null; churn_reason: string | null }>(db, sql`
      select account_id, mrr::float8 as mrr, (lag(mrr) over w)::float8 as previous, churn_reason from revenue_changes
      where org_id = ${demoId} window w as (partition by account_id order by effective_date, recorded_at)`);
    expect(seq.filter((r) => r.previous === 0 && r.mrr > 0)).toHaveLength(1);
    const current = await queryRows<{ mrr: number; churn_reason: string | null; next_renewal_date: string | null; pending: number }>(db, sql`
      select distinct on (r.account_id) r.mrr::float8 as mrr, r.churn_reason, a.next_renewal_date::text,
        (select count(*)::int from renewals p where p.org_id = a.org_id and p.account_id = a.id and p.outcome = 'pending') as pending
      from revenue_changes r join accounts a on a.org_id = r.org_id and a.id = r.account_id
      where r.org_id = ${demoId} order by r.account_id, r.effective_date desc, r.recorded_at desc`);
    expect(current).toHaveLength(60);
    const churned = current.filter((c) => c.mrr === 0);
    expect(churned.length).toBeGreaterThanOrEqual(6);
    for (const c of churned) expect(c).toMatchObject({ churn_reason: expect.any(String), next_renewal_date: null, pending: 0 });
  });

  it('gives every paying account exactly one pending renewal, due on its next renewal date', async () => {
    const rows = await queryRows<{ id: string; next_renewal_date: string | null; due: string[] | null }>(db, sql`
      select a.id, a.next_renewal_date::text, array_agg(p.due_date::text) filter (where p.id is not null) as due
      from accounts a left join renewals p on p.org_id = a.org_id and p.account_id = a.id and p.outcome = 'pending'
      where a.org_id = ${demoId} and a.next_renewal_date is not null group by a.org_id, a.id`);
    expect(rows.length).toBeGreaterThanOrEqual(50);
    for (const r of rows) expect(r.due).toEqual([r.next_renewal_date]);
  });

  it('keeps usage_monthly equal to a recomputation from the per-user daily rows', async () => {
    const diff = await queryRows<{ n: number }>(db, sql`
      with days as (select d.*, date_trunc('month', d.day)::date as month from usage_daily d where d.org_id = ${demoId}),
      feats as (select account_id, month, array_agg(distinct k order by k) as keys from days, jsonb_object_keys(days.features) k group by 1, 2),
      sums as (
        select account_id, month, count(distinct user_key)::int as users, count(distinct day)::int as days,
          sum(sessions)::int as sessions, sum(events)::int as events
        from days group by account_id, month
      ),
      fresh as (select s.*, coalesce(f.keys, '{}') as features from sums s left join feats f using (account_id, month)),
      stored as (select account_id, month, active_users, active_days, sessions, events, features_used from usage_monthly where org_id = ${demoId})
      select (select count(*) from (select * from fresh except select * from stored) a)::int
        + (select count(*) from (select * from stored except select * from fresh) b)::int as n`);
    expect(diff[0].n).toBe(0);
    expect(await db.$count(usageMonthly, eq(usageMonthly.orgId, demoId))).toBeGreaterThan(500);
  });

  it('makes usage per user, weekday-heavy, at most 25 users an account, falling before a churn', async () => {
    const [shape] = await queryRows<{ weekday_share: number; max_users: number }>(db, sql`
      select avg(case when extract(isodow from day) < 6 then 1.0 else 0.0 end)::float8 as weekday_share,
        (select max(n) from (select count(distinct user_key) as n from usage_daily where org_id = ${demoId} group by account_id) u)::int as max_users
      from usage_daily where org_id = ${demoId}`);
    expect(shape.weekday_share).toBeGreaterThan(0.85);
    expect(shape.max_users).toBeLessThanOrEqual(25);
    // active user-days in the 30 days before each churn vs. days 120-90 before it
    const [fall] = await queryRows<{ before: number; late: number }>(db, sql`
      with churns as (select account_id, effective_date as d from revenue_changes where org_id = ${demoId} and mrr = 0)
      select count(*) filter (where u.day >= c.d - 120 and u.day < c.d - 90)::int as before,
        count(*) filter (where u.day >= c.d - 30 and u.day < c.d)::int as late
      from churns c join usage_daily u on u.org_id = ${demoId} and u.account_id = c.account_id`);
    expect(fall.late).toBeLessThan(fall.before / 2);
  });

  it('does nothing when seeded again', async () => {
    const before = await db.$count(accounts, inArray(accounts.orgId, [demoId, otherId]));
    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await db.$count(accounts, inArray(accounts.orgId, [demoId, otherId]))).toBe(before);
    expect(await db.$count(organizations, eq(organizations.slug, 'demo'))).toBe(1);
  });

  it('seeds Other Corp as a separate tenant with its own owner and accounts', async () => {
    expect(await membersOf(otherId)).toEqual([{ email: 'other@demo.test', role: 'owner' }]);
    expect((await membersOf(demoId)).map((m) => m.email)).not.toContain('other@demo.test');
    const names = async (id: string) =>
      (await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.orgId, id))).map((a) => a.name);
    const otherNames = await names(otherId);
    expect(otherNames).toHaveLength(5);
    expect((await names(demoId)).filter((n) => otherNames.includes(n))).toEqual([]);
    expect(await db.$count(stakeholders, eq(stakeholders.orgId, otherId))).toBeGreaterThanOrEqual(15);
  });
});
