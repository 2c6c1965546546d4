// The only test file that seeds the `demo` org: its slug is unique, so on a shared PostgreSQL a
// second file seeding it would find it already there. Keep every demo-seed assertion here.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, memberships, organizations, stakeholders, users } from '@/db/schema';
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
      expect(a.nextRenewalDate! > today).toBe(true);
      expect(a.nextRenewalDate!.slice(5)).toBe(a.contractStart!.slice(5).replace('02-29', '03-01'));
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
