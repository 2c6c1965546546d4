import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getKpiClock } from '@/lib/dal/kpis';
import { getAtRiskAccounts, getHealthKpis, getRenewalsByBand } from '@/lib/dal/kpis/health';
import { addDays, customPeriod } from '@/lib/kpi/period';
import { expectAppError, makeAccount, makeOrg } from './fixtures';
import { insertScores, setCurrent } from './health-read-fixtures';
import { insertChanges, insertRenewal } from './kpis-fixtures';

// Paying now: A (csm, enterprise) red 30, B yellow 50, C green 80, D no score, H (enterprise) red 35.
// Not counted now: E churned 2 days ago (red 10), F archived (red 20), G never paid (green 90).
// The period starts 5 days ago; at its start A 60, B 40, E 20, F 25 (latest row in the 30 days before), C none.
let ctx: TenantCtx;
let csm: TenantCtx;
let other: TenantCtx;
let today: string;
let csmName: string;
let period: ReturnType<typeof customPeriod>;
const id: Record<string, string> = {};

beforeAll(async () => {
  const org = await makeOrg({ roles: ['csm'] });
  ctx = await org.ctx('owner');
  csm = await org.ctx('csm');
  csmName = org.users.csm.name;
  other = await (await makeOrg({ roles: [] })).ctx('owner');
  today = (await getKpiClock(ctx)).today;
  const ago = (n: number) => addDays(today, -n);
  period = customPeriod(ago(5), addDays(today, 1));
  const spec: [string, 'enterprise' | 'smb', number | null][] = [
    ['A', 'enterprise', 30], ['B', 'smb', 50], ['C', 'smb', 80], ['D', 'smb', null], ['H', 'enterprise', 35],
    ['E', 'smb', 10], ['F', 'smb', 20], ['G', 'smb', 90],
  ];
  for (const [name, segment, score] of spec) {
    const a = await makeAccount(ctx, {
      name: `Acct ${name}`, segment, ownerId: name === 'A' ? csm.userId : null, archivedAt: name === 'F' ? new Date() : null,
    });
    id[name] = a.id;
    await setCurrent(ctx.orgId, a.id, score);
  }
  await insertChanges(ctx.orgId, [
    ...['A', 'B', 'C', 'D', 'H', 'E', 'F'].map((n) => ({ accountId: id[n], date: '2024-01-01', mrr: 1000 })),
    { accountId: id.E, date: ago(2), mrr: 0 },
  ]);
  await insertScores(ctx.orgId, id.A, [{ day: ago(10), score: 60 }, { day: ago(1), score: 30 }]);
  await insertScores(ctx.orgId, id.B, [{ day: ago(40), score: 99 }, { day: ago(8), score: 40 }]);
  await insertScores(ctx.orgId, id.E, [{ day: ago(7), score: 20 }]);
  await insertScores(ctx.orgId, id.F, [{ day: ago(6), score: 25 }]);
  // a row inside the period is not "at the start"
  await insertScores(ctx.orgId, id.C, [{ day: ago(2), score: 80 }]);
  await insertRenewal(ctx.orgId, id.A, addDays(today, 10), 12_000, 'pending');
  await insertRenewal(ctx.orgId, id.H, today, 3_000, 'pending');
  await insertRenewal(ctx.orgId, id.C, addDays(today, 89), 5_000, 'pending');
  await insertRenewal(ctx.orgId, id.D, addDays(today, 30), 1_000, 'pending');
  await insertRenewal(ctx.orgId, id.B, addDays(today, 90), 7_000, 'pending'); // day 91: outside
  await insertRenewal(ctx.orgId, id.C, addDays(today, 20), 9_000, 'renewed', 9_000); // decided
  await insertRenewal(ctx.orgId, id.F, addDays(today, 20), 4_000, 'pending'); // archived
  await insertRenewal(ctx.orgId, id.B, addDays(today, -1), 6_000, 'pending'); // past
});

describe('getHealthKpis', () => {
  it('averages current scores of paying accounts, counts the red ones, and the same at the period start', async () => {
    const k = await getHealthKpis(ctx, period);
    expect([k.average.value, k.average.n, k.average.reason]).toEqual([(30 + 50 + 80 + 35) / 4, 4, null]);
    expect([k.atRisk.value, k.atRisk.n]).toEqual([2, 5]);
    expect(k.distribution.counts).toEqual({ red: 2, yellow: 1, green: 1, none: 1 });
    expect(k.distribution.n).toBe(5);
    // E (churned since) and F (archived since) count at the start: history keeps them
    expect([k.averageAtStart.value, k.averageAtStart.n]).toEqual([(60 + 40 + 20 + 25) / 4, 4]);
    expect([k.atRiskAtStart.value, k.atRiskAtStart.n]).toEqual([2, 7]);
    expect(k.average.definition).toMatch(/paying accounts/);
  });

  it('for a period that ended before today, reads each account\'s latest daily score in the 30 days up to its last day', async () => {
    const ago = (n: number) => addDays(today, -n);
    // ends 3 days ago: E (churned 2 days ago) and F (archived since) were still paying; C's only row is later
    const past = customPeriod(ago(20), ago(2));
    const k = await getHealthKpis(ctx, past);
    expect([k.average.value, k.average.n]).toEqual([(60 + 40 + 20 + 25) / 4, 4]);
    // bands of those rows: A 60 yellow, B 40 yellow, E 20 red, F 25 red; C, D, H have no row then
    expect([k.atRisk.value, k.atRisk.n]).toEqual([2, 7]);
    expect(k.distribution.counts).toEqual({ red: 2, yellow: 2, green: 0, none: 3 });
    // nothing stored in the 30 days up to the end: no value, and it says why
    const older = await getHealthKpis(ctx, customPeriod(ago(200), ago(100)));
    expect([older.average.value, older.average.reason]).toEqual([null, 'No daily score was stored in the 30 days up to the period end.']);
    expect(older.atRisk.value).toBeNull();
  });

  it('follows the scope: one CSM’s book, a segment', async () => {
    const mine = await getHealthKpis(ctx, period, { kind: 'owner', ownerId: csm.userId });
    expect([mine.average.value, mine.average.n, mine.atRisk.value, mine.atRisk.n, mine.averageAtStart.value]).toEqual([30, 1, 1, 1, 60]);
    const smb = await getHealthKpis(ctx, period, { kind: 'segment', segment: 'smb' });
    expect([smb.average.value, smb.average.n, smb.atRisk.value, smb.atRisk.n]).toEqual([65, 2, 0, 3]);
    expect(smb.distribution.counts).toEqual({ red: 0, yellow: 1, green: 1, none: 1 });
    expect([smb.averageAtStart.value, smb.averageAtStart.n, smb.atRiskAtStart.value]).toEqual([(40 + 20 + 25) / 3, 3, 2]);
  });

  it('is null with a reason when nothing is scored, and never sees another org', async () => {
    const k = await getHealthKpis(other, period);
    expect([k.average.value, k.average.n, k.atRisk.value, k.atRisk.n]).toEqual([null, 0, null, 0]);
    expect(k.average.reason).toBe('No account is paying.');
    expect(k.distribution.counts).toEqual({ red: 0, yellow: 0, green: 0, none: 0 });

    const fresh = await (await makeOrg({ roles: [] })).ctx('owner');
    const unscored = await makeAccount(fresh, { name: 'Paying, unscored' });
    await insertChanges(fresh.orgId, [{ accountId: unscored.id, date: '2024-01-01', mrr: 500 }]);
    const f = await getHealthKpis(fresh, period);
    expect([f.average.value, f.atRisk.value, f.atRisk.n, f.distribution.counts.none]).toEqual([null, null, 1, 1]);
    expect(f.average.reason).toMatch(/^No health scores yet/);
    expect(f.averageAtStart.reason).toBe('No daily score was stored in the 30 days before the period start.');
  });

  it('rejects a foreign account scope and a malformed owner as NOT_FOUND', async () => {
    await expectAppError(getHealthKpis(other, period, { kind: 'account', accountId: id.A }), 'NOT_FOUND');
    await expectAppError(getHealthKpis(ctx, period, { kind: 'owner', ownerId: 'nope' }), 'NOT_FOUND');
  });
});

describe('getAtRiskAccounts', () => {
  it('lists paying red accounts lowest first with their fall over 30 days', async () => {
    const r = await getAtRiskAccounts(ctx);
    expect(r.total).toBe(2);
    expect(r.rows.map((x) => [x.accountName, x.score, x.peak30, x.drop30])).toEqual([['Acct A', 30, 60, 30], ['Acct H', 35, null, null]]);
    expect(r.rows.map((x) => x.ownerName)).toEqual([csmName, null]);
  });

  it('limits, scopes, and never lists another org’s accounts', async () => {
    const one = await getAtRiskAccounts(ctx, { limit: 1 });
    expect([one.rows.map((x) => x.accountName), one.total]).toEqual([['Acct A'], 2]);
    const ent = await getAtRiskAccounts(ctx, { scope: { kind: 'segment', segment: 'enterprise' } });
    expect(ent.rows.map((x) => x.accountName)).toEqual(['Acct A', 'Acct H']);
    expect((await getAtRiskAccounts(ctx, { scope: { kind: 'segment', segment: 'smb' } })).rows).toEqual([]);
    expect(await getAtRiskAccounts(other)).toEqual({ rows: [], total: 0 });
    await expectAppError(getAtRiskAccounts(ctx, { limit: 0 }), 'VALIDATION');
  });
});

describe('getRenewalsByBand', () => {
  it('counts pending renewals due in the next 90 days and their ARR per current band', async () => {
    const r = await getRenewalsByBand(ctx, { today });
    expect(r.rows).toEqual([
      { band: 'red', count: 2, arrDue: 15_000 },
      { band: 'yellow', count: 0, arrDue: 0 },
      { band: 'green', count: 1, arrDue: 5_000 },
      { band: 'none', count: 1, arrDue: 1_000 },
    ]);
    expect(r.total).toEqual({ count: 4, arrDue: 21_000 });
    // the org's own today is the default
    expect((await getRenewalsByBand(ctx)).total).toEqual({ count: 4, arrDue: 21_000 });
  });

  it('follows the scope and the org', async () => {
    const mine = await getRenewalsByBand(ctx, { today, scope: { kind: 'owner', ownerId: csm.userId } });
    expect(mine.total).toEqual({ count: 1, arrDue: 12_000 });
    expect((await getRenewalsByBand(other, { today })).total).toEqual({ count: 0, arrDue: 0 });
    await expectAppError(getRenewalsByBand(ctx, { today: '2026-02-31' }), 'VALIDATION');
  });
});
