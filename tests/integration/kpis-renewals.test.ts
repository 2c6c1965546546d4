import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getQuarterlyRenewedArr, getRenewalKpis, getRenewalSeries } from '@/lib/dal/kpis';
import { periodOf } from '@/lib/kpi/period';
import { makeAccount, makeOrg } from './fixtures';
import { insertRenewal } from './kpis-fixtures';

// Q1 2025, every renewal with 10 000 ARR due. January: 13 renewed at par (one without an amount). February: one
// renewed at 15 000 (expansion), two downgraded to 6000, two churned (one with 0, one without an amount).
// March: 3 pending. Decided 18, renewed or downgraded 16: 16/18 = 88.888…%.
const q1 = periodOf('quarter', '2025-01-01');
let ctx: TenantCtx;
let csmId: string;

beforeAll(async () => {
  const { ctx: ctxOf } = await makeOrg({ roles: ['csm'] });
  ctx = await ctxOf('owner');
  csmId = (await ctxOf('csm')).userId;
  const mine = await makeAccount(ctx, { ownerId: csmId, segment: 'enterprise' });
  const other = await makeAccount(ctx, { segment: 'smb' });
  for (let i = 0; i < 12; i++) await insertRenewal(ctx.orgId, other.id, `2025-01-${String(i + 2).padStart(2, '0')}`, 10_000, 'renewed', 10_000);
  await insertRenewal(ctx.orgId, other.id, '2025-01-31', 10_000, 'renewed', null);
  await insertRenewal(ctx.orgId, mine.id, '2025-02-01', 10_000, 'renewed', 15_000);
  await insertRenewal(ctx.orgId, other.id, '2025-02-10', 10_000, 'downgraded', 6000);
  await insertRenewal(ctx.orgId, other.id, '2025-02-11', 10_000, 'downgraded', 6000);
  await insertRenewal(ctx.orgId, mine.id, '2025-02-12', 10_000, 'churned', 0);
  await insertRenewal(ctx.orgId, mine.id, '2025-02-28', 10_000, 'churned', null);
  for (const day of ['01', '15', '31']) await insertRenewal(ctx.orgId, other.id, `2025-03-${day}`, 10_000, 'pending');
  // just outside the quarter on both sides
  await insertRenewal(ctx.orgId, other.id, '2024-12-31', 10_000, 'churned', 0);
  await insertRenewal(ctx.orgId, other.id, '2025-04-01', 10_000, 'churned', 0);
});

describe('renewal KPIs', () => {
  it('by count: 16 of 18 decided = 88.888…%, 3 pending apart', async () => {
    const k = await getRenewalKpis(ctx, q1);
    expect(k.byCount.value).toBeCloseTo(88.88888888888889, 10);
    expect(k.byCount.n).toBe(18);
    expect(k.pending).toBe(3);
    expect(k.byCount.detail).toEqual({ pending: 3, renewed: 14, downgraded: 2, churned: 2 });
  });

  it('by value: each renewal capped at its ARR due; renewed ARR uncapped', async () => {
    const k = await getRenewalKpis(ctx, q1);
    // capped: 13 × 10 000 + 10 000 + 2 × 6000 = 152 000; uncapped: 130 000 + 15 000 + 12 000 = 157 000; due 180 000
    expect(k.byValue.value).toBeCloseTo((152_000 / 180_000) * 100, 10);
    expect(k.renewedArr.value).toBeCloseTo((157_000 / 180_000) * 100, 10);
    expect(k.byValue.detail).toEqual({ arrDue: 180_000, cappedArr: 152_000, pending: 3 });
  });

  it('quarterly renewed ARR for the quarter containing a date', async () => {
    const k = await getQuarterlyRenewedArr(ctx, '2025-02-14');
    expect(k.value).toBeCloseTo((157_000 / 180_000) * 100, 10);
    expect(k.n).toBe(18);
  });

  it('expansion at renewal takes renewed ARR over 100 %, never the renewal rate by value', async () => {
    const k = await getRenewalKpis(ctx, { kind: 'custom', start: '2025-02-01', end: '2025-02-02' });
    expect([k.renewedArr.value, k.byValue.value, k.byCount.value]).toEqual([150, 100, 100]);
  });

  it('one CSM’s book: 1 of 3', async () => {
    const k = await getRenewalKpis(ctx, q1, { kind: 'owner', ownerId: csmId });
    expect(k.byCount.value).toBeCloseTo(100 / 3, 10);
    expect(k.byValue.value).toBeCloseTo(100 / 3, 10);
    expect(k.renewedArr.value).toBe(50);
    expect(k.pending).toBe(0);
  });

  it('only pending renewals: null, with the pending count in the reason', async () => {
    const k = await getRenewalKpis(ctx, periodOf('month', '2025-03-01'));
    expect([k.byCount.value, k.byValue.value, k.renewedArr.value]).toEqual([null, null, null]);
    expect(k.byCount.reason).toBe('None of the renewals due in the period is decided yet (3 pending).');
    expect(k.pending).toBe(3);
  });

  it('nothing due: null, never 0', async () => {
    const k = await getRenewalKpis(ctx, periodOf('month', '2025-06-01'));
    expect(k.byCount.value).toBeNull();
    expect(k.byCount.n).toBe(0);
    expect(k.byCount.reason).toBe('No renewal was due in the period.');
  });
});

describe('renewal series', () => {
  it('month by month over the quarter', async () => {
    const s = await getRenewalSeries(ctx, q1);
    expect(s.byCount.points.map((p) => [p.start, p.value, p.n])).toEqual([
      ['2025-01-01', 100, 13],
      ['2025-02-01', 60, 5],
      ['2025-03-01', null, 0],
    ]);
    expect(s.byValue.points[1].value).toBeCloseTo(44, 10);
    expect(s.renewedArr.points[1].value).toBeCloseTo(54, 10);
    expect(s.byCount.points[2].reason).toMatch(/3 pending/);
    expect(s.byCount.definition).toMatch(/pending renewals are left out/);
  });
});
