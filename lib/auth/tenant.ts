import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { findMembership } from './membership';
import { hasRole } from './roles';
import { getSessionUser } from './session';
import { brandTenant, type TenantCtx } from './tenant-ctx';

/**
 * Resolves the signed-in user's membership in the org named by the URL. Throws AppError:
 * UNAUTHENTICATED without a session, NOT_FOUND for a non-member or unknown org (orgs cannot be
 * probed), FORBIDDEN when the role is below `minRole`.
 */
export const resolveTenant = cache(async (orgSlug: string, minRole: Role = 'viewer'): Promise<TenantCtx> => {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  const membership = await findMembership(user.id, orgSlug);
  if (!membership) throw new AppError('NOT_FOUND', 'Not found.');
  if (!hasRole(membership.role, minRole)) {
    throw new AppError('FORBIDDEN', `This needs the ${minRole} role or higher.`);
  }
  return brandTenant(membership);
});

/**
 * For pages and layouts: like resolveTenant, but a signed-out visitor is sent to /login and a
 * non-member gets the 404 page.
 */
export async function requireTenant(orgSlug: string, minRole: Role = 'viewer'): Promise<TenantCtx> {
  try {
    return await resolveTenant(orgSlug, minRole);
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
      redirect(`/login?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
    }
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}

export type { TenantCtx };
