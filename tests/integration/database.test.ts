import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, getDatabase, queryRows } from '@/db/index';
import { accounts, organizations, stakeholders } from '@/db/schema';

/** The PostgreSQL error code behind a failed query; Drizzle wraps driver errors in `cause`. */
async function pgCode(query: Promise<unknown>): Promise<string | undefined> {
  try {
    await query;
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code;
  }
  return undefined;
}

async function createOrg() {
  const slug = `db-test-${randomUUID()}`;
  const [org] = await db.insert(organizations).values({ name: 'DB test', slug }).returning();
  return org;
}

describe(`database (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('runs on the driver this run asked for', () => {
    expect(getDatabase().driver).toBe(process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');
  });

  it('has run the migrations', async () => {
    const rows = await queryRows<{ name: string | null }>(db, sql`select to_regclass('public.audit_log')::text as name`);
    expect(rows[0]?.name).toBe('audit_log');
  });

  it('stores an organization and reads it back', async () => {
    const org = await createOrg();
    const [read] = await db.select().from(organizations).where(eq(organizations.slug, org.slug));
    expect(read).toMatchObject({ id: org.id, name: 'DB test', currency: 'USD', surveyCooldownDays: 90 });
    expect(read.createdAt).toBeInstanceOf(Date);
  });

  it('refuses an account whose org does not exist', async () => {
    expect(await pgCode(db.insert(accounts).values({ orgId: randomUUID(), name: 'Orphan' }))).toBe('23503');
  });

  it('keys accounts by (org_id, id)', async () => {
    const org = await createOrg();
    const id = randomUUID();
    await db.insert(accounts).values({ orgId: org.id, id, name: 'First' });
    expect(await pgCode(db.insert(accounts).values({ orgId: org.id, id, name: 'Twin' }))).toBe('23505');
  });

  it('refuses a child row that points at another org\'s account', async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    const [account] = await db.insert(accounts).values({ orgId: a.id, name: 'Of org A' }).returning();
    const crossTenant = db.insert(stakeholders).values({ orgId: b.id, accountId: account.id, name: 'Spy' });
    expect(await pgCode(crossTenant)).toBe('23503');
  });
});
