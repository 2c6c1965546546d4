import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accounts, healthConfigs, healthScores } from '@/db/schema';
import { previewHealthConfigAction, restoreHealthConfigAction, saveHealthConfigAction } from '@/lib/actions/health';
import {
  getActiveHealthConfig, listHealthConfigVersions, previewHealthConfig, restoreHealthConfig, saveHealthConfig,
} from '@/lib/dal/health-config';
import { recomputeHealth } from '@/lib/health/recompute';
import { defaultHealthWeights, healthFactors } from '@/lib/kpi/health';
import { auditEntries, expectAppError, makeAccount, makeOrg } from './fixtures';
import { addRevenue, addTicket, daysAgo } from './health-fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const onlySupport = { ...Object.fromEntries(healthFactors.map((f) => [f, 0])), support: 100 } as typeof defaultHealthWeights;
const draftForm = (over: Record<string, string> = {}) =>
  form({ ...Object.fromEntries(healthFactors.map((f) => [f, String(defaultHealthWeights[f])])), yellowFrom: '40', greenFrom: '70', ...over });

async function scoreOf(orgId: string, accountId: string) {
  const [a] = await db.select({ score: accounts.healthScore, band: accounts.healthBand }).from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId)));
  return a;
}

describe('health config versions', () => {
  it('a save writes a new version, rescores every account in the same transaction and is audited', async () => {
    const { org, ctx } = await makeOrg();
    const admin = await ctx('admin');
    const acc = await makeAccount(org.id);
    // one open high ticket and one open normal: support 100 − 30 − 25 = 45, the only factor with a source
    await addTicket(org.id, acc.id, { opened: 3, priority: 'high' });
    await addTicket(org.id, acc.id, { opened: 2 });
    await recomputeHealth(db, org.id, 'all');
    expect(await scoreOf(org.id, acc.id)).toEqual({ score: 45, band: 'yellow' });
    expect((await getActiveHealthConfig(admin)).version).toBe(0);

    const saved = await saveHealthConfig(admin, { weights: onlySupport, bands: { yellowFrom: 50, greenFrom: 80 } }, 'Support first');
    expect(saved).toEqual({ version: 1, accounts: 1 });
    expect(await scoreOf(org.id, acc.id)).toEqual({ score: 45, band: 'red' });
    const [row] = await db.select().from(healthScores).where(and(eq(healthScores.orgId, org.id), eq(healthScores.day, daysAgo(0))));
    expect(row.configVersion).toBe(1);
    const active = await getActiveHealthConfig(await ctx('viewer'));
    expect(active).toMatchObject({ version: 1, weights: onlySupport, bands: { yellowFrom: 50, greenFrom: 80 }, comment: 'Support first' });
    const [audit] = await auditEntries(org.id, 'health_config.saved');
    expect(audit.before).toMatchObject({ version: 0, weights: defaultHealthWeights, bands: { yellowFrom: 40, greenFrom: 70 } });
    expect(audit.after).toMatchObject({ version: 1, weights: onlySupport, bands: { yellowFrom: 50, greenFrom: 80 }, comment: 'Support first' });

    await saveHealthConfig(admin, { weights: defaultHealthWeights, bands: { yellowFrom: 30, greenFrom: 45 } }, 'Lenient');
    expect(await scoreOf(org.id, acc.id)).toEqual({ score: 45, band: 'green' });
    const restored = await restoreHealthConfig(admin, 1);
    expect(restored.version).toBe(3);
    expect(await getActiveHealthConfig(admin)).toMatchObject({ version: 3, weights: onlySupport, comment: 'Restored version 1' });
    expect(await scoreOf(org.id, acc.id)).toEqual({ score: 45, band: 'red' });
    expect((await auditEntries(org.id, 'health_config.restored'))[0].after).toMatchObject({ version: 3 });
    const history = await listHealthConfigVersions(admin);
    expect(history.total).toBe(3);
    expect(history.rows.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(history.rows[2].createdByName).toBeTruthy();
    await expectAppError(restoreHealthConfig(admin, 99), 'NOT_FOUND');
  });

  it('CSMs and viewers are refused; bad drafts name the field', async () => {
    const { org, users, ctx } = await makeOrg();
    for (const role of ['csm', 'viewer'] as const) {
      await expectAppError(saveHealthConfig(await ctx(role), { weights: defaultHealthWeights, bands: { yellowFrom: 40, greenFrom: 70 } }, 'x'), 'FORBIDDEN');
      await expectAppError(restoreHealthConfig(await ctx(role), 1), 'FORBIDDEN');
      signIn(users[role]);
      expect(await saveHealthConfigAction(org.slug, null, draftForm({ comment: 'mine' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await previewHealthConfigAction(org.slug, null, draftForm())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await restoreHealthConfigAction(org.slug, null, form({ version: '1' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.select().from(healthConfigs).where(eq(healthConfigs.orgId, org.id))).toEqual([]);

    signIn(users.admin);
    const bad = await saveHealthConfigAction(org.slug, null, draftForm({ yellowFrom: '70', greenFrom: '60', nps: '101', csat: '', comment: '' }));
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    const errors = !bad.ok ? bad.fieldErrors! : {};
    expect(Object.keys(errors).sort()).toEqual(['comment', 'csat', 'nps']);
    expect(errors.nps).toEqual(['Enter a whole number from 0 to 100.']);
    // the cross-field rule is checked once every field is a number
    const order = await saveHealthConfigAction(org.slug, null, draftForm({ yellowFrom: '70', greenFrom: '60', comment: 'c' }));
    expect(order).toMatchObject({ ok: false, fieldErrors: { greenFrom: ['Green must start above where yellow starts.'] } });
    const zero = await previewHealthConfigAction(org.slug, null, form({ ...Object.fromEntries(healthFactors.map((f) => [f, '0'])), yellowFrom: '40', greenFrom: '70' }));
    expect(zero).toMatchObject({ ok: false, fieldErrors: { usageFrequency: ['Give at least one factor a weight above 0.'] } });
    const ok = await saveHealthConfigAction(org.slug, null, draftForm({ comment: 'Defaults, on record' }));
    expect(ok).toEqual({ ok: true, data: { version: 1, accounts: 0 } });
  });

  it('org B can neither read, save over nor restore org A\'s config', async () => {
    const a = await makeOrg({ roles: ['admin'] });
    const b = await makeOrg({ roles: ['admin'] });
    const accA = await makeAccount(a.org.id);
    await saveHealthConfig(await a.ctx('admin'), { weights: onlySupport, bands: { yellowFrom: 50, greenFrom: 80 } }, 'A only');
    const aRows = await db.select().from(healthScores).where(eq(healthScores.orgId, a.org.id));
    const bAdmin = await b.ctx('admin');
    expect((await getActiveHealthConfig(bAdmin)).version).toBe(0);
    expect((await listHealthConfigVersions(bAdmin)).total).toBe(0);
    await expectAppError(restoreHealthConfig(bAdmin, 1), 'NOT_FOUND');
    await saveHealthConfig(bAdmin, { weights: defaultHealthWeights, bands: { yellowFrom: 10, greenFrom: 20 } }, 'B');
    expect((await getActiveHealthConfig(await a.ctx('admin'))).comment).toBe('A only');
    expect(await db.select().from(healthScores).where(eq(healthScores.orgId, a.org.id))).toEqual(aRows);
    expect(aRows.map((r) => r.accountId)).toEqual([accA.id]);
    // signed in to A, an action for B's slug is not found
    a.users.admin && signIn(a.users.admin);
    expect(await restoreHealthConfigAction(b.org.slug, null, form({ version: '1' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

/** The last 12 month-ends before this month (UTC), newest first, as the backtest picks them. */
function monthEnds(): string[] {
  const now = new Date();
  return Array.from({ length: 12 }, (_, k) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 0)).toISOString().slice(0, 10));
}

describe('preview and backtest', () => {
  it('counts band changes, distributions, caught churn and false alarms for both configs', async () => {
    const { org, ctx } = await makeOrg({ roles: ['admin'] });
    const admin = await ctx('admin');
    const [churned, flaky, steady, now] = [await makeAccount(org.id), await makeAccount(org.id), await makeAccount(org.id), await makeAccount(org.id, { name: 'Shaky now' })];
    for (const acc of [churned, flaky, steady]) await addRevenue(org.id, acc.id, daysAgo(400), 10_000);
    await addRevenue(org.id, churned.id, daysAgo(30), 0, 'budget');
    // churned: four open high tickets from 200 to 100 days ago → support 0 at 120 days ago (90 before churn): red under both
    for (let i = 0; i < 4; i++) await addTicket(org.id, churned.id, { opened: 200, closed: 100, priority: 'high' });
    // flaky: one high and two normal open from 100 to 40 days ago → 30: red by default, yellow when yellow starts at 30
    await addTicket(org.id, flaky.id, { opened: 100, closed: 40, priority: 'high' });
    await addTicket(org.id, flaky.id, { opened: 100, closed: 40 });
    await addTicket(org.id, flaky.id, { opened: 100, closed: 40 });
    // "Shaky now": the same today
    await addTicket(org.id, now.id, { opened: 5, priority: 'high' });
    await addTicket(org.id, now.id, { opened: 5 });
    await addTicket(org.id, now.id, { opened: 5 });

    const opened = Date.now() - 100 * 86_400_000;
    const closed = Date.now() - 40 * 86_400_000;
    const redEnds = monthEnds().filter((d) => {
      const endOfDay = Date.parse(`${d}T00:00:00Z`) + 86_400_000;
      return opened <= endOfDay && closed > endOfDay;
    }).length;

    const preview = await previewHealthConfig(admin, { weights: defaultHealthWeights, bands: { yellowFrom: 30, greenFrom: 70 } });
    expect(preview.accounts).toBe(4);
    expect(preview.changedBands).toBe(1);
    expect(preview.topChanges).toEqual([
      { accountId: now.id, name: 'Shaky now', from: { score: 30, band: 'red' }, to: { score: 30, band: 'yellow' } },
    ]);
    expect(preview.distribution).toEqual({
      current: { red: 1, yellow: 0, green: 3, none: 0 },
      draft: { red: 0, yellow: 1, green: 3, none: 0 },
    });
    expect(preview.backtest.current).toEqual({ caught: 1, churned: 1, falseAlarms: redEnds, pairs: 24, falseAlarmRate: (redEnds * 100) / 24 });
    expect(preview.backtest.draft).toEqual({ caught: 1, churned: 1, falseAlarms: 0, pairs: 24, falseAlarmRate: 0 });
    expect(redEnds).toBeGreaterThanOrEqual(1);
    expect(preview.undatable[0]).toMatch(/roles are taken as they are today/);
    // nothing was written
    expect(await db.select().from(healthConfigs).where(eq(healthConfigs.orgId, org.id))).toEqual([]);
    await expectAppError(previewHealthConfig(await (await makeOrg({ roles: ['csm'] })).ctx('csm'), { weights: defaultHealthWeights, bands: { yellowFrom: 40, greenFrom: 70 } }), 'FORBIDDEN');
  });
});
