import type { Actor } from '@/lib/dal/audit';

declare const apiKeyBrand: unique symbol;

/**
 * Proof that a request carried a live API key of the org, made only by lib/api/auth.ts from the key's
 * hash. The API's DAL functions take it first, as the app's take a TenantCtx: the org comes from the
 * key, never from a URL or body, and every write is recorded with the key as its actor.
 */
export type ApiKeyCtx = Readonly<{ orgId: string; apiKeyId: string; actor: Actor }> & { readonly [apiKeyBrand]: true };

/** Brands a key read from the database. Only lib/api/auth.ts (and test helpers) call this. */
export const brandApiKey = (orgId: string, apiKeyId: string) =>
  Object.freeze({ orgId, apiKeyId, actor: { type: 'api_key', id: apiKeyId } as Actor }) as ApiKeyCtx;
