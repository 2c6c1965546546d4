import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { renewals } from '@/db/schema';
import { getAccount, updateAccount } from '@/lib/dal/accounts';
import { createRenewal } from '@/lib/dal/renewals';
import { makeAccount, makeOrg } from './fixtures';

// The account's renewal date is derived from its earliest pending renewal; editing it on the
// account form must move that renewal, or the two would disagree.
describe('editing the renewal date', () => {
  it('moves the pending renewal that was due on the old date', async () => {
    const { ctx } = await makeOrg({ roles: ['csm'] });
    const csm = await ctx('csm');
    const account = await makeAccount(csm, { contractStart: '2026-01-01' });
    const renewalId = await createRenewal(csm, account.id, { dueDate: '2027-01-01', arrDue: 120_000 });
    expect((await getAccount(csm, account.id)).nextRenewalDate).toBe('2027-01-01');

    await updateAccount(csm, account.id, { nextRenewalDate: '2027-02-15' });

    const [row] = await db.select({ dueDate: renewals.dueDate }).from(renewals).where(and(eq(renewals.orgId, csm.orgId), eq(renewals.id, renewalId)));
    expect(row.dueDate).toBe('2027-02-15');
    expect((await getAccount(csm, account.id)).nextRenewalDate).toBe('2027-02-15');
  });
});
