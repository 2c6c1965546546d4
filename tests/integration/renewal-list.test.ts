import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { renewals } from '@/db/schema';
import { listDueRenewals } from '@/lib/dal/renewal-list';
import { expectAppError, makeAccount, makeOrg } from './fixtures';

// A fixed "today" (a Wednesday in Q2 2026): windows are computed from it, not from the clock.
const TODAY = '2026-05-13';

async function setup() {
  const t = await makeOrg({ roles: ['csm', 'viewer'] });
  const owner = await t.ctx('owner');
  const mine = await makeAccount(owner, { name: 'Alpha', ownerId: t.users.csm.id });
  const theirs = await makeAccount(owner, { name: 'Beta', ownerId: t.users.owner.id });
  const archived = await makeAccount(owner, { name: 'Gamma', ownerId: t.users.csm.id, archivedAt: new Date() });
  const add = (accountId: string, dueDate: string, arrDue: number, outcome: 'pending' | 'renewed' = 'pending') =>
    db.insert(renewals).values({ orgId: t.org.id, accountId, dueDate, arrDue, outcome, renewedArr: outcome === 'renewed' ? arrDue : null });
  await add(mine.id, '2026-04-20', 1_000_00); // overdue, this quarter
  await add(theirs.id, '2026-05-13', 2_000_00); // today
  await add(mine.id, '2026-05-31', 3_000_00, 'renewed'); // decided
  await add(theirs.id, '2026-06-15', 4_000_50); // this quarter
  await add(mine.id, '2026-08-11', 5_000_00); // day 90: last day of next 90 days, next quarter
  await add(theirs.id, '2026-08-12', 6_000_00); // day 91: outside next 90 days
  await add(archived.id, '2026-05-20', 9_999_00); // archived account: never listed
  return { t, owner, mine, theirs };
}

describe('listDueRenewals', () => {
  it('windows select by due date and outcome, earliest first, with exact month subtotals', async () => {
    const { owner } = await setup();
    const next90 = await listDueRenewals(owner, { window: 'next90' }, TODAY);
    expect(next90.rows.map((r) => r.dueDate)).toEqual(['2026-05-13', '2026-05-31', '2026-06-15', '2026-08-11']);
    expect(next90.total).toBe(4);
    expect(next90.rows.map((r) => [r.month, r.monthCount, r.monthArrDue])).toEqual([
      ['2026-05', 2, 5_000_00], ['2026-05', 2, 5_000_00], ['2026-06', 1, 4_000_50], ['2026-08', 1, 5_000_00],
    ]);
    expect(next90.rows.map((r) => r.daysUntilDue)).toEqual([0, 18, 33, 90]);
    expect(next90.rows[1]).toMatchObject({ outcome: 'renewed', renewedArr: 3_000_00, accountName: 'Alpha' });

    const thisQ = await listDueRenewals(owner, { window: 'this_quarter' }, TODAY);
    expect(thisQ.rows.map((r) => r.dueDate)).toEqual(['2026-04-20', '2026-05-13', '2026-05-31', '2026-06-15']);
    expect([thisQ.from, thisQ.to]).toEqual(['2026-04-01', '2026-07-01']);
    const nextQ = await listDueRenewals(owner, { window: 'next_quarter' }, TODAY);
    expect(nextQ.rows.map((r) => r.arrDue)).toEqual([5_000_00, 6_000_00]);
    expect(nextQ.rows.map((r) => r.monthArrDue)).toEqual([11_000_00, 11_000_00]);
    const overdue = await listDueRenewals(owner, { window: 'overdue' }, TODAY);
    expect(overdue.rows.map((r) => [r.dueDate, r.daysUntilDue])).toEqual([['2026-04-20', -23]]);
    const pending = await listDueRenewals(owner, { window: 'pending' }, TODAY);
    expect(pending.total).toBe(5);
    expect(pending.rows.every((r) => r.outcome === 'pending')).toBe(true);
  });

  it('a CSM sees their own accounts by default, every renewal with owner=all; a bad param falls back', async () => {
    const { t } = await setup();
    const csm = await t.ctx('csm');
    const mineOnly = await listDueRenewals(csm, { window: 'pending' }, TODAY);
    expect(mineOnly.rows.map((r) => r.accountName)).toEqual(['Alpha', 'Alpha']);
    expect(mineOnly.rows[0].ownerName).toBe(t.users.csm.name);
    expect((await listDueRenewals(csm, { window: 'pending', owner: 'all' }, TODAY)).total).toBe(5);
    const fallback = await listDueRenewals(csm, { window: 'nonsense', owner: 'x', page: '-3' }, TODAY);
    expect([fallback.page, fallback.total]).toEqual([1, 2]); // next 90 days, mine: 05-31 and 08-11
  });

  it('paginates in SQL; month subtotals cover the whole month across pages', async () => {
    const { t, owner } = await setup();
    const extra = await makeAccount(owner, { name: 'Delta' });
    for (let d = 1; d <= 30; d++) {
      await db.insert(renewals).values({ orgId: t.org.id, accountId: extra.id, dueDate: `2026-07-${String(d).padStart(2, '0')}`, arrDue: 100 });
    }
    const p1 = await listDueRenewals(owner, { window: 'next_quarter', pageSize: '25' }, TODAY);
    const p2 = await listDueRenewals(owner, { window: 'next_quarter', pageSize: '25', page: '2' }, TODAY);
    expect(p1.total).toBe(32);
    expect(p1.rows).toHaveLength(25);
    expect(p2.rows).toHaveLength(7);
    expect(p2.rows.map((r) => r.dueDate).slice(0, 5)).toEqual(['2026-07-26', '2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30']);
    expect(p1.rows[0]).toMatchObject({ month: '2026-07', monthCount: 30, monthArrDue: 3_000 });
    expect(p2.rows[0].monthArrDue).toBe(3_000);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(32);
    expect((await listDueRenewals(owner, { window: 'next_quarter', pageSize: '25', page: '9' }, TODAY)).rows).toEqual([]);
  });

  it('org B never sees org A renewals; a viewer can read; a bad as-of date is VALIDATION', async () => {
    const { t } = await setup();
    const other = await makeOrg({ roles: ['viewer'] });
    const otherOwner = await other.ctx('owner');
    await makeAccount(otherOwner, { name: 'Other' });
    const b = await listDueRenewals(otherOwner, { window: 'pending' }, TODAY);
    expect(b.total).toBe(0);
    expect(b.rows).toEqual([]);
    const viewer = await t.ctx('viewer');
    const v = await listDueRenewals(viewer, { window: 'pending' }, TODAY);
    expect(v.total).toBe(5);
    expect(v.rows.every((r) => r.accountName !== 'Other')).toBe(true);
    await expectAppError(listDueRenewals(viewer, {}, '2026-02-30'), 'VALIDATION');
  });
});
