import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, healthScores } from '@/db/schema';
import { updateAccount } from '@/lib/dal/account-writes';
import { commitImport } from '@/lib/dal/import';
import { recordRevenueChange } from '@/lib/dal/revenue';
import { createStakeholder, logStakeholderContact, markStakeholderLeft } from '@/lib/dal/stakeholders';
import { closeTicket, openTicket } from '@/lib/dal/tickets';
import { recordUsageEvents } from '@/lib/dal/usage';
import { stakeholderFieldsSchema } from '@/lib/validation/stakeholders';
import { makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { addTicket, daysAgo } from './health-fixtures';

async function today(orgId: string, accountId: string) {
  const [row] = await db.select().from(healthScores)
    .where(and(eq(healthScores.orgId, orgId), eq(healthScores.accountId, accountId), eq(healthScores.day, daysAgo(0))));
  return row;
}

/** The newest timeline event of the account: written with now(), the transaction's start. */
async function lastEvent(orgId: string, accountId: string) {
  const [e] = await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId)))
    .orderBy(desc(accountEvents.occurredAt)).limit(1);
  return e;
}

describe('writes recompute the touched account in their own transaction', () => {
  it('stakeholder writes: add, contact, left', async () => {
    const { org, ctx } = await makeOrg({ roles: ['csm'] });
    const csm = await ctx('csm');
    const acc = await makeAccount(org.id);
    const id = await createStakeholder(csm, acc.id, stakeholderFieldsSchema.parse({ name: 'Cham Pion', role: 'champion' }));
    // champion present, nobody contacted: 40, the only factor with a source
    expect(await today(org.id, acc.id)).toMatchObject({ score: 40, band: 'yellow' });
    await logStakeholderContact(csm, id);
    const row = await today(org.id, acc.id);
    // + contacted in 60 days (30); one person contacted is not yet "2 or more"
    expect(row).toMatchObject({ score: 70, band: 'green' });
    // same now(): the score row was written in the contact's transaction
    expect(row.computedAt).toEqual((await lastEvent(org.id, acc.id)).occurredAt);
    await markStakeholderLeft(csm, id);
    // present 0, contacted (not present) 0, left in 90 days −40 → clamped 0
    expect(await today(org.id, acc.id)).toMatchObject({ score: 0, band: 'red' });
    const [a] = await db.select().from(accounts).where(and(eq(accounts.orgId, org.id), eq(accounts.id, acc.id)));
    expect(a).toMatchObject({ healthScore: 0, healthBand: 'red' });
  });

  it('tickets: open and close', async () => {
    const { org, ctx } = await makeOrg({ roles: ['csm'] });
    const csm = await ctx('csm');
    const acc = await makeAccount(org.id);
    const ticket = await openTicket(csm, acc.id, { subject: 'Broken', priority: 'high' });
    const row = await today(org.id, acc.id);
    expect(row.factors.support.value).toBe(60);
    expect(row.computedAt).toEqual((await lastEvent(org.id, acc.id)).occurredAt);
    await closeTicket(csm, ticket, { resolvedFirstContact: true });
    expect((await today(org.id, acc.id)).factors.support.value).toBe(100);
  });

  it('seat changes, revenue, usage and imports', async () => {
    const { org, ctx } = await makeOrg({ roles: ['csm'] });
    const csm = await ctx('csm');
    const acc = await makeAccount(org.id, { licensedSeats: 4, externalId: `E-${org.slug}` });
    await recordUsageEvents(csm, [
      { accountId: acc.id, userKey: 'a', occurredAt: new Date() },
      { accountId: acc.id, userKey: 'b', occurredAt: new Date() },
    ]);
    expect((await today(org.id, acc.id)).factors.licenseUtilization.value).toBe(50);
    await updateAccount(csm, acc.id, { licensedSeats: 8 });
    expect((await today(org.id, acc.id)).factors.licenseUtilization.value).toBe(25);
    await commitImport(csm, 'accounts', `name,external_id,licensed_seats\n${acc.name},E-${org.slug},2\n`);
    expect((await today(org.id, acc.id)).factors.licenseUtilization.value).toBe(100);
    await addTicket(org.id, acc.id, { opened: 1, priority: 'urgent' });
    await recordRevenueChange(csm, acc.id, { effectiveDate: daysAgo(0), mrr: 5000 });
    expect((await today(org.id, acc.id)).factors.support.value).toBe(60);
    const other = await makeAccount(org.id);
    await makeStakeholder(org.id, other.id, { role: 'champion', externalId: 'S-1' });
    expect(await today(org.id, other.id)).toBeUndefined();
  });
});
