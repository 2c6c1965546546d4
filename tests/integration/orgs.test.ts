import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { auditLog, organizations, revenueChanges } from '@/db/schema';
import { updateOrgSettingsAction } from '@/lib/actions/orgs';
import { getOrgSettings, updateOrgSettings } from '@/lib/dal/orgs';
import { updateOrgSettingsSchema } from '@/lib/validation/orgs';
import { auditEntries, expectAppError, makeAccount, makeOrg, uniq } from './fixtures';
import { signIn } from './session';

// The action reads the session through getSessionUser; each test chooses who is signed in.
vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

/** The form as the settings page posts it, with the org's current values unless overridden. */
const settingsForm = (org: { name: string; slug: string }, overrides: Record<string, string> = {}) => {
  const fields = {
    name: org.name, slug: org.slug, currency: 'USD', timezone: 'UTC', surveyCooldownDays: '90', alertHysteresis: '5', trackedFeatureKeys: '', ...overrides,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

const input = (org: { name: string; slug: string }, overrides: Record<string, string> = {}) =>
  updateOrgSettingsSchema.parse(Object.fromEntries(settingsForm(org, overrides).entries()));

const orgRow = async (id: string) => (await db.select().from(organizations).where(eq(organizations.id, id)))[0];

beforeEach(() => {
  signIn(null);
  vi.mocked(revalidatePath).mockClear();
});

describe('org settings validation', () => {
  it.each<[string, Record<string, string>, string]>([
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a currency that is not three letters', { currency: 'EURO' }, 'currency'],
    ['an unknown timezone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['a reserved slug', { slug: 'api' }, 'slug'],
    ['a slug with spaces', { slug: 'my org' }, 'slug'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a cooldown above 365', { surveyCooldownDays: '366' }, 'surveyCooldownDays'],
    ['a negative cooldown', { surveyCooldownDays: '-1' }, 'surveyCooldownDays'],
    ['a blank cooldown', { surveyCooldownDays: '' }, 'surveyCooldownDays'],
    ['a fractional cooldown', { surveyCooldownDays: '1.5' }, 'surveyCooldownDays'],
    ['a hysteresis above 50', { alertHysteresis: '51' }, 'alertHysteresis'],
    ['a hysteresis that is not a number', { alertHysteresis: 'five' }, 'alertHysteresis'],
    ['a feature key with a space', { trackedFeatureKeys: 'login\nexport report' }, 'trackedFeatureKeys'],
    ['a feature key longer than 64', { trackedFeatureKeys: 'k'.repeat(65) }, 'trackedFeatureKeys'],
    ['more than 200 feature keys', { trackedFeatureKeys: Array.from({ length: 201 }, (_, i) => `f${i}`).join(',') }, 'trackedFeatureKeys'],
  ])('%s is a field error and changes nothing', async (_what, overrides, field) => {
    const t = await makeOrg({ roles: ['admin'] });
    signIn(t.users.admin);
    const result = await updateOrgSettingsAction(t.org.slug, null, settingsForm(t.org, overrides));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    const errors = result.ok ? {} : result.fieldErrors ?? {};
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]![0].length).toBeGreaterThan(5);
    expect(await orgRow(t.org.id)).toEqual(t.org);
    expect(await auditEntries(t.org.id, 'org.updated')).toEqual([]);
  });

  it('names the bad feature keys in the message', () => {
    const parsed = updateOrgSettingsSchema.safeParse(Object.fromEntries(settingsForm({ name: 'A', slug: 'aa' }, { trackedFeatureKeys: 'ok, bad key, x/y' }).entries()));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toBe('Not a valid key: “bad key”, “x/y”. Use up to 64 letters, digits and _ . : - per key.');
  });

  it('a slug another org has is a field error, and both orgs keep theirs', async () => {
    const a = await makeOrg({ roles: ['admin'] });
    const b = await makeOrg({ roles: ['admin'] });
    signIn(b.users.admin);
    const result = await updateOrgSettingsAction(b.org.slug, null, settingsForm(b.org, { slug: a.org.slug.toUpperCase(), surveyCooldownDays: '10' }));
    expect(result).toEqual({
      ok: false, code: 'VALIDATION', message: 'Check the highlighted fields.',
      fieldErrors: { slug: ['That address is taken by another organization; choose another.'] },
    });
    expect((await orgRow(b.org.id)).slug).toBe(b.org.slug);
    expect((await orgRow(b.org.id)).surveyCooldownDays).toBe(90);
    expect(await orgRow(a.org.id)).toEqual(a.org);
  });
});

describe('saving org settings', () => {
  // Needs a second connection, so PostgreSQL only: another transaction takes the slug while B's save runs.
  it.runIf(process.env.TEST_DB === 'postgres')('a slug taken mid-save is a field error from the unique index', async () => {
    const a = await makeOrg({ roles: ['admin'] });
    const b = await makeOrg({ roles: ['admin'] });
    const bAdmin = await b.ctx('admin');
    const slug = `race-${uniq()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let taken!: () => void;
    const slugTaken = new Promise<void>((r) => { taken = r; });
    const holder = db.transaction(async (tx) => {
      await tx.update(organizations).set({ slug }).where(eq(organizations.id, a.org.id));
      taken();
      await gate;
    });
    await slugTaken;
    // B's pre-check cannot see the uncommitted slug; its UPDATE then waits on the unique index
    const saving = updateOrgSettings(bAdmin, input(b.org, { slug })).then(() => 'saved', (e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await holder;
    expect(await saving).toMatchObject({ code: 'VALIDATION', fieldErrors: { slug: ['That address is taken by another organization; choose another.'] } });
    expect((await orgRow(b.org.id)).slug).toBe(b.org.slug);
    expect(await auditEntries(b.org.id, 'org.updated')).toEqual([]);
  });

  it('two orgs saving the same new slug at once: one wins, the other gets the field error', async () => {
    const a = await makeOrg({ roles: ['admin'] });
    const b = await makeOrg({ roles: ['admin'] });
    const slug = `race-${uniq()}`;
    const results = await Promise.allSettled([
      updateOrgSettings(await a.ctx('admin'), input(a.org, { slug })),
      updateOrgSettings(await b.ctx('admin'), input(b.org, { slug })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(lost.reason).toMatchObject({ code: 'VALIDATION', fieldErrors: { slug: ['That address is taken by another organization; choose another.'] } });
    const slugs = [(await orgRow(a.org.id)).slug, (await orgRow(b.org.id)).slug];
    expect(slugs.filter((s) => s === slug)).toHaveLength(1);
  });

  it('keeps the currency once revenue is recorded (amounts are never converted)', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    const admin = await t.ctx('admin');
    const account = await makeAccount(admin);
    await db.insert(revenueChanges).values({ orgId: t.org.id, accountId: account.id, effectiveDate: '2026-01-01', mrr: 10_000, currency: 'USD' });
    const err = await expectAppError(updateOrgSettings(admin, input(t.org, { currency: 'EUR', surveyCooldownDays: '30' })), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ currency: ['The currency cannot change once revenue is recorded: amounts are not converted.'] });
    expect(await orgRow(t.org.id)).toEqual(t.org);
    // everything else can still change
    expect(await updateOrgSettings(admin, input(t.org, { surveyCooldownDays: '30' }))).toEqual({ slug: t.org.slug, changed: ['surveyCooldownDays'] });
  });

  it('stores the changed fields and audits their before and after values in the same save', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    signIn(t.users.admin);
    const result = await updateOrgSettingsAction(t.org.slug, null, settingsForm(t.org, {
      currency: 'eur', timezone: 'Europe/Berlin', surveyCooldownDays: '30', alertHysteresis: '8', trackedFeatureKeys: 'login, export.csv\nreport:view\nlogin\n',
    }));
    expect(result).toEqual({ ok: true, data: { slug: t.org.slug, changed: ['currency', 'timezone', 'surveyCooldownDays', 'trackedFeatureKeys', 'alertHysteresis'] } });
    expect(revalidatePath).toHaveBeenCalledWith(`/${t.org.slug}`, 'layout');

    expect(await getOrgSettings(await t.ctx('admin'))).toEqual({
      name: t.org.name, slug: t.org.slug, currency: 'EUR', timezone: 'Europe/Berlin', surveyCooldownDays: 30,
      trackedFeatureKeys: ['login', 'export.csv', 'report:view'], alertHysteresis: 8,
    });
    const [entry, ...more] = await auditEntries(t.org.id, 'org.updated');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorType: 'user', actorId: t.users.admin.id, entityType: 'organization', entityId: t.org.id,
      before: { currency: 'USD', timezone: 'UTC', surveyCooldownDays: 90, trackedFeatureKeys: null, alertHysteresis: 5 },
      after: { currency: 'EUR', timezone: 'Europe/Berlin', surveyCooldownDays: 30, trackedFeatureKeys: ['login', 'export.csv', 'report:view'], alertHysteresis: 8 },
    });
  });

  it('saving unchanged values writes no audit entry; blank feature keys go back to null', async () => {
    const t = await makeOrg();
    const owner = await t.ctx('owner');
    await updateOrgSettings(owner, input(t.org, { trackedFeatureKeys: 'a,b' }));
    expect(await updateOrgSettings(owner, input(t.org, { trackedFeatureKeys: ' a\nb,' }))).toEqual({ slug: t.org.slug, changed: [] });
    expect(await auditEntries(t.org.id, 'org.updated')).toHaveLength(1);

    await updateOrgSettings(owner, input(t.org, { trackedFeatureKeys: ' \n , ' }));
    expect((await getOrgSettings(await t.ctx('viewer'))).trackedFeatureKeys).toBeNull();
    const entries = await auditEntries(t.org.id, 'org.updated');
    expect(entries[1]).toMatchObject({ before: { trackedFeatureKeys: ['a', 'b'] }, after: { trackedFeatureKeys: null } });
  });

  it('changes the slug, so the org answers at the new address only', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    signIn(t.users.admin);
    const slug = `renamed-${uniq()}`;
    const result = await updateOrgSettingsAction(t.org.slug, null, settingsForm(t.org, { slug: slug.toUpperCase(), name: 'Renamed Inc' }));
    expect(result).toEqual({ ok: true, data: { slug, changed: ['name', 'slug'] } });
    expect(await orgRow(t.org.id)).toMatchObject({ slug, name: 'Renamed Inc' });
    expect(revalidatePath).toHaveBeenCalledWith(`/${slug}`, 'layout');
    expect((await auditEntries(t.org.id, 'org.updated'))[0]).toMatchObject({ before: { name: t.org.name, slug: t.org.slug }, after: { name: 'Renamed Inc', slug } });
    // the old address is no org any more
    expect(await updateOrgSettingsAction(t.org.slug, null, settingsForm({ name: 'X', slug }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('CSMs and viewers may read the settings but not save them', async () => {
    const t = await makeOrg();
    for (const role of ['csm', 'viewer'] as const) {
      const ctx = await t.ctx(role);
      expect((await getOrgSettings(ctx)).surveyCooldownDays).toBe(90);
      await expectAppError(updateOrgSettings(ctx, input(t.org, { surveyCooldownDays: '7' })), 'FORBIDDEN');
      signIn(t.users[role]);
      expect(await updateOrgSettingsAction(t.org.slug, null, settingsForm(t.org, { surveyCooldownDays: '7' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await orgRow(t.org.id)).toEqual(t.org);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, t.org.id))).toEqual([]);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe('org settings across tenants', () => {
  it('org B\'s save changes only org B, and B cannot post to A\'s address', async () => {
    const a = await makeOrg({ roles: ['admin'] });
    const b = await makeOrg({ roles: ['admin'] });
    await updateOrgSettings(await b.ctx('admin'), input(b.org, { surveyCooldownDays: '12', alertHysteresis: '20', currency: 'GBP' }));
    expect(await orgRow(a.org.id)).toEqual(a.org);
    expect(await orgRow(b.org.id)).toMatchObject({ surveyCooldownDays: 12, alertHysteresis: 20, currency: 'GBP' });

    signIn(b.users.admin);
    expect(await updateOrgSettingsAction(a.org.slug, null, settingsForm(a.org, { surveyCooldownDays: '1' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await orgRow(a.org.id)).toEqual(a.org);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, a.org.id))).toEqual([]);
    expect(await auditEntries(b.org.id, 'org.updated')).toHaveLength(1);
  });
});
