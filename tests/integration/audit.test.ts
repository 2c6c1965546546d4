import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, organizations, type ActorType } from '@/db/schema';
import { listAuditEntries } from '@/lib/dal/audit';
import { updateOrgSettings } from '@/lib/dal/orgs';
import { auditParamsSchema, type AuditFilters } from '@/lib/validation/audit';
import { updateOrgSettingsSchema } from '@/lib/validation/orgs';
import { expectAppError, makeOrg } from './fixtures';

type Entry = { at: string; action: string; actor?: ActorType; actorId?: string | null; before?: Record<string, unknown>; after?: Record<string, unknown> };

/** Inserts hand-built audit entries for the org, at the given times. */
async function seed(orgId: string, entries: Entry[]) {
  await db.insert(auditLog).values(entries.map((e) => ({
    orgId, createdAt: new Date(e.at), action: e.action, entityType: e.action.split('.')[0], actorType: e.actor ?? 'user',
    actorId: e.actorId === undefined ? null : e.actorId, before: e.before ?? null, after: e.after ?? null,
  })));
}

const filters = (f: Partial<AuditFilters> = {}): AuditFilters => ({ page: 1, ...f });

/** An org with entries by two users, an API key and the system, across kinds and days (UTC). */
async function orgWithEntries() {
  const t = await makeOrg({ roles: ['admin', 'csm', 'viewer'] });
  const { owner, csm } = t.users;
  await seed(t.org.id, [
    { at: '2026-03-01T10:00:00Z', action: 'account.updated', actorId: csm.id, before: { licensedSeats: 40 }, after: { licensedSeats: 45 } },
    { at: '2026-03-02T10:00:00Z', action: 'member.role_changed', actorId: owner.id, before: { role: 'viewer' }, after: { role: 'csm' } },
    { at: '2026-03-03T10:00:00Z', action: 'account.created', actor: 'api_key', actorId: 'key-1' },
    { at: '2026-03-04T10:00:00Z', action: 'accounting.synced', actor: 'system' },
    { at: '2026-03-05T10:00:00Z', action: 'stakeholder.updated', actorId: csm.id },
    { at: '2026-03-06T10:00:00Z', action: 'org.updated', actorId: owner.id, before: { alertHysteresis: 5 }, after: { alertHysteresis: 8 } },
  ]);
  return t;
}

const actions = (page: { rows: { action: string }[] }) => page.rows.map((r) => r.action);

describe('listing the audit log', () => {
  it('lists the org\'s entries newest first with the actor\'s name and the before/after values', async () => {
    const t = await orgWithEntries();
    const page = await listAuditEntries(await t.ctx('admin'), filters());
    expect(page.total).toBe(6);
    expect(page.timezone).toBe('UTC');
    expect(actions(page)).toEqual(['org.updated', 'stakeholder.updated', 'accounting.synced', 'account.created', 'member.role_changed', 'account.updated']);
    expect(page.rows[0]).toMatchObject({
      actorType: 'user', actorId: t.users.owner.id, actorName: t.users.owner.name, entityType: 'org',
      before: { alertHysteresis: 5 }, after: { alertHysteresis: 8 }, createdAt: new Date('2026-03-06T10:00:00Z'),
    });
    expect(page.rows[3]).toMatchObject({ actorType: 'api_key', actorId: 'key-1', actorName: null });
    expect(page.rows[2]).toMatchObject({ actorType: 'system', actorId: null, actorName: null });
  });

  it('filters by actor: a member, API keys, or the system', async () => {
    const t = await orgWithEntries();
    const admin = await t.ctx('owner');
    expect(actions(await listAuditEntries(admin, filters({ actor: t.users.csm.id })))).toEqual(['stakeholder.updated', 'account.updated']);
    expect(actions(await listAuditEntries(admin, filters({ actor: t.users.owner.id.toUpperCase() })))).toEqual(['org.updated', 'member.role_changed']);
    expect(actions(await listAuditEntries(admin, filters({ actor: 'api' })))).toEqual(['account.created']);
    expect(actions(await listAuditEntries(admin, filters({ actor: 'system' })))).toEqual(['accounting.synced']);
    expect((await listAuditEntries(admin, filters({ actor: t.users.viewer.id }))).total).toBe(0);
  });

  it('filters by kind, the action before the dot ("accounting" is not "account")', async () => {
    const t = await orgWithEntries();
    const admin = await t.ctx('admin');
    const accountsOnly = await listAuditEntries(admin, filters({ kind: 'account' }));
    expect(actions(accountsOnly)).toEqual(['account.created', 'account.updated']);
    expect(accountsOnly.total).toBe(2);
    expect(actions(await listAuditEntries(admin, filters({ kind: 'member' })))).toEqual(['member.role_changed']);
    expect(actions(await listAuditEntries(admin, filters({ kind: 'import' })))).toEqual([]);
    expect(actions(await listAuditEntries(admin, filters({ kind: 'account', actor: 'api' })))).toEqual(['account.created']);
  });

  it('filters by a date range of whole days, both ends included', async () => {
    const t = await orgWithEntries();
    const admin = await t.ctx('admin');
    expect(actions(await listAuditEntries(admin, filters({ from: '2026-03-02', to: '2026-03-04' })))).toEqual(['accounting.synced', 'account.created', 'member.role_changed']);
    expect(actions(await listAuditEntries(admin, filters({ from: '2026-03-05' })))).toEqual(['org.updated', 'stakeholder.updated']);
    expect(actions(await listAuditEntries(admin, filters({ to: '2026-03-01' })))).toEqual(['account.updated']);
    expect((await listAuditEntries(admin, filters({ from: '2026-04-01' }))).total).toBe(0);
  });

  it('reads the dates in the org\'s timezone', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    await db.update(organizations).set({ timezone: 'America/New_York' }).where(eq(organizations.id, t.org.id));
    // 03:30 UTC on March 10 is still March 9 in New York (UTC−4 after the March 8 change)
    await seed(t.org.id, [{ at: '2026-03-10T03:30:00Z', action: 'account.updated' }, { at: '2026-03-10T04:30:00Z', action: 'account.deleted' }]);
    const admin = await t.ctx('admin');
    const march9 = await listAuditEntries(admin, filters({ from: '2026-03-09', to: '2026-03-09' }));
    expect(actions(march9)).toEqual(['account.updated']);
    expect(march9.timezone).toBe('America/New_York');
    expect(actions(await listAuditEntries(admin, filters({ from: '2026-03-10', to: '2026-03-10' })))).toEqual(['account.deleted']);
  });

  it('pages by 50 in SQL, newest first, with the total', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    const start = Date.parse('2026-01-01T00:00:00Z');
    await seed(t.org.id, Array.from({ length: 55 }, (_, i) => ({ at: new Date(start + i * 60_000).toISOString(), action: `account.n${String(i).padStart(2, '0')}` })));
    const admin = await t.ctx('admin');
    const first = await listAuditEntries(admin, filters());
    expect(first).toMatchObject({ total: 55, pageSize: 50 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].action).toBe('account.n54');
    expect(first.rows[49].action).toBe('account.n05');
    const second = await listAuditEntries(admin, filters({ page: 2 }));
    expect(actions(second)).toEqual(['account.n04', 'account.n03', 'account.n02', 'account.n01', 'account.n00']);
    expect(second.total).toBe(55);
    expect((await listAuditEntries(admin, filters({ page: 3 }))).rows).toEqual([]);
  });

  it('shows the entry a settings save writes', async () => {
    const t = await makeOrg({ roles: ['admin'] });
    const admin = await t.ctx('admin');
    await updateOrgSettings(admin, updateOrgSettingsSchema.parse({
      name: t.org.name, slug: t.org.slug, currency: 'USD', timezone: 'UTC', surveyCooldownDays: '45', alertHysteresis: '5',
    }));
    const page = await listAuditEntries(admin, filters({ kind: 'org', actor: t.users.admin.id }));
    expect(page.rows).toMatchObject([{ action: 'org.updated', actorName: t.users.admin.name, before: { surveyCooldownDays: 90 }, after: { surveyCooldownDays: 45 } }]);
  });
});

describe('who may read the audit log', () => {
  it('CSMs and viewers are refused', async () => {
    const t = await orgWithEntries();
    await expectAppError(listAuditEntries(await t.ctx('csm'), filters()), 'FORBIDDEN');
    await expectAppError(listAuditEntries(await t.ctx('viewer'), filters()), 'FORBIDDEN');
    expect((await listAuditEntries(await t.ctx('owner'), filters())).total).toBe(6);
  });

  it('org B never sees org A\'s entries, even filtered by A\'s own members', async () => {
    const a = await orgWithEntries();
    const b = await makeOrg({ roles: ['admin'] });
    await seed(b.org.id, [{ at: '2026-03-01T12:00:00Z', action: 'org.updated', actorId: b.users.admin.id }]);
    const bAdmin = await b.ctx('admin');
    const all = await listAuditEntries(bAdmin, filters());
    expect(all.total).toBe(1);
    expect(all.rows.map((r) => r.actorId)).toEqual([b.users.admin.id]);
    expect((await listAuditEntries(bAdmin, filters({ actor: a.users.csm.id }))).total).toBe(0);
    expect((await listAuditEntries(bAdmin, filters({ kind: 'account' }))).total).toBe(0);
    const ofA = await listAuditEntries(await a.ctx('owner'), filters());
    expect(ofA.total).toBe(6);
    expect(ofA.rows.map((r) => r.actorId)).not.toContain(b.users.admin.id);
  });
});

describe('audit search params', () => {
  it('keeps good values', () => {
    const id = '0b6f1c1e-8a4b-4f6e-9d3c-2a1b0c9d8e7f';
    expect(auditParamsSchema.parse({ actor: id, kind: 'member', from: '2026-01-01', to: '2026-01-31', page: '3' }))
      .toEqual({ actor: id, kind: 'member', from: '2026-01-01', to: '2026-01-31', page: 3 });
    expect(auditParamsSchema.parse({ actor: 'api' })).toEqual({ actor: 'api', page: 1 });
  });

  it('turns bad values into the defaults', () => {
    expect(auditParamsSchema.parse({
      actor: "1' or 1=1", kind: 'everything', from: '2026-02-30', to: 'yesterday', page: '-4',
    })).toEqual({ page: 1 });
    expect(auditParamsSchema.parse({ actor: ['api', 'system'], kind: '', from: '0000-01-01', page: 'x' })).toEqual({ page: 1 });
  });

  it('turns a backwards range round', () => {
    expect(auditParamsSchema.parse({ from: '2026-03-31', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-31', page: 1 });
  });
});
