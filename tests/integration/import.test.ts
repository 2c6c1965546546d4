import { asc, eq, getTableName } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, auditLog, stakeholders } from '@/db/schema';
import { commitImport, previewImport } from '@/lib/dal/import';
import { POST as commitRoute } from '@/app/(app)/[org]/accounts/import/commit/route';
import { POST as previewRoute } from '@/app/(app)/[org]/accounts/import/preview/route';
import { auditEntries, expectAppError, makeAccount, makeOrg, makeStakeholder, uniq, type TestUser } from './fixtures';
import { signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));

// A write that fails after others succeeded: the whole import must roll back.
const fault = vi.hoisted(() => ({ failEvents: false }));
vi.mock('@/db/seed/bulk-insert', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/seed/bulk-insert')>();
  return {
    insertRows: (async (tx, table, rows) => {
      if (fault.failEvents && getTableName(table) === 'account_events') throw new Error('disk full at /var/lib/postgresql');
      return real.insertRows(tx, table, rows);
    }) as typeof real.insertRows,
  };
});

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Everything an import could write, for "nothing changed" checks. */
async function snapshot(orgId: string) {
  const [acc, sh, events, audit] = await Promise.all([
    db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(asc(accounts.id)),
    db.select().from(stakeholders).where(eq(stakeholders.orgId, orgId)).orderBy(asc(stakeholders.id)),
    db.select().from(accountEvents).where(eq(accountEvents.orgId, orgId)).orderBy(asc(accountEvents.id)),
    db.select().from(auditLog).where(eq(auditLog.orgId, orgId)).orderBy(asc(auditLog.id)),
  ]);
  return { acc, sh, events, audit };
}

const accountsOf = (orgId: string) =>
  db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(asc(accounts.name));

describe('account import through the DAL', () => {
  it('preview reports each bad cell by row and column, counts the rest, and writes nothing', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    await makeAccount(ctx, { name: 'Known', externalId: 'K-1', domain: 'known.example' });
    const before = await snapshot(t.org.id);
    const preview = await previewImport(ctx, 'accounts', csv(
      'Name,Domain,External ID,Owner Email,Licensed Seats,Contract Start,Next Renewal Date,Notes',
      `Fresh,fresh.example,N-1,${t.users.csm.email},10,2026-01-01,2027-01-01,hello`,
      'Known renamed,,K-1,,,,,',
      'Bad seats,bad.example,N-2,nobody@example.test,-3,2026-01-01,2025-01-01,',
    ));
    expect(preview.counts).toEqual({ rows: 3, create: 1, update: 1, unchanged: 0, invalid: 1 });
    expect(preview.ready).toBe(false);
    expect(preview.ignoredColumns).toEqual(['Notes']);
    expect(preview.errors).toEqual([
      { row: 4, column: 'owner_email', message: 'nobody@example.test is not a member of this org.' },
      { row: 4, column: 'licensed_seats', message: 'Seats cannot be negative.' },
      { row: 4, column: 'next_renewal_date', message: 'The renewal date cannot be before the contract start.' },
    ]);
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'update'], [4, null]]);
    expect(await snapshot(t.org.id)).toEqual(before);
  });

  it('commit of a file with one bad row writes nothing and says why', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    const existing = await makeAccount(ctx, { name: 'Stays', externalId: 'S-1', licensedSeats: 5 });
    const before = await snapshot(t.org.id);
    const result = await commitImport(ctx, 'accounts', csv(
      'name,external_id,licensed_seats',
      'New one,S-2,10',
      'Stays,S-1,50',
      'Broken,S-3,lots',
    ));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.preview.errors).toEqual([{ row: 4, column: 'licensed_seats', message: 'Enter a whole number of seats, 0 or more (digits only).' }]);
    expect(await snapshot(t.org.id)).toEqual(before);
    expect(before.acc).toMatchObject([{ id: existing.id, licensedSeats: 5 }]);
  });

  it('creates new accounts and updates existing ones by external id, then by domain; blank cells keep values', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    const byExt = await makeAccount(ctx, { name: 'By ext', externalId: 'E-1', domain: 'ext.example', licensedSeats: 5, segment: 'smb' });
    const byDomain = await makeAccount(ctx, { name: 'By domain', domain: 'Dom.example', stage: 'adopting', contractStart: '2025-01-01' });
    const untouched = await makeAccount(ctx, { name: 'Untouched', externalId: 'E-9' });
    const result = await commitImport(ctx, 'accounts', csv(
      'name,domain,external_id,owner_email,segment,stage,licensed_seats,contract_start,next_renewal_date',
      `Brand new,new.example,E-2,${t.users.admin.email.toUpperCase()},Mid-market,,25,2026-02-01,2027-02-01`,
      ',,E-1,,,mature,40,,',
      'By domain,DOM.example,,,,,,,2026-06-30',
      'Untouched,,E-9,,,,,,',
    ), 'accounts.csv');
    expect(result).toEqual({ ok: true, created: 1, updated: 2, unchanged: 1 });

    const rows = await accountsOf(t.org.id);
    expect(rows.map((a) => a.name)).toEqual(['Brand new', 'By domain', 'By ext', 'Untouched']);
    expect(rows[0]).toMatchObject({
      domain: 'new.example', externalId: 'E-2', ownerId: t.users.admin.id, segment: 'mid_market', stage: 'onboarding',
      licensedSeats: 25, contractStart: '2026-02-01', nextRenewalDate: '2027-02-01',
    });
    expect(rows[1]).toMatchObject({ id: byDomain.id, domain: 'Dom.example', stage: 'adopting', contractStart: '2025-01-01', nextRenewalDate: '2026-06-30' });
    expect(rows[2]).toMatchObject({ id: byExt.id, name: 'By ext', domain: 'ext.example', segment: 'smb', stage: 'mature', licensedSeats: 40 });
    expect(rows[3]).toMatchObject({ id: untouched.id, updatedAt: untouched.updatedAt });

    const events = await db.select().from(accountEvents).where(eq(accountEvents.orgId, t.org.id)).orderBy(asc(accountEvents.summary));
    expect(events.map((e) => [e.accountId, e.kind, e.summary, e.actorId])).toEqual([
      [rows[0].id, 'account.created', 'Created by CSV import', t.users.csm.id],
      [byDomain.id, 'account.updated', 'Updated by CSV import: next renewal date', t.users.csm.id],
      [byExt.id, 'account.updated', 'Updated by CSV import: stage, licensed seats', t.users.csm.id],
    ]);
    expect(events.find((e) => e.accountId === byExt.id)?.data).toMatchObject({ before: { stage: 'onboarding', licensedSeats: 5 }, after: { stage: 'mature', licensedSeats: 40 } });
    expect(await auditEntries(t.org.id, 'import.accounts')).toMatchObject([
      { actorId: t.users.csm.id, entityType: 'import', after: { file: 'accounts.csv', rows: 4, created: 1, updated: 2, unchanged: 1 } },
    ]);
  });

  it('rolls everything back when a write fails halfway (accounts written, events not)', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    await makeAccount(ctx, { name: 'Old', externalId: 'O-1', licensedSeats: 1 });
    const before = await snapshot(t.org.id);
    fault.failEvents = true;
    try {
      await expect(commitImport(ctx, 'accounts', csv('name,external_id,licensed_seats', 'New,O-2,5', 'Old,O-1,9'))).rejects.toThrow('disk full');
      signIn(t.users.csm);
      const form = new FormData();
      form.set('kind', 'accounts');
      form.set('file', new File([csv('name,external_id', 'New,O-3')], 'a.csv'));
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const res = await commitRoute(new Request('http://localhost/x', { method: 'POST', body: form }), { params: Promise.resolve({ org: t.org.slug }) });
      expect(logged).toHaveBeenCalledTimes(1);
      logged.mockRestore();
      // the driver's message is logged, never shown
      expect([res.status, await res.json()]).toEqual([500, { error: { code: 'INTERNAL', message: 'Something went wrong. Nothing was imported; please try again.' } }]);
    } finally {
      fault.failEvents = false;
      signIn(null);
    }
    expect(await snapshot(t.org.id)).toEqual(before);
  });

  it('a first import with external ids claims the account made in the app without one (by its domain) instead of duplicating it', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    const made = await makeAccount(ctx, { name: 'Made in app', domain: 'made.example', licensedSeats: 5 });
    const keyed = await makeAccount(ctx, { name: 'Has an id', externalId: 'K-1', domain: 'keyed.example' });
    const result = await commitImport(ctx, 'accounts', csv(
      'name,domain,external_id,licensed_seats',
      'Made in app,MADE.example,CRM-100,8',
      'Another on keyed,keyed.example,CRM-200,',
    ), 'crm.csv');
    expect(result).toEqual({ ok: true, created: 1, updated: 1, unchanged: 0 });
    const rows = await accountsOf(t.org.id);
    expect(rows.find((a) => a.id === made.id)).toMatchObject({ externalId: 'CRM-100', licensedSeats: 8, domain: 'made.example' });
    // an account that already has another id is never taken over: the row is a new account
    expect(rows.find((a) => a.id === keyed.id)).toMatchObject({ externalId: 'K-1' });
    expect(rows.filter((a) => a.externalId === 'CRM-200')).toHaveLength(1);
    // the next import with the same ids matches by id and changes nothing
    expect(await commitImport(ctx, 'accounts', csv('name,domain,external_id,licensed_seats', 'Made in app,made.example,CRM-100,8'), 'again.csv'))
      .toEqual({ ok: true, created: 0, updated: 0, unchanged: 1 });
  });

  it('refuses a domain shared by two accounts as ambiguous', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    await makeAccount(ctx, { name: 'Twin 1', domain: 'twin.example' });
    await makeAccount(ctx, { name: 'Twin 2', domain: 'twin.example' });
    const preview = await previewImport(ctx, 'accounts', csv('name,domain', 'Twin,twin.example'));
    expect(preview.errors).toEqual([{ row: 2, column: 'domain', message: '2 accounts have the domain twin.example; add an external_id to say which one.' }]);
  });

  it('reports header problems as file errors', async () => {
    const t = await makeOrg();
    const preview = await previewImport(await t.ctx('csm'), 'accounts', csv('domain,domain', 'a.example,b.example'));
    expect(preview.fileErrors).toEqual(['The column "domain" appears more than once in the header row.', 'The header row needs a "name" column.']);
    expect(preview.ready).toBe(false);
  });

  it('refuses viewers', async () => {
    const t = await makeOrg();
    const viewer = await t.ctx('viewer');
    await expectAppError(previewImport(viewer, 'accounts', csv('name', 'A')), 'FORBIDDEN');
    await expectAppError(commitImport(viewer, 'accounts', csv('name', 'A')), 'FORBIDDEN');
    expect(await accountsOf(t.org.id)).toEqual([]);
  });
});

describe('stakeholder import through the DAL', () => {
  it('attaches people to the right accounts and matches them by external id, then email', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    const one = await makeAccount(ctx, { name: 'One', externalId: 'A-1', domain: 'one.example' });
    const two = await makeAccount(ctx, { name: 'Two', domain: 'two.example' });
    const dana = await makeStakeholder(ctx, one.id, { name: 'Dana', externalId: 'P-1', email: 'dana@one.example' });
    const lee = await makeStakeholder(ctx, two.id, { name: 'Lee', email: 'lee@two.example', role: 'user' });
    const result = await commitImport(ctx, 'stakeholders', csv(
      'Account External ID,Account Domain,Name,Email,Title,Role,Influence,Sentiment,Is Primary,Do Not Survey,External ID',
      'A-1,,Dana,,CTO,champion,high,,yes,,P-1',
      ',two.example,,LEE@two.example,,economic buyer,,negative,,,',
      ',TWO.example,Sam,sam@two.example,,,,,,true,',
      'A-1,,Nina,nina@one.example,,decision_maker,,,,,P-2',
    ));
    expect(result).toEqual({ ok: true, created: 2, updated: 2, unchanged: 0 });
    const people = await db.select().from(stakeholders).where(eq(stakeholders.orgId, t.org.id)).orderBy(asc(stakeholders.name));
    expect(people.map((p) => [p.name, p.accountId, p.role, p.externalId])).toEqual([
      ['Dana', one.id, 'champion', 'P-1'],
      ['Lee', two.id, 'economic_buyer', null],
      ['Nina', one.id, 'decision_maker', 'P-2'],
      ['Sam', two.id, 'user', null],
    ]);
    expect(people[0]).toMatchObject({ id: dana.id, title: 'CTO', influence: 'high', isPrimary: true, email: 'dana@one.example' });
    expect(people[1]).toMatchObject({ id: lee.id, sentiment: 'negative', email: 'lee@two.example' });
    expect(people[3]).toMatchObject({ doNotSurvey: true, influence: 'medium', sentiment: 'neutral' });
    const events = await db.select({ kind: accountEvents.kind, accountId: accountEvents.accountId, summary: accountEvents.summary })
      .from(accountEvents).where(eq(accountEvents.orgId, t.org.id)).orderBy(asc(accountEvents.summary));
    expect(events).toEqual([
      { kind: 'stakeholder.added', accountId: one.id, summary: 'Added Nina (decision maker) by CSV import' },
      { kind: 'stakeholder.added', accountId: two.id, summary: 'Added Sam (user) by CSV import' },
      { kind: 'stakeholder.updated', accountId: one.id, summary: 'Updated Dana by CSV import: title, role, influence, is primary' },
      { kind: 'stakeholder.updated', accountId: two.id, summary: 'Updated Lee by CSV import: role, sentiment' },
    ]);
    expect(await auditEntries(t.org.id, 'import.stakeholders')).toMatchObject([{ after: { rows: 4, created: 2, updated: 2, unchanged: 0 } }]);
  });

  it('keeps one primary contact per account: the file\'s primary replaces the old one, the last row wins', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    const acct = await makeAccount(ctx, { name: 'Primary Co', externalId: `PC-${uniq()}` });
    const old = await makeStakeholder(ctx, acct.id, { name: 'Old Primary', email: 'old@primary.example', isPrimary: true });
    await commitImport(ctx, 'stakeholders', csv(
      'account_external_id,name,email,is_primary',
      `${acct.externalId},First New,first@primary.example,yes`,
      `${acct.externalId},Second New,second@primary.example,yes`,
    ));
    const people = await db.select({ id: stakeholders.id, name: stakeholders.name, isPrimary: stakeholders.isPrimary })
      .from(stakeholders).where(eq(stakeholders.accountId, acct.id)).orderBy(asc(stakeholders.name));
    expect(people.filter((p) => p.isPrimary).map((p) => p.name)).toEqual(['Second New']);
    expect(people.find((p) => p.id === old.id)?.isPrimary).toBe(false);
  });

  it('matches a row with a bad cell to its stakeholder, so it reports only the real problem', async () => {
    const t = await makeOrg();
    const ctx = await t.ctx('csm');
    await makeAccount(ctx, { name: 'One', externalId: 'A-1' });
    const two = await makeAccount(ctx, { name: 'Two', externalId: 'A-2' });
    await makeStakeholder(ctx, two.id, { name: 'Dana', email: 'dana@two.example' });
    const preview = await previewImport(ctx, 'stakeholders', csv('account_external_id,name,email,sentiment', 'A-2,,dana@two.example,grumpy', 'A-1,,new@one.example,positive'));
    expect(preview.errors).toEqual([
      { row: 2, column: 'sentiment', message: 'Use one of: positive, neutral, negative.' },
      { row: 3, column: 'name', message: 'Enter a name: this row adds a new stakeholder.' },
    ]);
  });

  it('says which account could not be found', async () => {
    const t = await makeOrg();
    const preview = await previewImport(await t.ctx('csm'), 'stakeholders', csv('account_external_id,account_domain,name', 'NOPE,,Ann', ',nope.example,Bo'));
    expect(preview.errors).toEqual([
      { row: 2, column: 'account_external_id', message: 'No account has the external id NOPE.' },
      { row: 3, column: 'account_domain', message: 'No account has the domain nope.example.' },
    ]);
  });
});

describe('imports never reach another org', () => {
  it('org B\'s import matches only org B\'s accounts, though org A has the same external id and domain', async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const key = `X-${uniq()}`;
    const aAccount = await makeAccount(a.org.id, { name: 'A side', externalId: key, domain: 'same.example', licensedSeats: 1 });
    const aPerson = await makeStakeholder(a.org.id, aAccount.id, { name: 'A person', email: 'p@same.example' });
    const before = await snapshot(a.org.id);
    const bCtx = await b.ctx('csm');

    expect(await commitImport(bCtx, 'accounts', csv('name,external_id,licensed_seats', `B side,${key},99`))).toMatchObject({ ok: true, created: 1, updated: 0 });
    // by domain: only B's accounts are candidates, so this creates in B (and A's account does not count)
    expect(await commitImport(bCtx, 'accounts', csv('name,domain', 'B by domain,same.example'))).toMatchObject({ ok: true, created: 1 });
    const byDomain = await commitImport(bCtx, 'stakeholders', csv('account_domain,name,email', 'same.example,Spy,p@same.example'));
    expect(byDomain).toMatchObject({ ok: true, created: 1, updated: 0 });
    expect(await commitImport(bCtx, 'stakeholders', csv('account_external_id,name,email', `${key},Spy,p@same.example`))).toMatchObject({ ok: true, created: 1, updated: 0 });
    expect(await snapshot(a.org.id)).toEqual(before);
    expect(before.sh).toMatchObject([{ id: aPerson.id, name: 'A person' }]);
    const bAccounts = await accountsOf(b.org.id);
    expect(bAccounts.map((r) => [r.name, r.externalId, r.licensedSeats])).toEqual([['B by domain', null, null], ['B side', key, 99]]);
    const spies = await db.select({ accountId: stakeholders.accountId }).from(stakeholders).where(eq(stakeholders.orgId, b.org.id)).orderBy(asc(stakeholders.createdAt));
    expect(spies.map((p) => p.accountId).sort()).toEqual([bAccounts[0].id, bAccounts[1].id].sort());
  });
});

describe('import route handlers', () => {
  beforeEach(() => signIn(null));

  const upload = (slug: string, route: 'preview' | 'commit', text: string, kind = 'accounts') => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new File([text], 'upload.csv', { type: 'text/csv' }));
    const request = new Request(`http://localhost/${slug}/accounts/import/${route}`, { method: 'POST', body: form });
    return (route === 'preview' ? previewRoute : commitRoute)(request, { params: Promise.resolve({ org: slug }) });
  };

  it('answers 401 signed out, 404 to a non-member, 403 to a viewer, and writes nothing', async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const file = csv('name,external_id', 'Sneaky,S-1');
    const cases: [TestUser | null, number, string][] = [[null, 401, 'UNAUTHENTICATED'], [b.users.owner, 404, 'NOT_FOUND'], [a.users.viewer, 403, 'FORBIDDEN']];
    for (const [user, status, code] of cases) {
      signIn(user);
      for (const route of ['preview', 'commit'] as const) {
        const res = await upload(a.org.slug, route, file);
        expect([route, res.status]).toEqual([route, status]);
        expect((await res.json()).error.code).toBe(code);
      }
    }
    expect(await accountsOf(a.org.id)).toEqual([]);
  });

  it('previews and commits for a CSM; a bad file gets 400 with the preview and nothing written', async () => {
    const t = await makeOrg();
    signIn(t.users.csm);
    const preview = await upload(t.org.slug, 'preview', csv('name,external_id', 'Via route,R-1'));
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ ready: true, counts: { rows: 1, create: 1 } });
    const bad = await upload(t.org.slug, 'commit', csv('name,external_id,stage', 'Via route,R-1,', 'Other,R-2,sleeping'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'VALIDATION', message: 'Fix the errors in your file and upload it again; nothing was imported.' },
      preview: { errors: [{ row: 3, column: 'stage', message: 'Use one of: onboarding, adopting, mature, renewal.' }] },
    });
    expect(await accountsOf(t.org.id)).toEqual([]);
    const ok = await upload(t.org.slug, 'commit', csv('name,external_id', 'Via route,R-1'));
    expect(await ok.json()).toEqual({ ok: true, created: 1, updated: 0, unchanged: 0 });
    expect((await accountsOf(t.org.id)).map((r) => r.name)).toEqual(['Via route']);
  });

  it('refuses a bad kind, a non-UTF-8 file and an oversized body with clear errors', async () => {
    const t = await makeOrg();
    signIn(t.users.csm);
    expect(await (await upload(t.org.slug, 'preview', csv('name', 'A'), 'users')).json()).toEqual({ error: { code: 'VALIDATION', message: 'Choose accounts or stakeholders.' } });
    const latin1 = new FormData();
    latin1.set('kind', 'accounts');
    latin1.set('file', new File([new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb])], 'latin1.csv'));
    const res = await previewRoute(new Request('http://localhost/x', { method: 'POST', body: latin1 }), { params: Promise.resolve({ org: t.org.slug }) });
    expect([res.status, (await res.json()).error.message]).toEqual([400, 'The file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again.']);
    const huge = new Request('http://localhost/x', { method: 'POST', body: 'x', headers: { 'content-length': String(25 * 1024 * 1024), 'content-type': 'multipart/form-data; boundary=x' } });
    const tooBig = await previewRoute(huge, { params: Promise.resolve({ org: t.org.slug }) });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const crossSite = new Request('http://localhost/x', { method: 'POST', body: 'x', headers: { 'sec-fetch-site': 'cross-site' } });
    expect((await commitRoute(crossSite, { params: Promise.resolve({ org: t.org.slug }) })).status).toBe(403);
  });
});
