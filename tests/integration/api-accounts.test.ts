import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, renewals } from '@/db/schema';
import { GET as listAccounts } from '@/app/api/v1/accounts/route';
import { GET as getAccount, PUT as putAccount } from '@/app/api/v1/accounts/[externalId]/route';
import { POST as batchAccounts } from '@/app/api/v1/batch/accounts/route';
import { type AccountPage, accountDetailSchema, accountPageSchema, batchResultSchema, errorResponseSchema, upsertResultSchema } from '@/lib/validation/api-responses';
import { auditOf, call, expectError, matches, orgWithKey } from './api-fixtures';
import { makeAccount } from './fixtures';

const stored = (orgId: string, externalId: string) =>
  db.select().from(accounts).where(and(eq(accounts.orgId, orgId), eq(accounts.externalId, externalId))).then((r) => r[0]);

describe('PUT /accounts/{externalId}', () => {
  it('creates (201) with exact values, updates only the sent fields (200), clears with null, and says unchanged', async () => {
    const { org, key } = await orgWithKey();
    const created = await call(putAccount, 'PUT', '/accounts/crm-1', { externalId: 'crm-1' }, {
      key: key.key, body: { name: 'Globex', domain: 'HTTPS://Globex.com/', segment: 'enterprise', licensedSeats: 120, contractStart: '2025-02-01', nextRenewalDate: '2026-02-01' },
    });
    expect(created.status).toBe(201);
    const body = matches(upsertResultSchema, created.json);
    expect(body).toMatchObject({ externalId: 'crm-1', status: 'created' });
    expect(await stored(org.id, 'crm-1')).toMatchObject({
      id: body.id, name: 'Globex', domain: 'globex.com', segment: 'enterprise', stage: 'onboarding', licensedSeats: 120, contractStart: '2025-02-01', nextRenewalDate: '2026-02-01',
    });

    const updated = await call(putAccount, 'PUT', '/accounts/crm-1', { externalId: 'crm-1' }, { key: key.key, body: { name: 'Globex Corp', licensedSeats: null, stage: 'adopting' } });
    expect(updated.status).toBe(200);
    expect(updated.json).toEqual({ id: body.id, externalId: 'crm-1', status: 'updated' });
    expect(await stored(org.id, 'crm-1')).toMatchObject({ name: 'Globex Corp', domain: 'globex.com', segment: 'enterprise', stage: 'adopting', licensedSeats: null });

    const again = await call(putAccount, 'PUT', '/accounts/crm-1', { externalId: 'crm-1' }, { key: key.key, body: { name: 'Globex Corp' } });
    expect(again.json).toEqual({ id: body.id, externalId: 'crm-1', status: 'unchanged' });

    const events = await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, org.id), eq(accountEvents.accountId, body.id))).orderBy(accountEvents.occurredAt);
    expect(events.map((e) => [e.kind, e.actorType, e.actorId])).toEqual([['account.created', 'api_key', key.id], ['account.updated', 'api_key', key.id]]);
    expect(events[1].summary).toBe('Updated through the API: name Globex → Globex Corp, stage Onboarding → Adopting, seats 120 → —');
    const audit = await auditOf(org.id, 'account.updated');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'api_key', actorId: key.id, entityId: body.id, before: { name: 'Globex', stage: 'onboarding', licensedSeats: 120 }, after: { name: 'Globex Corp', stage: 'adopting', licensedSeats: null } });
  });

  it('answers 400 naming every bad field, and writes nothing', async () => {
    const { org, key } = await orgWithKey();
    const res = await call(putAccount, 'PUT', '/accounts/crm-2', { externalId: 'crm-2' }, { key: key.key, body: { name: '', licensedSeats: -1, segment: 'huge', colour: 'red' } });
    matches(errorResponseSchema, res.json);
    const details = expectError(res, 400, 'VALIDATION');
    expect(details).toEqual(expect.arrayContaining([
      { field: 'name', message: 'Enter a name.' },
      { field: 'licensedSeats', message: 'Seats cannot be negative.' },
      { field: 'segment', message: 'Choose enterprise, mid_market or smb.' },
      { field: '', message: 'Unknown field: colour.' },
    ]));
    expect(await stored(org.id, 'crm-2')).toBeUndefined();
  });

  it('moves the pending renewal when the renewal date changes, and refuses a renewal before the start', async () => {
    const { org, key } = await orgWithKey();
    const account = await makeAccount(org.id, { externalId: 'crm-r', contractStart: '2025-01-01', nextRenewalDate: '2026-01-01' });
    await db.insert(renewals).values({ orgId: org.id, accountId: account.id, dueDate: '2026-01-01', arrDue: 1200000 });
    const res = await call(putAccount, 'PUT', '/accounts/crm-r', { externalId: 'crm-r' }, { key: key.key, body: { name: account.name, nextRenewalDate: '2026-03-01' } });
    expect(res.status).toBe(200);
    const [r] = await db.select().from(renewals).where(eq(renewals.accountId, account.id));
    expect(r.dueDate).toBe('2026-03-01');
    const bad = await call(putAccount, 'PUT', '/accounts/crm-r', { externalId: 'crm-r' }, { key: key.key, body: { name: account.name, contractStart: '2026-06-01' } });
    expect(expectError(bad, 400, 'VALIDATION')).toEqual([{ index: 0, field: 'contractStart', message: 'The contract start cannot be after the account\'s renewal date (2026-03-01).' }]);
  });
});

describe('the account owner through the API', () => {
  it('sets the owner by a member\'s email (any case), keeps it when not sent, clears it with null; an unknown email or another org\'s member is a 400', async () => {
    const t = await orgWithKey();
    const { key } = t;
    const outsider = await orgWithKey();
    const put = (body: Record<string, unknown>) => call(putAccount, 'PUT', '/accounts/own-1', { externalId: 'own-1' }, { key: key.key, body });
    expect((await put({ name: 'Owned', ownerEmail: t.users.csm.email.toUpperCase() })).status).toBe(201);
    expect(await stored(t.org.id, 'own-1')).toMatchObject({ ownerId: t.users.csm.id });
    const read = async () => matches(accountDetailSchema, (await call(getAccount, 'GET', '/accounts/own-1', { externalId: 'own-1' }, { key: key.key })).json);
    expect((await read()).ownerEmail).toBe(t.users.csm.email);

    expect((await put({ name: 'Owned, renamed' })).status).toBe(200);
    expect(await stored(t.org.id, 'own-1')).toMatchObject({ name: 'Owned, renamed', ownerId: t.users.csm.id });
    const moved = await put({ name: 'Owned, renamed', ownerEmail: t.users.admin.email });
    expect(matches(upsertResultSchema, moved.json).status).toBe('updated');
    expect(await stored(t.org.id, 'own-1')).toMatchObject({ ownerId: t.users.admin.id });
    const events = await db.select({ summary: accountEvents.summary }).from(accountEvents).where(eq(accountEvents.orgId, t.org.id));
    expect(events.map((e) => e.summary)).toContain(`Updated through the API: owner ${t.users.csm.email} → ${t.users.admin.email}`);

    for (const ownerEmail of ['nobody@example.test', outsider.users.csm.email]) {
      const bad = await put({ name: 'Owned, renamed', ownerEmail });
      expect(expectError(bad, 400, 'VALIDATION')).toEqual([{ index: 0, field: 'ownerEmail', message: 'No member of this org has this email: invite them first, or leave the owner out.' }]);
    }
    expect(await stored(t.org.id, 'own-1')).toMatchObject({ ownerId: t.users.admin.id });
    expect((await put({ name: 'Owned, renamed', ownerEmail: null })).status).toBe(200);
    expect(await stored(t.org.id, 'own-1')).toMatchObject({ ownerId: null });
    expect((await read()).ownerEmail).toBeNull();
  });
});

describe('POST /accounts:batch', () => {
  const items = [
    { externalId: 'b-1', name: 'One', segment: 'smb' },
    { externalId: 'b-2', name: 'Two', licensedSeats: 'ten' },
    { externalId: 'b-3', name: 'Three', contractStart: '2026-02-30' },
    { externalId: 'b-1', name: 'One again' },
    { externalId: 'b-4', name: 'Four', stage: 'mature' },
  ];

  it('is all-or-nothing: any bad item is a 400 that names item, field and reason, and nothing is written', async () => {
    const { org, key } = await orgWithKey();
    const res = await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items } });
    expect(expectError(res, 400, 'VALIDATION')).toEqual([
      { index: 1, field: 'licensedSeats', message: 'Give a whole number of seats.' },
      { index: 2, field: 'contractStart', message: 'That date does not exist.' },
      { index: 3, field: 'externalId', message: 'Item 0 has the same externalId; send each record once per batch.' },
    ]);
    expect(await db.select().from(accounts).where(eq(accounts.orgId, org.id))).toEqual([]);
  });

  it('with ?partial=true writes the valid items and reports the others', async () => {
    const { org, key } = await orgWithKey();
    const res = await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items }, query: 'partial=true' });
    expect(res.status).toBe(200);
    const body = matches(batchResultSchema, res.json);
    expect(body).toMatchObject({ received: 5, created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(body.results.map((r) => [r.index, r.externalId, r.status])).toEqual([[0, 'b-1', 'created'], [4, 'b-4', 'created']]);
    expect(body.errors.map((e) => e.index)).toEqual([1, 2, 3]);
    const rows = await db.select({ externalId: accounts.externalId, name: accounts.name, stage: accounts.stage, segment: accounts.segment }).from(accounts).where(eq(accounts.orgId, org.id)).orderBy(accounts.externalId);
    expect(rows).toEqual([{ externalId: 'b-1', name: 'One', stage: 'onboarding', segment: 'smb' }, { externalId: 'b-4', name: 'Four', stage: 'mature', segment: null }]);
    expect((await auditOf(org.id, 'account.created')).map((a) => [a.actorType, a.actorId])).toEqual([['api_key', key.id], ['api_key', key.id]]);
  });

  it('upserts 1,000 accounts in one call, and a second call with the same items changes nothing', async () => {
    const { org, key } = await orgWithKey();
    const many = Array.from({ length: 1000 }, (_, i) => ({ externalId: `m-${i}`, name: `Account ${i}`, licensedSeats: i }));
    const first = matches(batchResultSchema, (await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items: many } })).json);
    expect(first).toMatchObject({ received: 1000, created: 1000, failed: 0 });
    const second = matches(batchResultSchema, (await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items: many } })).json);
    expect(second).toMatchObject({ received: 1000, created: 0, updated: 0, unchanged: 1000 });
    expect((await stored(org.id, 'm-999')).licensedSeats).toBe(999);
    const over = await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items: [...many, { externalId: 'x', name: 'x' }] } });
    expectError(over, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('GET /accounts and /accounts/{externalId}', () => {
  it('pages through every account with a cursor, in a stable order', async () => {
    const { org, key } = await orgWithKey();
    const made = await Promise.all(Array.from({ length: 5 }, (_, i) => makeAccount(org.id, { externalId: `p-${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { json: unknown } = await call(listAccounts, 'GET', '/accounts', {}, { key: key.key, query: `limit=2${cursor ? `&cursor=${cursor}` : ''}` });
      const page: AccountPage = matches(accountPageSchema, res.json);
      seen.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((a) => a.id).sort());
    expectError(await call(listAccounts, 'GET', '/accounts', {}, { key: key.key, query: 'cursor=bogus' }), 400, 'VALIDATION');
    expectError(await call(listAccounts, 'GET', '/accounts', {}, { key: key.key, query: 'limit=500' }), 400, 'VALIDATION');
  });

  it('returns one account with health and KPIs, and 404 for an unknown external id', async () => {
    const { org, key } = await orgWithKey();
    await makeAccount(org.id, { externalId: 'k-1', name: 'Kpi Co', licensedSeats: 4, healthScore: 72, healthBand: 'green', healthUpdatedAt: new Date('2026-01-02T03:04:05Z') });
    const res = await call(getAccount, 'GET', '/accounts/k-1', { externalId: 'k-1' }, { key: key.key });
    expect(res.status).toBe(200);
    const detail = matches(accountDetailSchema, res.json);
    expect(detail).toMatchObject({ externalId: 'k-1', name: 'Kpi Co', licensedSeats: 4, health: { score: 72, band: 'green', updatedAt: '2026-01-02T03:04:05.000Z' } });
    expect(detail.kpis).toEqual({ mrr: null, currency: 'USD', status: null, activeUsers30d: 0, licenseUtilization: 0, openTickets: 0, openHighPriorityTickets: 0, stakeholders: 0 });
    const missing = await call(getAccount, 'GET', '/accounts/nope', { externalId: 'nope' }, { key: key.key });
    expect(expectError(missing, 404, 'NOT_FOUND')).toEqual([]);
  });
});
