import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeys } from '@/db/schema';
import { hashToken } from '@/lib/auth/tokens';
import { hit } from '@/lib/rate-limit';
import { brandApiKey, type ApiKeyCtx } from './context';
import { ApiError } from './errors';

const unauthenticated = (message: string) => new ApiError('UNAUTHENTICATED', message, [], { 'WWW-Authenticate': 'Bearer realm="tenure"' });

// A key is base64url after its prefix; anything else cannot be one, so it is refused without a query.
const KEY_SHAPE = /^tnr_[A-Za-z0-9_-]{20,100}$/;

/**
 * Resolves `Authorization: Bearer <key>` to the key's org: 401 when the header is missing, the key is
 * unknown or revoked. The org comes only from the key. last_used_at is refreshed at most once a minute,
 * so a busy integration does not write the key's row on every request.
 */
export async function authenticate(request: Request): Promise<ApiKeyCtx> {
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw unauthenticated('Send your API key as "Authorization: Bearer tnr_…". Admins create keys under Settings → API keys.');
  const token = m[1];
  if (!KEY_SHAPE.test(token)) throw unauthenticated('This API key is not valid.');
  const [key] = await db
    .select({ orgId: apiKeys.orgId, id: apiKeys.id, access: apiKeys.access, revokedAt: apiKeys.revokedAt, stale: sql<boolean>`coalesce(${apiKeys.lastUsedAt} < now() - interval '1 minute', true)` })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashToken(token)))
    .limit(1);
  if (!key) throw unauthenticated('This API key is not valid.');
  if (key.revokedAt) throw unauthenticated('This API key was revoked. Ask an admin for a new one.');
  if (key.stale) await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(and(eq(apiKeys.orgId, key.orgId), eq(apiKeys.id, key.id)));
  return brandApiKey(key.orgId, key.id, key.access);
}

/** Counts one request against the key's limit (lib/rate-limit.ts rule apiKey); 429 with Retry-After once spent. */
export async function limitRate(ctx: ApiKeyCtx): Promise<void> {
  const verdict = await hit('apiKey', ctx.apiKeyId);
  if (!verdict.ok) {
    const seconds = Math.max(1, verdict.retryAfterSec);
    throw new ApiError('RATE_LIMITED', `Too many requests with this key; retry in ${seconds} s.`, [], { 'Retry-After': String(seconds) });
  }
}
