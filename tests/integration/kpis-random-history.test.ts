import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { revenueFigures } from '@/lib/dal/kpis/revenue-sql';
import { monthlyWindows, valuesWindows } from '@/lib/dal/kpis/sql';
import { addDays, customPeriod, monthlyBuckets, periodOf, type DateRange } from '@/lib/kpi/period';
import { movementsFromHistory, type RevenueChangeRow } from '@/lib/kpi/revenue';
import { makeAccount, makeOrg } from './fixtures';
import { insertChanges, seeded, type Change } from './kpis-fixtures';

// A seeded random history (zero moves, same-day changes recorded out of order, churns and returns) checked against
// the reference replay movementsFromHistory for many periods, in one query per set of windows.
let ctx: TenantCtx;
let ownerId: string;
let history: RevenueChangeRow[] = [];
const owned = new Set<string>();

beforeAll(async () => {
  const { ctx: ctxOf } = await makeOrg({ roles: ['csm'] });
  ctx = await ctxOf('owner');
  ownerId = (await ctxOf('csm')).userId;
  const rand = seeded(20250214);
  const changes: Change[] = [];
  const recorded = Array.from({ length: 400 }, (_, i) => Date.UTC(2030, 0, 1) + i * 1000);
  for (let a = 0; a < 36; a++) {
    const mine = rand.next() < 0.5;
    const account = await makeAccount(ctx, mine ? { ownerId } : {});
    if (mine) owned.add(account.id);
    let date = addDays('2023-06-01', rand.int(0, 400));
    for (let c = rand.int(0, 9); c > 0; c--) {
      // 1 in 4 changes lands on the same day as the previous one
      if (rand.next() > 0.25) date = addDays(date, rand.int(1, 120));
      const roll = rand.next();
      const mrr = roll < 0.25 ? 0 : roll < 0.35 ? 1000 : rand.int(1, 40) * 250;
      // recorded_at drawn at random, so the order of a day's changes is not the insertion order
      const at = recorded.splice(rand.int(0, recorded.length - 1), 1)[0];
      changes.push({ accountId: account.id, date, mrr, recordedAt: new Date(at) });
    }
  }
  history = await insertChanges(ctx.orgId, changes);
});

const expectReplay = (ranges: DateRange[], rows: RevenueChangeRow[]) => async (got: Awaited<ReturnType<typeof revenueFigures>>) => {
  expect(got).toHaveLength(ranges.length);
  ranges.forEach((range, i) => {
    const { w: _w, start, end, currency: _c, hasData: _h, accountsMoved: _m, ...figures } = got[i];
    expect([start, end]).toEqual([range.start, range.end]);
    expect(figures).toEqual(movementsFromHistory(rows, range));
  });
};

describe('SQL movements equal movementsFromHistory on a random history', () => {
  const ranges: DateRange[] = [
    periodOf('month', '2024-01-15'),
    periodOf('month', '2024-07-01'),
    periodOf('quarter', '2024-05-01'),
    periodOf('year', '2024-01-01'),
    customPeriod('2023-09-17', '2024-02-03'),
    customPeriod('2024-10-31', '2024-11-01'),
    customPeriod('2023-01-01', '2026-01-01'),
  ];

  it('has a history worth testing', () => {
    expect(history.length).toBeGreaterThan(100);
    const ref = movementsFromHistory(history, periodOf('year', '2024-01-01'));
    for (const value of Object.values(ref.movements)) expect(value).not.toBe(0);
  });

  it('whole org, seven periods in one query', async () => {
    await expectReplay(ranges, history)(await revenueFigures(ctx, { kind: 'org' }, valuesWindows(ranges)));
  });

  it('one owner’s accounts', async () => {
    const mine = history.filter((c) => owned.has(c.accountId));
    await expectReplay(ranges, mine)(await revenueFigures(ctx, { kind: 'owner', ownerId }, valuesWindows(ranges)));
  });

  it('a monthly series over 2024, with five lead months', async () => {
    const period = periodOf('year', '2024-03-01');
    const got = await revenueFigures(ctx, { kind: 'org' }, monthlyWindows(period, 5));
    const lead = monthlyBuckets(customPeriod('2023-08-01', '2024-01-01'));
    await expectReplay([...lead, ...monthlyBuckets(period)], history)(got);
    expect(got.map((f) => f.w)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
