import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeys, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { hashToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';
import { createApiKeySchema, type CreateApiKeyInput } from '@/lib/validation/api-keys';
import type { ApiKeyAccess } from '@/lib/api/context';
import { recordAudit, userActor } from './audit';
import { assertId, assertRole } from './guard';

/** Keys start with this, so a leaked one is recognizable (secret scanners, logs). */
export const API_KEY_PREFIX = 'tnr_';
/** How much of a key stays visible after creation: the prefix and 8 characters. */
const VISIBLE = API_KEY_PREFIX.length + 8;

/** A new key: 32 random bytes, base64url, after the prefix. */
export const newApiKey = () => `${API_KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;

export type CreatedApiKey = { id: string; name: string; prefix: string; key: string; access: ApiKeyAccess };

/**
 * Creates an API key of the org (admins and owners), read and write or read only. Only its SHA-256 is stored: the
 * returned `key` is the one and only time anyone sees it. Audited as `api_key.created`.
 */
export async function createApiKey(ctx: TenantCtx, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  assertRole(ctx, 'admin');
  const { name, access } = parseInput(createApiKeySchema, input);
  const key = newApiKey();
  const prefix = key.slice(0, VISIBLE);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({ orgId: ctx.orgId, name, prefix, access, keyHash: hashToken(key), createdBy: ctx.userId }).returning({ id: apiKeys.id });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'api_key.created', entityType: 'api_key', entityId: row.id, after: { name, prefix, access } });
    return { id: row.id, name, prefix, key, access };
  });
}

export type ApiKeyDto = {
  id: string; name: string; prefix: string; access: ApiKeyAccess; createdAt: Date; createdByName: string | null; lastUsedAt: Date | null; revokedAt: Date | null;
};

/** The org's API keys, newest first, revoked ones too (admins and owners); never the hash. At most 200. */
export async function listApiKeys(ctx: TenantCtx): Promise<ApiKeyDto[]> {
  assertRole(ctx, 'admin');
  return db
    .select({
      id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, access: apiKeys.access, createdAt: apiKeys.createdAt, createdByName: users.name,
      lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.orgId, ctx.orgId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(200);
}

/**
 * Revokes a key of the org (admins and owners): the next request with it is 401. A foreign or
 * unknown id is NOT_FOUND, an already revoked key CONFLICT. Audited as `api_key.revoked`.
 */
export async function revokeApiKey(ctx: TenantCtx, apiKeyId: string): Promise<void> {
  assertRole(ctx, 'admin');
  assertId(apiKeyId, 'That API key');
  await db.transaction(async (tx) => {
    const mine = and(eq(apiKeys.orgId, ctx.orgId), eq(apiKeys.id, apiKeyId));
    const [key] = await tx.select({ name: apiKeys.name, prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(mine).for('update');
    if (!key) throw new AppError('NOT_FOUND', 'That API key was not found.');
    if (key.revokedAt) throw new AppError('CONFLICT', 'This key is already revoked.');
    await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(mine, isNull(apiKeys.revokedAt)));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'api_key.revoked', entityType: 'api_key', entityId: apiKeyId, before: { name: key.name, prefix: key.prefix, revokedAt: null },
    });
  });
}
