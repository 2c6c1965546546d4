import { and, asc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, auditLog } from '@/db/schema';
import { GET as exportAccounts } from '@/app/(app)/[org]/accounts/export/route';
import { archiveAccountAction, createAccountAction, restoreAccountAction, updateAccountAction } from '@/lib/actions/accounts';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import {
  archiveAccount, createAccount, deleteAccount, getAccount, listAccounts, restoreAccount, updateAccount, type AccountListQuery,
} from '@/lib/dal/accounts';
import { parseAccountListParams } from '@/lib/validation/accounts';
import { auditEntries, expectAppError, makeAccount, makeOrg, uniq } from './fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// Lets one test make the audit write fail, to prove the change and its events roll back with it.
const auditFault = vi.hoisted(() => ({ fail: false }));
vi.mock('@/lib/dal/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/dal/audit')>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (auditFault.fail) throw new Error('audit store unavailable');
      return real.recordAudit(...args);
    },
  };
});

const rowOf = async (orgId: string, id: string) =>
  (await db.select().from(accounts).where(and(eq(accounts.orgId, orgId), eq(accounts.id, id))))[0];
const eventsOf = (orgId: string, accountId: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId))).orderBy(asc(accountEvents.kind), asc(accountEvents.summary));
const event = (orgId: string, accountId: string, occurredAt: string, kind = 'note') =>
  db.insert(accountEvents).values({ orgId, accountId, kind, occurredAt: new Date(occurredAt), actorType: 'system', summary: kind });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const query = (over: Partial<AccountListQuery> = {}): AccountListQuery => ({ page: 1, pageSize: 100, ...over });

/** Five accounts with distinct owners, segments, stages, seats and renewals; one archived. */
async function portfolio() {
  const t = await makeOrg();
  const owner = await t.ctx('owner');
  const tag = uniq();
  const mk = (name: string, extra: Parameters<typeof makeAccount>[1]) => makeAccount(owner, { name: `${name} ${tag}`, ...extra });
  const alpha = await mk('Alpha', { domain: `alpha-${tag}.io`, ownerId: t.users.csm.id, segment: 'enterprise', stage: 'mature', licensedSeats: 50, nextRenewalDate: '2027-03-01' });
  const bravo = await mk('Bravo', { domain: `bravo-${tag}.com`, ownerId: t.users.csm.id, segment: 'smb', stage: 'onboarding', licensedSeats: 5, nextRenewalDate: '2026-09-01' });
  const charlie = await mk('charlie 100%', { domain: null, ownerId: t.users.admin.id, segment: 'mid_market', stage: 'renewal', licensedSeats: null, nextRenewalDate: null });
  const delta = await mk('Delta', { domain: `delta-${tag}.net`, ownerId: null, segment: 'smb', stage: 'adopting', licensedSeats: 20, nextRenewalDate: '2026-12-01' });
  const echo = await mk('Echo', { ownerId: t.users.csm.id, archivedAt: new Date('2026-01-01T00:00:00Z') });
  return { t, owner, tag, alpha, bravo, charlie, delta, echo };
}

describe('listAccounts', () => {
  it('filters by search, owner, segment, stage and status', async () => {
    const { t, owner, tag, alpha, bravo, charlie, delta } = await portfolio();
    const csm = await t.ctx('csm');
    const list = async (ctx: TenantCtx, over: object) => names((await listAccounts(ctx, query(over))).rows);

    expect(await list(owner, {})).toEqual([`Alpha ${tag}`, `Bravo ${tag}`, `charlie 100% ${tag}`, `Delta ${tag}`]);
    expect(await list(owner, { q: `bravo-${tag}` })).toEqual([bravo.name]); // by domain
    expect(await list(owner, { q: `ALPHA ${tag}` })).toEqual([alpha.name]); // by name, any case
    expect(await list(owner, { q: '100%' })).toEqual([charlie.name]); // % is a character, not a wildcard
    expect(await list(owner, { q: '_' })).toEqual([]);
    expect(await list(csm, { owner: 'me' })).toEqual([alpha.name, bravo.name]);
    expect(await list(owner, { owner: t.users.admin.id })).toEqual([charlie.name]);
    expect(await list(owner, { owner: 'none' })).toEqual([delta.name]);
    expect(await list(owner, { segment: 'smb' })).toEqual([bravo.name, delta.name]);
    expect(await list(owner, { stage: 'renewal' })).toEqual([charlie.name]);
    expect(await list(owner, { status: 'archived' })).toEqual([`Echo ${tag}`]);
    expect(await list(owner, { status: 'all', owner: 'me' })).toEqual([]); // the owner owns none
    expect(await list(csm, { status: 'all', owner: 'me' })).toEqual([alpha.name, bravo.name, `Echo ${tag}`]);
    expect((await listAccounts(owner, query({ segment: 'smb' }))).total).toBe(2);
  });

  it('sorts by any column both ways, missing values last, and pages in SQL', async () => {
    const { owner, alpha, bravo, charlie, delta } = await portfolio();
    const sorted = async (sort: string) => names((await listAccounts(owner, query({ sort: sort as never }))).rows);
    expect(await sorted('seats')).toEqual([bravo.name, delta.name, alpha.name, charlie.name]);
    expect(await sorted('-seats')).toEqual([alpha.name, delta.name, bravo.name, charlie.name]);
    expect(await sorted('renewal')).toEqual([bravo.name, delta.name, alpha.name, charlie.name]);
    expect(await sorted('-renewal')).toEqual([alpha.name, delta.name, bravo.name, charlie.name]);
    expect(await sorted('segment')).toEqual([alpha.name, charlie.name, bravo.name, delta.name]); // enum order, then name
    expect(await sorted('-stage')).toEqual([charlie.name, alpha.name, delta.name, bravo.name]);
    expect(await sorted('-name')).toEqual([delta.name, charlie.name, bravo.name, alpha.name]);
    // owner names: admin… < csm…; unowned last
    expect(await sorted('owner')).toEqual([charlie.name, alpha.name, bravo.name, delta.name]);

    const page1 = await listAccounts(owner, { page: 1, pageSize: 25, sort: 'seats' });
    expect(page1.total).toBe(4);
    const page2 = await listAccounts(owner, { page: 2, pageSize: 25 });
    expect(page2).toEqual({ rows: [], total: 4 });
  });

  it('pages 25 at a time without overlap', async () => {
    const t = await makeOrg({ roles: [] });
    const owner = await t.ctx('owner');
    for (let i = 0; i < 27; i++) await makeAccount(owner, { name: `Same name`, licensedSeats: 1 });
    const a = await listAccounts(owner, { page: 1, pageSize: 25, sort: 'seats' });
    const b = await listAccounts(owner, { page: 2, pageSize: 25, sort: 'seats' });
    expect([a.rows.length, b.rows.length, a.total]).toEqual([25, 2, 27]);
    expect(new Set([...a.rows, ...b.rows].map((r) => r.id)).size).toBe(27);
  });

  it('shows each account\'s newest event as its last activity and sorts by it', async () => {
    const { owner, alpha, bravo, charlie, delta } = await portfolio();
    const orgId = owner.orgId;
    await event(orgId, alpha.id, '2026-01-05T10:00:00Z');
    await event(orgId, alpha.id, '2026-02-07T09:30:00Z');
    await event(orgId, alpha.id, '2025-12-01T00:00:00Z');
    await event(orgId, bravo.id, '2026-03-01T00:00:00Z');
    await event(orgId, delta.id, '2025-06-01T00:00:00Z');
    const { rows } = await listAccounts(owner, query({ sort: '-activity' }));
    expect(rows.map((r) => [r.name, r.lastActivityAt?.toISOString() ?? null])).toEqual([
      [bravo.name, '2026-03-01T00:00:00.000Z'],
      [alpha.name, '2026-02-07T09:30:00.000Z'],
      [delta.name, '2025-06-01T00:00:00.000Z'],
      [charlie.name, null],
    ]);
  });
});

describe('list search params', () => {
  it('default to my accounts for a CSM and all accounts for others, and fall back on bad values', () => {
    expect(parseAccountListParams({}, 'csm')).toEqual({ owner: 'me', status: 'active', sort: 'name', page: 1, pageSize: 25 });
    expect(parseAccountListParams({}, 'viewer').owner).toBe('all');
    expect(parseAccountListParams({ owner: 'all' }, 'csm').owner).toBe('all');
    const bad = parseAccountListParams({ owner: 'x', segment: 'huge', stage: 1, status: 'gone', sort: 'price', page: '-3', pageSize: '1000', q: ['a', 'b'] }, 'admin');
    expect(bad).toEqual({ owner: 'all', status: 'active', sort: 'name', page: 1, pageSize: 25 });
    expect(parseAccountListParams({ sort: '-renewal', pageSize: '50', page: '3', q: '  acme ' }, 'admin')).toMatchObject({ sort: '-renewal', pageSize: 50, page: 3, q: 'acme' });
  });
});

const fullForm = (over: Record<string, string> = {}) => ({
  name: `Form Co ${uniq()}`, domain: 'https://Form-Co.example/', externalId: '', ownerId: '', segment: 'mid_market', stage: 'adopting',
  licensedSeats: '33', contractStart: '2026-03-17', nextRenewalDate: '2027-03-17', ...over,
});

describe('createAccountAction', () => {
  beforeEach(() => {
    signIn(null);
    auditFault.fail = false;
  });

  it('creates the account with its created event and audit entry, for a CSM', async () => {
    const t = await makeOrg();
    signIn(t.users.csm);
    const fields = fullForm({ ownerId: t.users.csm.id, externalId: 'CRM-1' });
    const result = await createAccountAction(t.org.slug, null, form(fields));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const row = await rowOf(t.org.id, result.data.id);
    expect(row).toMatchObject({
      name: fields.name, domain: 'form-co.example', externalId: 'CRM-1', ownerId: t.users.csm.id, segment: 'mid_market',
      stage: 'adopting', licensedSeats: 33, contractStart: '2026-03-17', nextRenewalDate: '2027-03-17', archivedAt: null,
    });
    expect(await eventsOf(t.org.id, row.id)).toMatchObject([{ kind: 'account.created', summary: 'Account created', actorType: 'user', actorId: t.users.csm.id }]);
    expect(await auditEntries(t.org.id, 'account.created')).toMatchObject([
      { entityId: row.id, actorId: t.users.csm.id, before: null, after: { name: fields.name, licensedSeats: 33, ownerId: t.users.csm.id } },
    ]);
    // blanks are nulls, not zeros
    const bare = await createAccountAction(t.org.slug, null, form({ name: 'Bare', domain: '', externalId: '', ownerId: '', segment: '', stage: '', licensedSeats: '', contractStart: '', nextRenewalDate: '' }));
    expect(bare.ok && (await rowOf(t.org.id, bare.data.id))).toMatchObject({ segment: null, stage: 'onboarding', licensedSeats: null, contractStart: null, ownerId: null });
  });

  it('answers with a field error per bad field and writes nothing', async () => {
    const t = await makeOrg();
    const stranger = await makeOrg({ roles: [] });
    await makeAccount(t.org.id, { externalId: 'CRM-TAKEN' });
    signIn(t.users.csm);
    const cases: [Record<string, string>, string, string][] = [
      [{ nextRenewalDate: '2026-03-01' }, 'nextRenewalDate', 'The renewal date cannot be before the contract start.'],
      [{ licensedSeats: '-1' }, 'licensedSeats', 'Seats cannot be negative.'],
      [{ licensedSeats: '2.5' }, 'licensedSeats', 'Seats must be a whole number.'],
      [{ name: '   ' }, 'name', 'Enter a name.'],
      [{ domain: 'not a domain' }, 'domain', 'Enter a domain like example.com.'],
      [{ contractStart: '2026-02-31' }, 'contractStart', 'That date does not exist.'],
      [{ segment: 'huge' }, 'segment', 'Choose a segment.'],
      [{ externalId: 'CRM-TAKEN' }, 'externalId', 'Another account of this org already has this external id.'],
      [{ ownerId: stranger.users.owner.id }, 'ownerId', 'Choose a member of this org.'],
      [{ ownerId: 'nobody' }, 'ownerId', 'Choose a member of this org.'],
    ];
    for (const [over, field, message] of cases) {
      const result = await createAccountAction(t.org.slug, null, form(fullForm(over)));
      expect(result, field).toMatchObject({ ok: false, code: 'VALIDATION' });
      expect(!result.ok && result.fieldErrors, JSON.stringify(over)).toEqual({ [field]: [message] });
    }
    const all = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.orgId, t.org.id));
    expect(all).toHaveLength(1);
    expect(await db.select().from(accountEvents).where(eq(accountEvents.orgId, t.org.id))).toEqual([]);
    expect(await auditEntries(t.org.id, 'account.created')).toEqual([]);
  });

  it('reports a duplicate external id and a foreign owner together', async () => {
    const t = await makeOrg();
    const stranger = await makeOrg({ roles: [] });
    await makeAccount(t.org.id, { externalId: 'DUP' });
    const err = await expectAppError(createAccount(await t.ctx('csm'), { name: 'X', externalId: 'DUP', ownerId: stranger.users.owner.id }), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ externalId: ['Another account of this org already has this external id.'], ownerId: ['Choose a member of this org.'] });
  });

  it('allows the same external id in another org', async () => {
    const a = await makeOrg({ roles: [] });
    const b = await makeOrg({ roles: [] });
    await makeAccount(a.org.id, { externalId: 'SHARED-1' });
    const id = await createAccount(await b.ctx('owner'), { name: 'B side', externalId: 'SHARED-1' });
    expect((await rowOf(b.org.id, id)).externalId).toBe('SHARED-1');
  });

  it('refuses a viewer, a non-member and a signed-out caller', async () => {
    const t = await makeOrg();
    const other = await makeOrg({ roles: [] });
    const before = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.orgId, t.org.id));
    signIn(t.users.viewer);
    expect(await createAccountAction(t.org.slug, null, form(fullForm()))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signIn(other.users.owner);
    expect(await createAccountAction(t.org.slug, null, form(fullForm()))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    signIn(null);
    expect(await createAccountAction(t.org.slug, null, form(fullForm()))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    await expectAppError(createAccount(await t.ctx('viewer'), { name: 'Nope' }), 'FORBIDDEN');
    expect(await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.orgId, t.org.id))).toEqual(before);
  });
});

describe('updateAccount', () => {
  beforeEach(() => {
    auditFault.fail = false;
  });

  it('writes one event in words per change, and one audit entry with before/after', async () => {
    const t = await makeOrg();
    const csm = await t.ctx('csm');
    const account = await makeAccount(csm, {
      ownerId: t.users.csm.id, stage: 'onboarding', licensedSeats: 33, segment: 'smb', contractStart: '2026-03-17', nextRenewalDate: '2027-03-17',
    });
    await updateAccount(csm, account.id, {
      name: account.name, ownerId: t.users.admin.id, stage: 'adopting', licensedSeats: 40, segment: 'smb', nextRenewalDate: '2027-04-01', domain: null,
    });
    const events = await eventsOf(t.org.id, account.id);
    expect(events.map((e) => [e.kind, e.summary, e.data])).toEqual([
      ['account.updated', `Domain cleared (was ${account.domain})`, { field: 'domain', from: account.domain, to: null }],
      ['account.updated', 'Renewal date changed from 2027-03-17 to 2027-04-01', { field: 'nextRenewalDate', from: '2027-03-17', to: '2027-04-01' }],
      ['owner.changed', `Owner changed from ${t.users.csm.name} to ${t.users.admin.name}`, { from: t.users.csm.id, to: t.users.admin.id }],
      ['seats.changed', 'Licensed seats changed from 33 to 40', { from: 33, to: 40 }],
      ['stage.changed', 'Stage changed from Onboarding to Adopting', { from: 'onboarding', to: 'adopting' }],
    ]);
    expect(events.every((e) => e.actorId === t.users.csm.id)).toBe(true);
    expect(await auditEntries(t.org.id, 'account.updated')).toMatchObject([{
      entityId: account.id, actorId: t.users.csm.id,
      before: { ownerId: t.users.csm.id, stage: 'onboarding', licensedSeats: 33, nextRenewalDate: '2027-03-17', domain: account.domain },
      after: { ownerId: t.users.admin.id, stage: 'adopting', licensedSeats: 40, nextRenewalDate: '2027-04-01', domain: null },
    }]);
    expect(await rowOf(t.org.id, account.id)).toMatchObject({ ownerId: t.users.admin.id, stage: 'adopting', licensedSeats: 40, nextRenewalDate: '2027-04-01', domain: null });

    // saving the same values again records nothing
    await updateAccount(csm, account.id, { ownerId: t.users.admin.id, licensedSeats: 40 });
    expect(await eventsOf(t.org.id, account.id)).toHaveLength(5);
    expect(await auditEntries(t.org.id, 'account.updated')).toHaveLength(1);
  });

  it('checks the renewal date against the stored contract start and the external id against other accounts', async () => {
    const t = await makeOrg();
    const csm = await t.ctx('csm');
    const account = await makeAccount(csm, { externalId: 'MINE', contractStart: '2026-05-01', nextRenewalDate: '2027-05-01', licensedSeats: 10 });
    await makeAccount(csm, { externalId: 'THEIRS' });
    const err = await expectAppError(updateAccount(csm, account.id, { nextRenewalDate: '2026-04-30', licensedSeats: 11 }), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ nextRenewalDate: ['The renewal date cannot be before the contract start.'] });
    const dup = await expectAppError(updateAccount(csm, account.id, { externalId: 'THEIRS', licensedSeats: 12 }), 'VALIDATION');
    expect(dup.fieldErrors).toEqual({ externalId: ['Another account of this org already has this external id.'] });
    await updateAccount(csm, account.id, { externalId: 'MINE', name: 'Renamed' }); // its own id is not a duplicate
    expect(await rowOf(t.org.id, account.id)).toMatchObject({ licensedSeats: 10, nextRenewalDate: '2027-05-01', externalId: 'MINE', name: 'Renamed' });
    expect((await eventsOf(t.org.id, account.id)).map((e) => e.summary)).toEqual([`Name changed from ${account.name} to Renamed`]);
  });

  it('rolls the change and its events back when the audit entry cannot be written', async () => {
    const t = await makeOrg();
    const csm = await t.ctx('csm');
    const account = await makeAccount(csm, { licensedSeats: 5, stage: 'onboarding' });
    auditFault.fail = true;
    await expect(updateAccount(csm, account.id, { licensedSeats: 6, stage: 'mature' })).rejects.toThrow('audit store unavailable');
    auditFault.fail = false;
    expect(await rowOf(t.org.id, account.id)).toMatchObject({ licensedSeats: 5, stage: 'onboarding' });
    expect(await eventsOf(t.org.id, account.id)).toEqual([]);
  });

  it('through the action: keeps the account as it was on a rejected submit, refuses a viewer', async () => {
    const t = await makeOrg();
    const account = await makeAccount(t.org.id, { name: 'Steady', licensedSeats: 3, contractStart: '2026-01-01' });
    signIn(t.users.csm);
    const bad = await updateAccountAction(t.org.slug, null, form(fullForm({ accountId: account.id, name: 'Changed', licensedSeats: '-4', contractStart: '2026-01-01', nextRenewalDate: '2025-12-31' })));
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { licensedSeats: ['Seats cannot be negative.'], nextRenewalDate: ['The renewal date cannot be before the contract start.'] } });
    signIn(t.users.viewer);
    expect(await updateAccountAction(t.org.slug, null, form(fullForm({ accountId: account.id })))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await rowOf(t.org.id, account.id)).toMatchObject({ name: 'Steady', licensedSeats: 3 });
    signIn(t.users.csm);
    expect(await updateAccountAction(t.org.slug, null, form(fullForm({ accountId: 'not-an-id' })))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const ok = await updateAccountAction(t.org.slug, null, form(fullForm({ accountId: account.id, name: 'Steady', licensedSeats: '4' })));
    expect(ok).toEqual({ ok: true, data: { id: account.id } });
    expect((await rowOf(t.org.id, account.id)).licensedSeats).toBe(4);
  });
});

describe('archive and restore', () => {
  it('CSMs archive, admins restore; each writes an event and an audit entry; lists hide archived accounts', async () => {
    const t = await makeOrg();
    const account = await makeAccount(t.org.id, { name: `Archivable ${uniq()}` });
    const [viewer, csm, admin] = [await t.ctx('viewer'), await t.ctx('csm'), await t.ctx('admin')];

    await expectAppError(archiveAccount(viewer, account.id), 'FORBIDDEN');
    await archiveAccount(csm, account.id);
    await archiveAccount(csm, account.id); // twice is once
    expect((await rowOf(t.org.id, account.id)).archivedAt).toBeInstanceOf(Date);
    expect(names((await listAccounts(admin, query())).rows)).not.toContain(account.name);
    expect(names((await listAccounts(admin, query({ status: 'archived' }))).rows)).toEqual([account.name]);
    expect((await getAccount(viewer, account.id)).archivedAt).toBeInstanceOf(Date); // still readable

    await expectAppError(restoreAccount(csm, account.id), 'FORBIDDEN');
    signIn(t.users.csm);
    expect(await restoreAccountAction(t.org.slug, null, form({ accountId: account.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signIn(t.users.admin);
    expect(await restoreAccountAction(t.org.slug, null, form({ accountId: account.id }))).toEqual({ ok: true, data: undefined });
    expect((await rowOf(t.org.id, account.id)).archivedAt).toBeNull();
    expect(names((await listAccounts(admin, query())).rows)).toEqual([account.name]);

    expect((await eventsOf(t.org.id, account.id)).map((e) => [e.kind, e.summary, e.actorId])).toEqual([
      ['account.archived', 'Account archived', t.users.csm.id],
      ['account.restored', 'Account restored', t.users.admin.id],
    ]);
    const [archived] = await auditEntries(t.org.id, 'account.archived');
    expect(archived).toMatchObject({ entityId: account.id, actorId: t.users.csm.id, before: { archivedAt: null } });
    expect(await auditEntries(t.org.id, 'account.restored')).toMatchObject([{ entityId: account.id, after: { archivedAt: null } }]);
    signIn(t.users.viewer);
    expect(await archiveAccountAction(t.org.slug, null, form({ accountId: account.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('cross-tenant', () => {
  it('org B gets NOT_FOUND on org A\'s account for every call, and A is untouched', async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const account = await makeAccount(a.org.id, { name: `Only A ${uniq()}`, ownerId: a.users.csm.id, licensedSeats: 9 });
    const archived = await makeAccount(a.org.id, { archivedAt: new Date() });
    const bOwner = await b.ctx('owner');
    const snapshot = async () => ({
      rows: await db.select().from(accounts).where(eq(accounts.orgId, a.org.id)).orderBy(accounts.id),
      events: await db.select().from(accountEvents).where(eq(accountEvents.orgId, a.org.id)),
      audit: await db.select().from(auditLog).where(eq(auditLog.orgId, a.org.id)),
    });
    const before = await snapshot();

    await expectAppError(getAccount(bOwner, account.id), 'NOT_FOUND');
    await expectAppError(updateAccount(bOwner, account.id, { licensedSeats: 1 }), 'NOT_FOUND');
    await expectAppError(archiveAccount(bOwner, account.id), 'NOT_FOUND');
    await expectAppError(restoreAccount(bOwner, archived.id), 'NOT_FOUND');
    await expectAppError(deleteAccount(bOwner, account.id), 'NOT_FOUND');
    await expectAppError(getAccount(bOwner, 'not-a-uuid'), 'NOT_FOUND');
    signIn(b.users.owner);
    expect(await updateAccountAction(b.org.slug, null, form(fullForm({ accountId: account.id })))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await archiveAccountAction(b.org.slug, null, form({ accountId: account.id }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const seen = await listAccounts(bOwner, query({ status: 'all', q: account.name }));
    expect(seen).toEqual({ rows: [], total: 0 });

    expect(await snapshot()).toEqual(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, b.org.id))).toEqual([]);
  });
});

describe('CSV export route', () => {
  const get = (slug: string, search = '') => exportAccounts(new Request(`http://test.local/${slug}/accounts/export${search}`), { params: Promise.resolve({ org: slug }) });

  it('exports every matching row of the caller\'s org only, with formula cells neutralised', async () => {
    const a = await makeOrg();
    const b = await makeOrg({ roles: [] });
    await makeAccount(b.org.id, { name: 'B secret' });
    for (let i = 0; i < 30; i++) await makeAccount(a.org.id, { name: `Bulk ${String(i).padStart(2, '0')}`, segment: 'smb' });
    await makeAccount(a.org.id, {
      name: '=HYPERLINK("http://evil")', externalId: 'CRM-9', domain: 'evil.example', ownerId: a.users.csm.id, segment: 'enterprise', stage: 'mature',
      licensedSeats: 12, contractStart: '2026-01-01', nextRenewalDate: '2027-01-01',
    });
    await makeAccount(a.org.id, { name: 'Gone', archivedAt: new Date('2026-02-01T00:00:00Z') });

    signIn(a.users.viewer);
    const res = await get(a.org.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { data } = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(data).toHaveLength(31); // all 30 + 1, not a page of 25; the archived one is filtered out
    expect(data.map((r) => r.name)).not.toContain('B secret');
    expect(data[0]).toEqual({
      external_id: 'CRM-9', name: `'=HYPERLINK("http://evil")`, domain: 'evil.example', owner_email: a.users.csm.email, segment: 'enterprise',
      stage: 'mature', licensed_seats: '12', contract_start: '2026-01-01', next_renewal_date: '2027-01-01', archived: 'no', archived_at: '', last_activity_at: '',
      health_score: '', health_band: '',
    });

    const smb = Papa.parse<Record<string, string>>(await (await get(a.org.slug, '?segment=smb&sort=-name&page=2')).text(), { header: true, skipEmptyLines: true }).data;
    expect(smb.map((r) => r.name)).toEqual(Array.from({ length: 30 }, (_, i) => `Bulk ${String(29 - i).padStart(2, '0')}`));
    const gone = Papa.parse<Record<string, string>>(await (await get(a.org.slug, '?status=archived')).text(), { header: true, skipEmptyLines: true }).data;
    expect(gone).toMatchObject([{ name: 'Gone', archived: 'yes', archived_at: '2026-02-01T00:00:00.000Z' }]);
  });

  it('answers 401 without a session and 404 to a non-member', async () => {
    const a = await makeOrg({ roles: [] });
    const b = await makeOrg({ roles: [] });
    await makeAccount(a.org.id, { name: 'A only' });
    signIn(null);
    expect((await get(a.org.slug)).status).toBe(401);
    signIn(b.users.owner);
    const res = await get(a.org.slug);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('A only');
  });
});
