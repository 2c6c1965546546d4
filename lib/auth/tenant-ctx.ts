import type { Role } from '@/db/schema';

declare const tenantBrand: unique symbol;

/**
 * Proof that the signed-in user is a member of the org, made only by lib/auth from the verified
 * session. A hand-built object does not type-check.
 */
export type TenantCtx = Readonly<{
  userId: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
}> & { readonly [tenantBrand]: true };

export type Membership = Omit<TenantCtx, typeof tenantBrand>;

/** Brands a membership read from the database. Only lib/auth calls this. */
export const brandTenant = (m: Membership) => Object.freeze({ ...m }) as TenantCtx;
