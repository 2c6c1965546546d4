import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { GET as exportAlerts } from '@/app/(app)/[org]/alerts/export/route';
import { GET as exportRenewals } from '@/app/(app)/[org]/renewals/export/route';
import { resolveAlert } from '@/lib/dal/alerts';
import { addDays, todayIn } from '@/lib/kpi/period';
import { makeAccount, makeOrg } from './fixtures';
import { insertRenewal } from './kpis-fixtures';
import { alertsOf, evaluate, makePlaybook, setHealth } from './playbooks-fixtures';
import { signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));

type Route = (request: Request, ctx: { params: Promise<{ org: string }> }) => Promise<Response>;
const call = (route: Route, slug: string, path: string, search = '') =>
  route(new Request(`http://test.local/${slug}/${path}/export${search}`), { params: Promise.resolve({ org: slug }) });
const rowsOf = async (res: Response) => Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;

describe('renewals CSV export', () => {
  it('exports every renewal the list shows under its filters (not a page), in major units, formula-safe, only of the caller\'s org', async () => {
    const a = await makeOrg();
    const b = await makeOrg({ roles: [] });
    const today = todayIn('UTC');
    const evil = await makeAccount(a.org.id, { name: '=cmd|calc', externalId: 'CRM-1', ownerId: a.users.csm.id });
    await insertRenewal(a.org.id, evil.id, addDays(today, 10), 1_234_567, 'pending');
    for (let i = 0; i < 60; i++) {
      const acc = await makeAccount(a.org.id, { name: `Bulk ${String(i).padStart(2, '0')}` });
      await insertRenewal(a.org.id, acc.id, addDays(today, 20 + (i % 30)), 100_000, 'pending');
    }
    const late = await makeAccount(a.org.id, { name: 'Far away' });
    await insertRenewal(a.org.id, late.id, addDays(today, 200), 50_000, 'pending');
    await insertRenewal(b.org.id, (await makeAccount(b.org.id, { name: 'B secret' })).id, addDays(today, 5), 9_999, 'pending');

    signIn(a.users.viewer);
    const res = await call(exportRenewals as Route, a.org.slug, 'renewals', '?owner=all');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="renewals-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await rowsOf(res);
    // the next 90 days: 61 rows (more than a page of 50), not the one due in 200 days, nothing of org B
    expect(rows).toHaveLength(61);
    expect(rows[0]).toEqual({
      due_date: addDays(today, 10), account: "'=cmd|calc", account_external_id: 'CRM-1', owner: a.users.csm.name, owner_email: a.users.csm.email,
      arr_due: '12345.67', renewed_arr: '', currency: 'USD', outcome: 'pending', days_until_due: '10',
    });
    expect(rows.map((r) => r.account)).not.toContain('B secret');
    const pending = await rowsOf(await call(exportRenewals as Route, a.org.slug, 'renewals', '?owner=all&window=pending'));
    expect(pending.map((r) => r.account)).toContain('Far away');
  });

  it('answers 401 signed out and 404 to a non-member', async () => {
    const a = await makeOrg({ roles: [] });
    const b = await makeOrg({ roles: [] });
    signIn(null);
    expect((await call(exportRenewals as Route, a.org.slug, 'renewals')).status).toBe(401);
    signIn(b.users.owner);
    expect((await call(exportRenewals as Route, a.org.slug, 'renewals')).status).toBe(404);
  });
});

describe('alerts CSV export', () => {
  it('exports the inbox under its filters, with who resolved what; another org gets 404', async () => {
    const t = await makeOrg();
    const acc = await makeAccount(t.org.id, { name: 'Alpha', ownerId: t.users.csm.id });
    const other = await makeAccount(t.org.id, { name: 'Bravo' });
    await makePlaybook(t.org.id, 'health_below', { threshold: 40 });
    for (const a of [acc, other]) await setHealth(t.org.id, a.id, todayIn('UTC'), 30);
    await evaluate(t.org.id, 'all', new Date());
    const [bravo] = await alertsOf(t.org.id, other.id);
    await resolveAlert(await t.ctx('csm'), bravo.id, 'Called them.');

    signIn(t.users.viewer);
    const active = await rowsOf(await call(exportAlerts as Route, t.org.slug, 'alerts'));
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ status: 'open', account: 'Alpha', reason: 'Health is 30, below 40', assignee: t.users.csm.name, seen_count: '1', resolved: '' });
    expect(active[0].opened).toBe(todayIn('UTC'));
    const all = await rowsOf(await call(exportAlerts as Route, t.org.slug, 'alerts', '?status=all'));
    expect(all.map((r) => [r.account, r.status, r.resolved_by, r.resolution])).toEqual([
      ['Alpha', 'open', '', ''], ['Bravo', 'resolved', t.users.csm.name, 'Called them.'],
    ]);
    const b = await makeOrg({ roles: [] });
    signIn(b.users.owner);
    expect((await call(exportAlerts as Route, t.org.slug, 'alerts')).status).toBe(404);
  });
});
