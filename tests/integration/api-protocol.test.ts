import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accounts, apiKeys, auditLog, idempotencyKeys, stakeholders, usageDaily } from '@/db/schema';
import { GET as listAccounts } from '@/app/api/v1/accounts/route';
import { GET as getAccount, PUT as putAccount } from '@/app/api/v1/accounts/[externalId]/route';
import { PUT as putStakeholder } from '@/app/api/v1/accounts/[externalId]/stakeholders/[stakeholderId]/route';
import { POST as batchAccounts } from '@/app/api/v1/batch/accounts/route';
import { POST as postRevenue } from '@/app/api/v1/revenue-changes/route';
import { POST as postUsage } from '@/app/api/v1/usage/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { purgeIdempotencyKeys } from '@/lib/api/idempotency';
import { createApiKey, revokeApiKey } from '@/lib/dal/api-keys';
import { hit } from '@/lib/rate-limit';
import { accountPageSchema, errorResponseSchema, usageResultSchema } from '@/lib/validation/api-responses';
import { call, expectError, matches, orgWithKey } from './api-fixtures';
import { expectAppError, makeAccount } from './fixtures';

describe('authentication', () => {
  it('401 without a key, with an unknown or malformed key, and after the key is revoked', async () => {
    const t = await orgWithKey();
    const { org, key } = t;
    await makeAccount(org.id, { externalId: 'a-1' });
    const none = await call(getAccount, 'GET', '/accounts/a-1', { externalId: 'a-1' }, { key: null });
    expectError(none, 401, 'UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="tenure"');
    matches(errorResponseSchema, none.json);
    expectError(await call(getAccount, 'GET', '/accounts/a-1', { externalId: 'a-1' }, { key: `tnr_${'x'.repeat(43)}` }), 401, 'UNAUTHENTICATED');
    expectError(await call(getAccount, 'GET', '/accounts/a-1', { externalId: 'a-1' }, { key: 'not a key' }), 401, 'UNAUTHENTICATED');

    expect((await call(getAccount, 'GET', '/accounts/a-1', { externalId: 'a-1' }, { key: key.key })).status).toBe(200);
    const [used] = await db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    await revokeApiKey(await t.ctx('admin'), key.id);
    const revoked = await call(getAccount, 'GET', '/accounts/a-1', { externalId: 'a-1' }, { key: key.key });
    expect(expectError(revoked, 401, 'UNAUTHENTICATED')).toEqual([]);
    expect((revoked.json as { error: { message: string } }).error.message).toBe('This API key was revoked. Ask an admin for a new one.');
    const write = await call(putAccount, 'PUT', '/accounts/a-2', { externalId: 'a-2' }, { key: key.key, body: { name: 'After revoke' } });
    expectError(write, 401, 'UNAUTHENTICATED');
    expect(await db.select().from(accounts).where(and(eq(accounts.orgId, org.id), eq(accounts.externalId, 'a-2')))).toEqual([]);
  });

  it('429 with Retry-After once the key spent its 600 requests a minute', async () => {
    const { key } = await orgWithKey();
    for (let i = 0; i < 600; i++) await hit('apiKey', key.id);
    const res = await call(listAccounts, 'GET', '/accounts', {}, { key: key.key });
    expectError(res, 429, 'RATE_LIMITED');
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
  });
});

describe('bodies', () => {
  it('413 for a declared or streamed body over 5 MB; 400 for malformed JSON or a missing items array', async () => {
    const { org, key } = await orgWithKey();
    const big = await call(postUsage, 'POST', '/usage', {}, { key: key.key, raw: '{}', headers: { 'content-length': String(6 * 1024 * 1024) } });
    expectError(big, 413, 'PAYLOAD_TOO_LARGE');
    // no Content-Length and an endless body: the stream itself is cut off at the limit
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({ pull(c) { sent++; c.enqueue(chunk); } });
    const streamed = await postUsage(
      new Request('http://localhost/api/v1/usage', { method: 'POST', headers: { authorization: `Bearer ${key.key}` }, body: stream, duplex: 'half' } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(10);
    expectError(await call(postUsage, 'POST', '/usage', {}, { key: key.key, raw: '{"items": [' }), 400, 'MALFORMED_JSON');
    expectError(await call(postUsage, 'POST', '/usage', {}, { key: key.key, raw: '' }), 400, 'MALFORMED_JSON');
    expect(expectError(await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { events: [] } }), 400, 'VALIDATION'))
      .toEqual([{ field: 'items', message: 'Send { "items": [ ... ] }.' }]);
    const tooMany = Array.from({ length: 10_001 }, () => ({ accountExternalId: 'x', userKey: 'u', occurredAt: '2026-01-01T00:00:00Z' }));
    expectError(await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { items: tooMany } }), 413, 'PAYLOAD_TOO_LARGE');
    expect(await db.select().from(usageDaily).where(eq(usageDaily.orgId, org.id))).toEqual([]);
  });
});

describe('Idempotency-Key', () => {
  it('a repeat returns the first answer and writes nothing; the same key with another body is 409', async () => {
    const { org, key } = await orgWithKey();
    await makeAccount(org.id, { externalId: 'i-1' });
    const body = { items: [{ accountExternalId: 'i-1', userKey: 'u1', occurredAt: '2026-01-05T10:00:00Z', featureKey: 'search' }] };
    const headers = { 'idempotency-key': 'batch-0001' };
    const first = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body, headers });
    expect(matches(usageResultSchema, first.json)).toMatchObject({ accepted: 1, dailyRows: 1 });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body, headers });
    expect(second.status).toBe(first.status);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const rows = await db.select({ events: usageDaily.events, features: usageDaily.features }).from(usageDaily).where(eq(usageDaily.orgId, org.id));
    expect(rows).toEqual([{ events: 1, features: { search: 1 } }]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'usage.recorded')))).toHaveLength(1);

    const other = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { items: [{ ...body.items[0], userKey: 'u2' }] }, headers });
    expect(expectError(other, 409, 'CONFLICT')).toEqual([{ field: 'Idempotency-Key', message: 'Already used with another body or path.' }]);
    expect(await db.select().from(usageDaily).where(eq(usageDaily.orgId, org.id))).toHaveLength(1);
  });

  it('a failed request stores nothing, so the fixed request may reuse the key; keys are per API key', async () => {
    const { org, key } = await orgWithKey();
    const headers = { 'idempotency-key': 'acc-1' };
    const bad = await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items: [{ externalId: 'x', name: '' }] }, headers });
    expectError(bad, 400, 'VALIDATION');
    const good = await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: { items: [{ externalId: 'x', name: 'X' }] }, headers });
    expect(good.status).toBe(200);
    const stored = await db.select({ key: idempotencyKeys.key, status: idempotencyKeys.status }).from(idempotencyKeys).where(eq(idempotencyKeys.orgId, org.id));
    expect(stored).toEqual([{ key: 'acc-1', status: 200 }]);
    expectError(await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: key.key, body: {}, headers: { 'idempotency-key': 'bad key with spaces' } }), 400, 'VALIDATION');
  });
});

describe('read-only keys', () => {
  it('a read-only key reads but every write is 403 and writes nothing; an admin chooses the access at creation', async () => {
    const t = await orgWithKey();
    await makeAccount(t.org.id, { externalId: 'r-1', name: 'Readable' });
    const reader = await createApiKey(await t.ctx('admin'), { name: 'BI export', access: 'read' });
    expect(reader.access).toBe('read');
    expect((await call(getAccount, 'GET', '/accounts/r-1', { externalId: 'r-1' }, { key: reader.key })).status).toBe(200);
    expect(matches(accountPageSchema, (await call(listAccounts, 'GET', '/accounts', {}, { key: reader.key })).json).data).toHaveLength(1);
    const refused = [
      await call(putAccount, 'PUT', '/accounts/r-2', { externalId: 'r-2' }, { key: reader.key, body: { name: 'New' } }),
      await call(batchAccounts, 'POST', '/accounts:batch', {}, { key: reader.key, body: { items: [{ externalId: 'r-3', name: 'X' }] } }),
      await call(postUsage, 'POST', '/usage', {}, { key: reader.key, body: { items: [{ accountExternalId: 'r-1', userKey: 'u', occurredAt: '2026-01-05T10:00:00Z' }] } }),
    ];
    for (const res of refused) {
      expectError(res, 403, 'FORBIDDEN');
      expect(res.json.error.message).toMatch(/^This API key can only read\./);
    }
    expect(await db.select({ id: accounts.externalId }).from(accounts).where(eq(accounts.orgId, t.org.id))).toEqual([{ id: 'r-1' }]);
    expect(await db.$count(usageDaily, eq(usageDaily.orgId, t.org.id))).toBe(0);
    // the same write with the org's read and write key goes through
    expect((await call(putAccount, 'PUT', '/accounts/r-2', { externalId: 'r-2' }, { key: t.key.key, body: { name: 'New' } })).status).toBe(201);
    const err = await expectAppError(createApiKey(await t.ctx('admin'), { name: 'x', access: 'admin' as never }), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ access: ['Choose read and write, or read only.'] });
  });
});

describe('Idempotency-Key expiry', () => {
  it('after 24 hours a key is forgotten: the same key writes again; the purge deletes only expired keys', async () => {
    const { org, key } = await orgWithKey();
    const b = await orgWithKey();
    await makeAccount(org.id, { externalId: 'e-1' });
    const body = { items: [{ accountExternalId: 'e-1', userKey: 'u1', occurredAt: '2026-01-05T10:00:00Z' }] };
    const headers = { 'idempotency-key': 'daily-1' };
    expect((await call(postUsage, 'POST', '/usage', {}, { key: key.key, body, headers })).status).toBe(200);
    const age = (hours: number, orgId: string) => db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - hours * 3_600_000) }).where(eq(idempotencyKeys.orgId, orgId));
    await age(23, org.id);
    expect((await call(postUsage, 'POST', '/usage', {}, { key: key.key, body, headers })).headers.get('idempotent-replayed')).toBe('true');
    await age(25, org.id);
    const again = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body, headers });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect((await db.select({ events: usageDaily.events }).from(usageDaily).where(eq(usageDaily.orgId, org.id)))).toEqual([{ events: 2 }]);

    // org B: one expired key and one fresh one; org A's fresh record (just rewritten) stays
    await makeAccount(b.org.id, { externalId: 'e-1' });
    for (const k of ['old', 'new']) await call(postUsage, 'POST', '/usage', {}, { key: b.key.key, body, headers: { 'idempotency-key': k } });
    await db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - 48 * 3_600_000) }).where(and(eq(idempotencyKeys.orgId, b.org.id), eq(idempotencyKeys.key, 'old')));
    expect(await purgeIdempotencyKeys(db)).toBeGreaterThanOrEqual(1);
    const left = await db.select({ orgId: idempotencyKeys.orgId, key: idempotencyKeys.key }).from(idempotencyKeys)
      .where(sql`${idempotencyKeys.orgId} in (${org.id}, ${b.org.id})`).orderBy(idempotencyKeys.key);
    expect(left).toEqual([{ orgId: org.id, key: 'daily-1' }, { orgId: b.org.id, key: 'new' }]);
  });
});

describe('cross-tenant', () => {
  it('a key of org A can neither read nor write org B, even with B\'s external ids', async () => {
    const a = await orgWithKey();
    const b = await orgWithKey();
    const bAccount = await makeAccount(b.org.id, { externalId: 'shared-1', name: 'Of B', licensedSeats: 7 });
    const snapshot = () => Promise.all([
      db.select().from(accounts).where(eq(accounts.orgId, b.org.id)),
      db.select().from(stakeholders).where(eq(stakeholders.orgId, b.org.id)),
      db.select().from(usageDaily).where(eq(usageDaily.orgId, b.org.id)),
      db.select().from(auditLog).where(eq(auditLog.orgId, b.org.id)),
    ]);
    const before = await snapshot();

    expectError(await call(getAccount, 'GET', '/accounts/shared-1', { externalId: 'shared-1' }, { key: a.key.key }), 404, 'NOT_FOUND');
    const page = matches(accountPageSchema, (await call(listAccounts, 'GET', '/accounts', {}, { key: a.key.key })).json);
    expect(page.data).toEqual([]);
    expectError(await call(putStakeholder, 'PUT', '/accounts/shared-1/stakeholders/s', { externalId: 'shared-1', stakeholderId: 's' }, { key: a.key.key, body: { name: 'Spy' } }), 404, 'NOT_FOUND');
    const usage = await call(postUsage, 'POST', '/usage', {}, { key: a.key.key, body: { items: [{ accountExternalId: 'shared-1', userKey: 'u', occurredAt: '2026-01-01T00:00:00Z' }] } });
    expect(expectError(usage, 400, 'VALIDATION')).toEqual([{ index: 0, field: 'accountExternalId', message: 'No account has the external id shared-1.' }]);
    const revenue = await call(postRevenue, 'POST', '/revenue-changes', {}, { key: a.key.key, body: { items: [{ externalId: 'r', accountExternalId: 'shared-1', effectiveDate: '2025-01-01', mrr: 1 }] } });
    expectError(revenue, 400, 'VALIDATION');
    // PUT with B's external id creates A's own account: the id space is per org
    const put = await call(putAccount, 'PUT', '/accounts/shared-1', { externalId: 'shared-1' }, { key: a.key.key, body: { name: 'Of A', licensedSeats: 1 } });
    expect(put.status).toBe(201);
    expect((put.json as { id: string }).id).not.toBe(bAccount.id);

    expect(await snapshot()).toEqual(before);
    const [mine] = await db.select().from(accounts).where(and(eq(accounts.orgId, a.org.id), eq(accounts.externalId, 'shared-1')));
    expect(mine).toMatchObject({ name: 'Of A', licensedSeats: 1 });
  });
});

describe('OpenAPI document', () => {
  // every (path, method, status) the API tests exercise: each must be documented
  const exercised: [string, string, string[]][] = [
    ['/accounts', 'get', ['200', '400', '401', '429']],
    ['/accounts/{externalId}', 'get', ['200', '401', '404']],
    ['/accounts/{externalId}', 'put', ['200', '201', '400', '401', '403']],
    ['/accounts:batch', 'post', ['200', '400', '403', '413']],
    ['/accounts/{externalId}/stakeholders/{stakeholderExternalId}', 'put', ['200', '201', '404']],
    ['/stakeholders:batch', 'post', ['200', '400']],
    ['/usage', 'post', ['200', '400', '403', '409', '413']],
    ['/revenue-changes', 'post', ['200', '400']],
    ['/tickets', 'post', ['200', '400']],
  ];

  it('is OpenAPI 3.1 and documents every route, method and status the tests hit', async () => {
    const res = await openapi();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    for (const [path, method, statuses] of exercised) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      expect(Object.keys(doc.paths[path][method].responses)).toEqual(expect.arrayContaining(statuses));
    }
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(exercised.map((e) => e[0]))].sort());
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'BatchResult', 'UsageResult', 'Account', 'AccountDetail', 'AccountPage', 'UsageEvent', 'RevenueChange', 'Ticket']));
  });
});
