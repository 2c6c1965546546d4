import { findMembership } from './membership';
import { brandTenant, type TenantCtx } from './tenant-ctx';

/** For tests and scripts: the TenantCtx of a real membership, read from the database. */
export async function tenantCtxFor(userId: string, orgSlug: string): Promise<TenantCtx> {
  const m = await findMembership(userId, orgSlug);
  if (!m) throw new Error(`user ${userId} is not a member of ${orgSlug}`);
  return brandTenant(m);
}
