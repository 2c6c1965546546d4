import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { apiKeys } from '@/db/schema';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/actions/api-keys';
import { hashToken } from '@/lib/auth/tokens';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/dal/api-keys';
import { auditOf } from './api-fixtures';
import { expectAppError, makeOrg } from './fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

describe('API keys (DAL)', () => {
  it('creates a key shown once: tnr_ + 43 base64url characters, stored only as its hash with a visible prefix', async () => {
    const org = await makeOrg();
    const admin = await org.ctx('admin');
    const created = await createApiKey(admin, { name: '  Billing sync ' });
    expect(created.key).toMatch(/^tnr_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ orgId: org.org.id, name: 'Billing sync', prefix: created.prefix, keyHash: hashToken(created.key), createdBy: org.users.admin.id, revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(row)).not.toContain(created.key);
    const list = await listApiKeys(admin);
    expect(row.access).toBe('read_write');
    expect(list).toEqual([{ id: created.id, name: 'Billing sync', prefix: created.prefix, access: 'read_write', createdAt: row.createdAt, createdByName: org.users.admin.name, lastUsedAt: null, revokedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(row.keyHash);
    const [audit] = await auditOf(org.org.id, 'api_key.created');
    expect(audit).toMatchObject({ actorType: 'user', actorId: org.users.admin.id, entityId: created.id, after: { name: 'Billing sync', prefix: created.prefix, access: 'read_write' } });
  });

  it('only admins and owners create, list and revoke; revoking twice is CONFLICT', async () => {
    const org = await makeOrg();
    await expectAppError(createApiKey(await org.ctx('csm'), { name: 'x' }), 'FORBIDDEN');
    await expectAppError(listApiKeys(await org.ctx('viewer')), 'FORBIDDEN');
    const key = await createApiKey(await org.ctx('owner'), { name: 'x' });
    await expectAppError(revokeApiKey(await org.ctx('csm'), key.id), 'FORBIDDEN');
    await revokeApiKey(await org.ctx('admin'), key.id);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row.revokedAt).toBeInstanceOf(Date);
    await expectAppError(revokeApiKey(await org.ctx('admin'), key.id), 'CONFLICT');
    expect((await auditOf(org.org.id, 'api_key.revoked')).map((a) => a.entityId)).toEqual([key.id]);
    const err = await expectAppError(createApiKey(await org.ctx('admin'), { name: ' ' }), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ name: ['Enter a name, e.g. the system that will use the key.'] });
  });

  it('another org cannot list or revoke the key (NOT_FOUND), and a malformed id is NOT_FOUND', async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const key = await createApiKey(await a.ctx('admin'), { name: 'A' });
    await expectAppError(revokeApiKey(await b.ctx('owner'), key.id), 'NOT_FOUND');
    await expectAppError(revokeApiKey(await b.ctx('owner'), 'not-a-uuid'), 'NOT_FOUND');
    expect(await listApiKeys(await b.ctx('owner'))).toEqual([]);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row.revokedAt).toBeNull();
  });
});

describe('API key actions', () => {
  it('an admin creates and revokes through the actions; a CSM is refused', async () => {
    const org = await makeOrg();
    signIn(org.users.admin);
    const created = await createApiKeyAction(org.org.slug, null, form({ name: 'Zapier' }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.data.key).toMatch(/^tnr_/);
    expect(revalidatePath).toHaveBeenCalledWith(`/${org.org.slug}/settings/api`);
    const invalid = await createApiKeyAction(org.org.slug, null, form({ name: '' }));
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['Enter a name, e.g. the system that will use the key.'] } });
    signIn(org.users.csm);
    expect(await revokeApiKeyAction(org.org.slug, null, form({ apiKeyId: created.data.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signIn(org.users.admin);
    expect(await revokeApiKeyAction(org.org.slug, null, form({ apiKeyId: created.data.id }))).toEqual({ ok: true, data: undefined });
  });
});
