import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getRevenueKpis, getRevenueSeries, type KpiScope, type RevenueKpis } from '@/lib/dal/kpis';
import { customPeriod, monthlyBuckets, periodOf } from '@/lib/kpi/period';
import { movementsFromHistory, type RevenueChangeRow } from '@/lib/kpi/revenue';
import { addMember, expectAppError, makeAccount, makeOrg, uniq } from './fixtures';
import { insertChanges, nextRecordedAt } from './kpis-fixtures';

// A hand-computed book over December 2024 – February 2025; the period under test is February 2025.
// Owner X (enterprise): steady, grows, shrinks, leaves. Owner Y: returns, arrives, flash, same-day, bounce (smb),
// edges (mid-market). Each comment gives the account's MRR at 1 Feb → at 1 Mar and its February movements.
const feb = periodOf('month', '2025-02-01');

let ctx: TenantCtx;
let ownerX: string;
let ownerY: string;
const ids: Record<string, string> = {};
let history: RevenueChangeRow[] = [];

beforeAll(async () => {
  const { org, ctx: ctxOf } = await makeOrg({ roles: ['csm', 'viewer'] });
  ctx = await ctxOf('viewer');
  ownerX = (await ctxOf('csm')).userId;
  ownerY = (await addMember(org.id, 'csm', 'csm-y')).id;
  const books: [string, string, 'enterprise' | 'smb' | 'mid_market'][] = [
    ['steady', ownerX, 'enterprise'], ['grows', ownerX, 'enterprise'], ['shrinks', ownerX, 'enterprise'],
    ['leaves', ownerX, 'enterprise'], ['returns', ownerY, 'smb'], ['arrives', ownerY, 'smb'], ['flash', ownerY, 'smb'],
    ['same-day', ownerY, 'smb'], ['bounce', ownerY, 'smb'], ['edges', ownerY, 'mid_market'],
  ];
  for (const [name, ownerId, segment] of books) {
    ids[name] = (await makeAccount(ctx, { name: `${name} ${uniq()}`, ownerId, segment })).id;
  }
  const first = nextRecordedAt();
  const second = nextRecordedAt();
  history = await insertChanges(org.id, [
    { accountId: ids.steady, date: '2024-12-01', mrr: 10_000 }, // 10 000 → 10 000
    { accountId: ids.grows, date: '2024-12-05', mrr: 5000 }, // 5000 → 8000: expansion 3000
    { accountId: ids.grows, date: '2025-02-10', mrr: 8000 },
    { accountId: ids.shrinks, date: '2025-01-01', mrr: 6000 }, // 6000 → 4000: contraction 2000
    { accountId: ids.shrinks, date: '2025-02-15', mrr: 4000 },
    { accountId: ids.leaves, date: '2024-12-01', mrr: 3000 }, // 3000 → 0: churn 3000, the cohort's churned logo
    { accountId: ids.leaves, date: '2025-02-20', mrr: 0 },
    { accountId: ids.returns, date: '2024-12-01', mrr: 2000 }, // 0 → 2500: churned in January, reactivation 2500
    { accountId: ids.returns, date: '2025-01-10', mrr: 0 },
    { accountId: ids.returns, date: '2025-02-05', mrr: 2500 },
    { accountId: ids.arrives, date: '2025-02-01', mrr: 1500 }, // 0 → 1500: new, dated on the first of the month
    { accountId: ids.flash, date: '2025-02-03', mrr: 700 }, // 0 → 0: new 700 and churn 700, not in the cohort
    { accountId: ids.flash, date: '2025-02-25', mrr: 0 },
    // Same day, inserted out of order: recorded_at says churn 1000 first, then reactivation 1200 (1000 → 1200).
    { accountId: ids['same-day'], date: '2024-12-15', mrr: 1000 },
    { accountId: ids['same-day'], date: '2025-02-28', mrr: 1200, recordedAt: second },
    { accountId: ids['same-day'], date: '2025-02-28', mrr: 0, recordedAt: first },
    { accountId: ids.bounce, date: '2025-01-15', mrr: 900 }, // 900 → 900: churn 900, reactivation 900, not churned
    { accountId: ids.bounce, date: '2025-02-10', mrr: 0 },
    { accountId: ids.bounce, date: '2025-02-20', mrr: 900 },
    { accountId: ids.edges, date: '2025-01-31', mrr: 400 }, // 400 → 400: the change dated 1 March is outside
    { accountId: ids.edges, date: '2025-03-01', mrr: 900 },
  ]);
});

function expectMovements(k: RevenueKpis, m: Record<string, number>) {
  expect(k.movements.value).toEqual(m);
  expect(m.net).toBe(m.endMrr - m.startMrr);
}

describe('revenue KPIs of February 2025, whole org', () => {
  let k: RevenueKpis;
  beforeAll(async () => {
    k = await getRevenueKpis(ctx, feb);
  });

  it('movements, each exact, add up to end − start MRR', () => {
    // new 1500 + 700; churn 3000 + 700 + 1000 + 900; reactivation 2500 + 1200 + 900
    expectMovements(k, {
      newMrr: 2200, expansion: 3000, contraction: 2000, churn: 5600, reactivation: 4600, net: 2200,
      startMrr: 26_300, endMrr: 28_500,
    });
    expect(k.movements.detail).toEqual({ new: 2, expansion: 1, contraction: 1, churn: 4, reactivation: 3, any: 8 });
  });

  it('MRR, ARR and ARPA at the period end', () => {
    expect([k.mrr.value, k.mrr.n]).toEqual([28_500, 8]);
    expect(k.arr.value).toBe(342_000);
    expect(k.arpa.value).toBeCloseTo(3562.5, 10);
    expect(k.currency).toBe('USD');
  });

  it('start cohort: 7 accounts, one churned', () => {
    expect([k.logoChurn.value, k.logoChurn.n]).toEqual([expect.closeTo(100 / 7, 10), 7]);
    expect(k.nrr.value).toBeCloseTo((24_500 / 26_300) * 100, 10);
    expect(k.grr.value).toBeCloseTo((21_300 / 26_300) * 100, 10);
    expect(k.grossRevenueChurn.value).toBeCloseTo(100 - (21_300 / 26_300) * 100, 10);
  });

  it('expansion and quick ratio', () => {
    expect([k.expansion.value, k.expansion.n]).toEqual([3000, 1]);
    expect(k.quickRatio.value).toBeCloseTo(9800 / 7600, 10);
  });

  it('LTV: ARPA ÷ the mean of January (1 of 5 = 20 %) and February (1 of 7) churn', () => {
    // Sep–Dec have no start cohort and are skipped; (20 + 14.2857…) ÷ 2 = 17.142857…% = 6/35.
    expect(k.ltv.value).toBeCloseTo(3562.5 / (6 / 35), 8);
    expect(k.ltv.detail).toEqual({ churnMonths: 2 });
  });

  it('every KPI carries its definition, with the vendor difference where there is one', () => {
    for (const entry of Object.values(k)) {
      if (typeof entry === 'string') continue;
      expect(entry.definition.length).toBeGreaterThan(30);
      expect(entry.reason).toBeNull();
    }
    expect(k.quickRatio.definition).toMatch(/Baremetrics/);
    expect(k.ltv.definition).toMatch(/ChartMogul/);
  });

  it('equals the reference replay movementsFromHistory', () => {
    const ref = movementsFromHistory(history, feb);
    expect(k.movements.value).toEqual({ ...ref.movements, startMrr: ref.startMrr, endMrr: ref.endMrr });
    expect(k.mrr.n).toBe(ref.activeAccountsAtEnd);
  });
});

describe('scopes', () => {
  it('owner X’s book', async () => {
    const k = await getRevenueKpis(ctx, feb, { kind: 'owner', ownerId: ownerX });
    expectMovements(k, { newMrr: 0, expansion: 3000, contraction: 2000, churn: 3000, reactivation: 0, net: -2000, startMrr: 24_000, endMrr: 22_000 });
    expect([k.logoChurn.value, k.logoChurn.n]).toEqual([25, 4]);
    expect(k.nrr.value).toBeCloseTo((22_000 / 24_000) * 100, 10);
    expect(k.grr.value).toBeCloseTo((19_000 / 24_000) * 100, 10);
    expect(k.arpa.value).toBeCloseTo(22_000 / 3, 10);
    expect(k.quickRatio.value).toBeCloseTo(0.6, 10);
  });

  it('owner Y’s book: NRR above 100, GRR exactly 100', async () => {
    const k = await getRevenueKpis(ctx, feb, { kind: 'owner', ownerId: ownerY });
    expectMovements(k, { newMrr: 2200, expansion: 0, contraction: 0, churn: 2600, reactivation: 4600, net: 4200, startMrr: 2300, endMrr: 6500 });
    expect([k.logoChurn.value, k.logoChurn.n]).toEqual([0, 3]);
    expect(k.nrr.value).toBeCloseTo((2500 / 2300) * 100, 10);
    expect(k.grr.value).toBe(100);
    expect(k.grossRevenueChurn.value).toBe(0);
  });

  it('the smb segment', async () => {
    const k = await getRevenueKpis(ctx, feb, { kind: 'segment', segment: 'smb' });
    expectMovements(k, { newMrr: 2200, expansion: 0, contraction: 0, churn: 2600, reactivation: 4600, net: 4200, startMrr: 1900, endMrr: 6100 });
    expect(k.nrr.value).toBeCloseTo((2100 / 1900) * 100, 10);
    expect(k.mrr.n).toBe(4);
  });

  it('one account with two changes on one day', async () => {
    const k = await getRevenueKpis(ctx, feb, { kind: 'account', accountId: ids['same-day'] });
    expectMovements(k, { newMrr: 0, expansion: 0, contraction: 0, churn: 1000, reactivation: 1200, net: 200, startMrr: 1000, endMrr: 1200 });
    expect(k.logoChurn.value).toBe(0);
  });

  it('a malformed or foreign account id is NOT_FOUND, a bad segment VALIDATION', async () => {
    await expectAppError(getRevenueKpis(ctx, feb, { kind: 'account', accountId: 'nope' }), 'NOT_FOUND');
    const other = await makeOrg({ roles: [] });
    const foreign = await makeAccount(other.org.id);
    await expectAppError(getRevenueKpis(ctx, feb, { kind: 'account', accountId: foreign.id }), 'NOT_FOUND');
    await expectAppError(getRevenueKpis(ctx, feb, { kind: 'segment', segment: 'huge' } as unknown as KpiScope), 'VALIDATION');
    await expectAppError(getRevenueKpis(ctx, { kind: 'custom', start: '2025-03-01', end: '2025-02-01' }), 'VALIDATION');
  });
});

describe('periods and edges', () => {
  it('a change dated on the first of the month belongs to that month, one on the end day to the next', async () => {
    const march = await getRevenueKpis(ctx, periodOf('month', '2025-03-01'), { kind: 'account', accountId: ids.edges });
    expect(march.movements.value).toMatchObject({ expansion: 500, startMrr: 400, endMrr: 900 });
    const jan = await getRevenueKpis(ctx, periodOf('month', '2025-01-01'), { kind: 'account', accountId: ids.edges });
    expect(jan.movements.value).toMatchObject({ newMrr: 400, startMrr: 0, endMrr: 400 });
  });

  it('the quarter Dec–Feb as a custom period equals the replay', async () => {
    const period = customPeriod('2024-12-01', '2025-03-01');
    const k = await getRevenueKpis(ctx, period);
    const ref = movementsFromHistory(history, period);
    expect(k.movements.value).toEqual({ ...ref.movements, startMrr: 0, endMrr: ref.endMrr });
    expect(k.logoChurn.value).toBeNull();
    expect(k.logoChurn.reason).toMatch(/start cohort/);
    expect(k.nrr.value).toBeNull();
  });

  it('before any revenue: null with a reason, never 0', async () => {
    const k = await getRevenueKpis(ctx, periodOf('month', '2024-06-01'));
    for (const key of ['mrr', 'arr', 'arpa', 'ltv', 'expansion', 'quickRatio', 'nrr', 'movements'] as const) {
      expect(k[key].value).toBeNull();
      expect(k[key].reason).toBeTruthy();
    }
    expect(k.mrr.reason).toMatch(/No revenue change/);
  });

  it('LTV is null with a reason when nobody churned in six months', async () => {
    const k = await getRevenueKpis(ctx, feb, { kind: 'account', accountId: ids.steady });
    expect([k.ltv.value, k.arpa.value, k.logoChurn.value]).toEqual([null, 10_000, 0]);
    expect(k.ltv.reason).toBe('No account churned in the last six months, so the lifetime is unbounded.');
  });

  it('quick ratio is null when nothing was lost', async () => {
    const k = await getRevenueKpis(ctx, periodOf('month', '2025-02-01'), { kind: 'account', accountId: ids.grows });
    expect(k.quickRatio.value).toBeNull();
    expect(k.quickRatio.reason).toMatch(/Nothing was lost/);
    expect(k.expansion.value).toBe(3000);
  });
});

describe('monthly series', () => {
  it('one bucket per month, each equal to the replay of that month', async () => {
    const period = customPeriod('2024-12-10', '2025-03-05');
    const series = await getRevenueSeries(ctx, period);
    const buckets = monthlyBuckets(period);
    expect(series.mrr.points.map((p) => [p.start, p.end])).toEqual(buckets.map((b) => [b.start, b.end]));
    buckets.forEach((b, i) => {
      const ref = movementsFromHistory(history, b);
      expect(series.newMrr.points[i].value).toBe(ref.movements.newMrr);
      expect(series.expansion.points[i].value).toBe(ref.movements.expansion);
      expect(series.contraction.points[i].value).toBe(ref.movements.contraction);
      expect(series.churn.points[i].value).toBe(ref.movements.churn);
      expect(series.reactivation.points[i].value).toBe(ref.movements.reactivation);
      expect(series.net.points[i].value).toBe(ref.endMrr - ref.startMrr);
      expect(series.mrr.points[i]).toMatchObject({ value: ref.endMrr, n: ref.activeAccountsAtEnd });
    });
    // From 10 Dec: steady, grows, leaves and returns all still pay on 1 Jan; January loses returns (1 of 5).
    expect(series.logoChurn.points.map((p) => p.value)).toEqual([0, 20, expect.closeTo(100 / 7, 10), 0]);
    expect(series.logoChurn.points.map((p) => p.n)).toEqual([4, 5, 7, 8]);
  });

  it('February’s point equals the February KPIs, LTV included', async () => {
    const series = await getRevenueSeries(ctx, customPeriod('2025-01-01', '2025-03-01'));
    const k = await getRevenueKpis(ctx, feb);
    for (const key of ['mrr', 'arpa', 'ltv', 'nrr', 'grr', 'logoChurn', 'quickRatio', 'expansion'] as const) {
      expect(series[key].points[1].value).toBeCloseTo(k[key].value!, 8);
      expect(series[key].points[1].n).toBe(k[key].n);
    }
    expect(series.ltv.definition).toBe(k.ltv.definition);
  });
});
