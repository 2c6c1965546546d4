import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, queryRows } from '@/db';
import { memberships, organizations, users } from '@/db/schema';
import { deleteOrgAction } from '@/lib/actions/orgs';
import { createNote } from '@/lib/dal/notes';
import { deleteOrganization } from '@/lib/dal/orgs';
import { recomputeHealth } from '@/lib/health/recompute';
import { expectAppError, makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { addAnswers, addRevenue, addTicket, addUsage } from './health-fixtures';
import { evaluate, makePlaybook, setHealth } from './playbooks-fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

// Every table with an org_id, from the catalog, so a table added later is covered without editing this test.
async function rowsPerTable(orgId: string): Promise<Record<string, number>> {
  const tables = await queryRows<{ t: string }>(db, sql`
    select c.table_name as t from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.column_name = 'org_id' order by 1`);
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t)} where org_id = ${orgId}`);
    out[t] = Number(n);
  }
  return out;
}

/** An org with something in most tables: accounts, people, notes, revenue, tickets, usage, answers, health, alerts. */
async function fullOrg() {
  const t = await makeOrg();
  const csm = await t.ctx('csm');
  const acc = await makeAccount(t.org.id, { licensedSeats: 5 });
  await makeStakeholder(t.org.id, acc.id, { role: 'champion' });
  await createNote(csm, acc.id, { body: 'Kickoff', date: '2025-03-01' });
  await addRevenue(t.org.id, acc.id, '2025-01-01', 10_000);
  await addTicket(t.org.id, acc.id, { opened: 3 });
  await addUsage(t.org.id, acc.id, [{ user: 'u1', days: [1, 2], features: ['a'] }]);
  await addAnswers(t.org.id, acc.id, 'nps', [{ score: 3, daysAgo: 2 }]);
  await recomputeHealth(db, t.org.id, 'all');
  await makePlaybook(t.org.id, 'health_below', { threshold: 101 });
  await setHealth(t.org.id, acc.id, new Date().toISOString().slice(0, 10), 20);
  await evaluate(t.org.id, 'all', new Date());
  return { t, acc };
}

describe('deleting an organization', () => {
  it('the owner deletes the org and everything in it; another org and the members\' user accounts stay', async () => {
    const { t } = await fullOrg();
    const other = await fullOrg();
    const before = await rowsPerTable(t.org.id);
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThanOrEqual(12);
    const otherBefore = await rowsPerTable(other.t.org.id);

    signIn(t.users.owner);
    expect(await deleteOrgAction(t.org.slug, null, form({ confirmSlug: ` ${t.org.slug.toUpperCase()} ` }))).toEqual({ ok: true, data: { deleted: t.org.slug } });
    expect(Object.entries(await rowsPerTable(t.org.id)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await db.select().from(organizations).where(eq(organizations.id, t.org.id))).toEqual([]);
    expect(await rowsPerTable(other.t.org.id)).toEqual(otherBefore);
    // people keep their sign-in (they may belong to other orgs); only the memberships went
    expect(await db.$count(users, eq(users.id, t.users.csm.id))).toBe(1);
    expect(await db.$count(memberships, eq(memberships.userId, t.users.csm.id))).toBe(0);
  });

  it('needs the org\'s address typed exactly; admins and others cannot; another org\'s owner gets NOT_FOUND', async () => {
    const t = await makeOrg();
    signIn(t.users.owner);
    expect(await deleteOrgAction(t.org.slug, null, form({ confirmSlug: '' }))).toMatchObject({ ok: false, fieldErrors: { confirmSlug: ['Type the organization\'s address to confirm.'] } });
    expect(await deleteOrgAction(t.org.slug, null, form({ confirmSlug: 'demo' }))).toMatchObject({ ok: false, fieldErrors: { confirmSlug: [`Type ${t.org.slug} to confirm.`] } });
    for (const role of ['admin', 'csm', 'viewer'] as const) {
      signIn(t.users[role]);
      expect(await deleteOrgAction(t.org.slug, null, form({ confirmSlug: t.org.slug }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      await expectAppError(deleteOrganization(await t.ctx(role), t.org.slug), 'FORBIDDEN');
    }
    const b = await makeOrg();
    signIn(b.users.owner);
    expect(await deleteOrgAction(t.org.slug, null, form({ confirmSlug: t.org.slug }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await db.$count(organizations, eq(organizations.id, t.org.id))).toBe(1);
  });
});
