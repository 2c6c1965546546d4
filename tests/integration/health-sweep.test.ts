import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { healthScores, organizations } from '@/db/schema';
import { orgsMissingToday, runHealthSweep } from '@/lib/jobs/health-sweep';
import { recomputeHealth } from '@/lib/health/recompute';
import { makeAccount, makeOrg } from './fixtures';
import { addTicket } from './health-fixtures';

const todayIn = (timezone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());

describe('the daily health sweep', () => {
  it('writes today\'s row for every account of the orgs that lack one, and only for them', async () => {
    const a = await makeOrg({ roles: [] });
    const b = await makeOrg({ roles: [] });
    // a far-east org: its "today" may be tomorrow in UTC
    await db.update(organizations).set({ timezone: 'Pacific/Kiritimati' }).where(eq(organizations.id, b.org.id));
    const a1 = await makeAccount(a.org.id);
    const a2 = await makeAccount(a.org.id);
    const b1 = await makeAccount(b.org.id);
    await addTicket(a.org.id, a1.id, { opened: 1 });
    await db.transaction((tx) => recomputeHealth(tx, a.org.id, [a1.id]));
    const ids = [a.org.id, b.org.id];

    expect((await orgsMissingToday(db, ids)).sort()).toEqual([...ids].sort());
    expect(await runHealthSweep(db, ids)).toEqual({ orgs: 2, accounts: 3, failed: 0 });
    const rows = await db.select().from(healthScores).where(eq(healthScores.orgId, a.org.id));
    expect(rows.map((r) => r.accountId).sort()).toEqual([a1.id, a2.id].sort());
    expect(rows.every((r) => r.day === todayIn('UTC'))).toBe(true);
    const [bRow] = await db.select().from(healthScores).where(and(eq(healthScores.orgId, b.org.id), eq(healthScores.accountId, b1.id)));
    expect(bRow.day).toBe(todayIn('Pacific/Kiritimati'));
    // support 85 for a1 (one open ticket), 100 for a2
    expect(rows.find((r) => r.accountId === a2.id)?.score).toBe(100);
    expect(rows.find((r) => r.accountId === a1.id)?.score).toBe(85);

    // nothing left to do: a second sweep is a cheap no-op
    expect(await orgsMissingToday(db, ids)).toEqual([]);
    expect(await runHealthSweep(db, ids)).toEqual({ orgs: 0, accounts: 0, failed: 0 });
  });
});
