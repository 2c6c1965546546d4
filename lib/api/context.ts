import type { Actor } from '@/lib/dal/audit';

declare const apiKeyBrand: unique symbol;

/**
 * Proof that a request carried a live API key of the org, made only by lib/api/auth.ts from the key's
 * hash. The API's DAL functions take it first, as the app's take a TenantCtx: the org comes from the
 * key, never from a URL or body, and every write is recorded with the key as its actor.
 */
export type ApiKeyCtx = Readonly<{ orgId: string; apiKeyId: string; actor: Actor; access: ApiKeyAccess }> & { readonly [apiKeyBrand]: true };

/** What a key may do: read and write (ingestion), or only read (lib/api/handler.ts refuses its writes). */
export type ApiKeyAccess = 'read_write' | 'read';

/** Brands a key read from the database. Only lib/api/auth.ts (and test helpers) call this. */
export const brandApiKey = (orgId: string, apiKeyId: string, access: ApiKeyAccess = 'read_write') =>
  Object.freeze({ orgId, apiKeyId, access, actor: { type: 'api_key', id: apiKeyId } as Actor }) as ApiKeyCtx;
