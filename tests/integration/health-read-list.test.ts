import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { listAccounts, listAccountsForExport } from '@/lib/dal/accounts';
import { accountListHref, isFiltered, parseAccountListParams } from '@/lib/validation/accounts';
import { makeAccount, makeOrg } from './fixtures';
import { setCurrent } from './health-read-fixtures';

// Scores: Ant 20 (red), Bee 55 (yellow), Cat none, Dog 75 (green), Eel 35 (red), Fox none, Gnu 20 (red).
let ctx: TenantCtx;
let other: TenantCtx;
const scores: [string, number | null][] = [['Ant', 20], ['Bee', 55], ['Cat', null], ['Dog', 75], ['Eel', 35], ['Fox', null], ['Gnu', 20]];

beforeAll(async () => {
  const org = await makeOrg({ roles: [] });
  ctx = await org.ctx('owner');
  other = await (await makeOrg({ roles: [] })).ctx('owner');
  for (const [name, score] of scores) await setCurrent(ctx.orgId, (await makeAccount(ctx, { name })).id, score);
  await setCurrent(other.orgId, (await makeAccount(other, { name: 'Other red' })).id, 5);
});

const names = async (raw: Record<string, string>, c = ctx) => {
  const q = parseAccountListParams(raw, c.role);
  const { rows, total } = await listAccounts(c, q);
  return { names: rows.map((r) => r.name), total, rows };
};

describe('accounts list by health', () => {
  it('sorts by health both ways with unscored accounts last, ties by name', async () => {
    expect((await names({ sort: 'health' })).names).toEqual(['Ant', 'Gnu', 'Eel', 'Bee', 'Dog', 'Cat', 'Fox']);
    expect((await names({ sort: '-health' })).names).toEqual(['Dog', 'Bee', 'Eel', 'Ant', 'Gnu', 'Cat', 'Fox']);
  });

  it('carries score and band on each row', async () => {
    const { rows } = await names({ sort: 'health' });
    expect(rows.map((r) => [r.name, r.healthScore, r.healthBand])).toEqual([
      ['Ant', 20, 'red'], ['Gnu', 20, 'red'], ['Eel', 35, 'red'], ['Bee', 55, 'yellow'], ['Dog', 75, 'green'], ['Cat', null, null], ['Fox', null, null],
    ]);
  });

  it('filters by band, "none" meaning no score, and pages through in SQL', async () => {
    expect(await names({ band: 'red', sort: 'health' }).then((r) => [r.names, r.total])).toEqual([['Ant', 'Gnu', 'Eel'], 3]);
    expect((await names({ band: 'none' })).names).toEqual(['Cat', 'Fox']);
    expect((await names({ band: 'green' })).names).toEqual(['Dog']);
    const q = { ...parseAccountListParams({ band: 'red', sort: 'health' }, 'owner'), pageSize: 2, page: 2 };
    const page2 = await listAccounts(ctx, q);
    expect([page2.rows.map((r) => r.name), page2.total]).toEqual([['Eel'], 3]);
    // org B's red account never shows in A's list, and A's never in B's
    expect((await names({ band: 'red' }, other)).names).toEqual(['Other red']);
  });

  it('keeps the band in the URL and treats an unknown band as no filter', () => {
    const p = parseAccountListParams({ band: 'red', sort: '-health' }, 'csm');
    expect([p.band, p.sort, isFiltered(p)]).toEqual(['red', '-health', true]);
    expect(accountListHref('/o/accounts', p, 'csm')).toBe('/o/accounts?band=red&sort=-health');
    expect(accountListHref('/o/accounts', p, 'csm', { band: undefined })).toBe('/o/accounts?sort=-health');
    expect(parseAccountListParams({ band: 'purple', sort: 'healthy' }, 'owner')).toMatchObject({ band: undefined, sort: 'name' });
  });

  it('exports health score and band with the list’s filters and order', async () => {
    const rows = await listAccountsForExport(ctx, parseAccountListParams({ band: 'red', sort: '-health' }, 'owner'));
    expect(rows.map((r) => [r.name, r.healthScore, r.healthBand])).toEqual([['Eel', 35, 'red'], ['Ant', 20, 'red'], ['Gnu', 20, 'red']]);
  });
});
