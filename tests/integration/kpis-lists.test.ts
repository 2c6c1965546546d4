import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getBiggestMoves, getUpcomingRenewals } from '@/lib/dal/kpis';
import { periodOf } from '@/lib/kpi/period';
import { expectAppError, makeAccount, makeOrg } from './fixtures';
import { insertChanges, insertRenewal } from './kpis-fixtures';

// Q1 2025. Alpha (mine, enterprise) 1000 → 1500 (+500), Beta 2000 → 1200 (−800), Gamma 0 → 300 (new, +300),
// Delta 700 → 0 (churned, −700), Epsilon unchanged 400 (changed twice, back to 400), Zeta moves only in April.
const q1 = periodOf('quarter', '2025-01-01');
let ctx: TenantCtx;
let other: TenantCtx;
let csmId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const org = await makeOrg({ roles: ['csm'] });
  ctx = await org.ctx('owner');
  csmId = (await org.ctx('csm')).userId;
  other = await (await makeOrg({ roles: [] })).ctx('owner');
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta']) {
    const a = await makeAccount(ctx, { name, ownerId: name === 'Alpha' ? csmId : null, segment: name === 'Alpha' ? 'enterprise' : 'smb' });
    ids[name] = a.id;
  }
  await insertChanges(ctx.orgId, [
    { accountId: ids.Alpha, date: '2024-06-01', mrr: 1000 },
    { accountId: ids.Alpha, date: '2025-02-01', mrr: 1500 },
    { accountId: ids.Beta, date: '2024-06-01', mrr: 2000 },
    { accountId: ids.Beta, date: '2025-03-31', mrr: 1200 },
    { accountId: ids.Gamma, date: '2025-01-15', mrr: 300 },
    { accountId: ids.Delta, date: '2024-01-01', mrr: 700 },
    { accountId: ids.Delta, date: '2025-01-10', mrr: 0 },
    { accountId: ids.Epsilon, date: '2024-01-01', mrr: 400 },
    { accountId: ids.Epsilon, date: '2025-01-05', mrr: 900 },
    { accountId: ids.Epsilon, date: '2025-02-05', mrr: 400 },
    { accountId: ids.Zeta, date: '2024-01-01', mrr: 100 },
    { accountId: ids.Zeta, date: '2025-04-01', mrr: 5000 },
  ]);
  await insertRenewal(ctx.orgId, ids.Alpha, '2025-03-10', 12_000, 'pending');
  await insertRenewal(ctx.orgId, ids.Beta, '2025-03-01', 24_000, 'pending');
  await insertRenewal(ctx.orgId, ids.Gamma, '2025-03-05', 3_600, 'renewed', 3_600); // decided: not upcoming
  await insertRenewal(ctx.orgId, ids.Delta, '2025-06-01', 8_400, 'pending'); // day 92: outside 90 days
  await insertRenewal(ctx.orgId, ids.Epsilon, '2025-02-28', 4_800, 'pending'); // yesterday: past
});

describe('getBiggestMoves', () => {
  it('ranks MRR increases and decreases from the period start to its end, for accounts paying at the start', async () => {
    const m = await getBiggestMoves(ctx, q1);
    // Gamma is new in the period: growth, not an expansion
    expect(m.expansions.map((x) => [x.accountName, x.startMrr, x.endMrr, x.delta])).toEqual([['Alpha', 1000, 1500, 500]]);
    expect(m.contractions.map((x) => [x.accountName, x.delta])).toEqual([['Beta', -800], ['Delta', -700]]);
  });

  it('limits each list and follows the scope', async () => {
    const one = await getBiggestMoves(ctx, q1, { limit: 1 });
    expect(one.expansions.map((x) => x.accountName)).toEqual(['Alpha']);
    expect(one.contractions.map((x) => x.accountName)).toEqual(['Beta']);
    const mine = await getBiggestMoves(ctx, q1, { scope: { kind: 'owner', ownerId: csmId } });
    expect(mine.expansions.map((x) => x.accountName)).toEqual(['Alpha']);
    expect(mine.contractions).toEqual([]);
    const smb = await getBiggestMoves(ctx, q1, { scope: { kind: 'segment', segment: 'smb' } });
    expect(smb.expansions).toEqual([]);
    expect(smb.contractions.map((x) => x.accountName)).toEqual(['Beta', 'Delta']);
  });

  it('shows another org nothing and rejects a bad limit', async () => {
    expect(await getBiggestMoves(other, q1)).toEqual({ expansions: [], contractions: [] });
    await expectAppError(getBiggestMoves(ctx, q1, { limit: 0 }), 'VALIDATION');
  });
});

describe('getUpcomingRenewals', () => {
  it('lists pending renewals due in the next 90 days, soonest first, with owner', async () => {
    const r = await getUpcomingRenewals(ctx, { today: '2025-03-01' });
    expect(r.total).toBe(2);
    expect(r.rows.map((x) => [x.accountName, x.dueDate, x.arrDue])).toEqual([
      ['Beta', '2025-03-01', 24_000],
      ['Alpha', '2025-03-10', 12_000],
    ]);
    expect(r.rows[0].ownerName).toBeNull();
    expect(r.rows[1].ownerName).toMatch(/^csm /);
  });

  it('limits rows but counts all, follows the scope, and is per org', async () => {
    const r = await getUpcomingRenewals(ctx, { today: '2025-03-01', limit: 1 });
    expect(r.rows.map((x) => x.accountName)).toEqual(['Beta']);
    expect(r.total).toBe(2);
    const mine = await getUpcomingRenewals(ctx, { today: '2025-03-01', scope: { kind: 'owner', ownerId: csmId } });
    expect(mine.rows.map((x) => x.accountName)).toEqual(['Alpha']);
    expect(await getUpcomingRenewals(other, { today: '2025-03-01' })).toEqual({ rows: [], total: 0 });
    await expectAppError(getUpcomingRenewals(ctx, { today: '2025-02-30' }), 'VALIDATION');
  });
});
