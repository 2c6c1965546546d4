import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, openPostgres, queryRows } from '@/db';
import { lockAccountsInOrder } from '@/db/account-locks';
import { recomputeHealth } from '@/lib/health/recompute';
import { makeAccount, makeOrg } from './fixtures';

// Row locks need a second session to observe: PostgreSQL only (PGlite is one connection).
describe.runIf(process.env.TEST_DB === 'postgres')('account row locks in id order', () => {
  const tryLock = async (id: string) => {
    const other = openPostgres(process.env.TEST_DATABASE_URL!, 1);
    try {
      await other.db.transaction(async (tx) => { await tx.execute(sql`select 1 from accounts where id = ${id} for no key update nowait`); });
      return 'free';
    } catch (err) {
      return (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code ?? 'error';
    } finally {
      await other.close();
    }
  };

  it('locks the given accounts (or all of the org\'s) until the transaction ends, and no other org\'s', async () => {
    const a = await makeOrg({ roles: [] });
    const [x, y, z] = [await makeAccount(a.org.id), await makeAccount(a.org.id), await makeAccount(a.org.id)];
    const b = await makeOrg({ roles: [] });
    const theirs = await makeAccount(b.org.id);
    await db.transaction(async (tx) => {
      await lockAccountsInOrder(tx, a.org.id, [x.id, y.id, theirs.id]);
      expect(await tryLock(x.id)).toBe('55P03');
      expect(await tryLock(y.id)).toBe('55P03');
      expect(await tryLock(z.id)).toBe('free');
      expect(await tryLock(theirs.id)).toBe('free');
    });
    expect(await tryLock(x.id)).toBe('free');
    // a whole-org recompute holds every account of the org while it writes their scores
    await db.transaction(async (tx) => {
      await recomputeHealth(tx, a.org.id, 'all');
      for (const acc of [x, y, z]) expect(await tryLock(acc.id)).toBe('55P03');
      expect(await tryLock(theirs.id)).toBe('free');
    });
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from accounts where org_id = ${a.org.id} and health_updated_at is not null`);
    expect(Number(n)).toBe(3);
  });
});
