import type { Role } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { hasRole, roleLabels } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';

/** Throws FORBIDDEN unless the member's role is at least `min`. Every writing DAL call starts here. */
export function assertRole(ctx: TenantCtx, min: Role): void {
  if (!hasRole(ctx.role, min)) {
    const who = min === 'csm' ? 'CSMs and admins' : min === 'admin' ? 'Admins' : `${roleLabels[min]}s`;
    throw new AppError('FORBIDDEN', `${who} can do this; your role is ${roleLabels[ctx.role]}.`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms: anything that is not a uuid is simply NOT_FOUND (never a driver error). */
export function assertId(id: string, what: string): void {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `${what} was not found.`);
}
