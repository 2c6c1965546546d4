import type { Role } from '@/db/schema';

const rank: Record<Role, number> = { viewer: 0, csm: 1, admin: 2, owner: 3 };

/** True when `role` is at least `min` in viewer < csm < admin < owner. */
export const hasRole = (role: Role, min: Role) => rank[role] >= rank[min];

export const roleLabels: Record<Role, string> = {
  viewer: 'Viewer',
  csm: 'CSM',
  admin: 'Admin',
  owner: 'Owner',
};

/**
 * Whether `actor` may change a member who has `target` role (and give them `next`): owners manage
 * everyone; admins manage viewers and CSMs only, and cannot hand out admin or owner.
 */
export function canManageMember(actor: Role, target: Role, next?: Role): boolean {
  if (actor === 'owner') return true;
  if (actor !== 'admin') return false;
  const low = (r: Role) => r === 'viewer' || r === 'csm';
  return low(target) && (next === undefined || low(next));
}

/** The roles `actor` may give when inviting or changing a member. */
export const assignableRoles = (actor: Role): Role[] =>
  actor === 'owner' ? ['viewer', 'csm', 'admin', 'owner'] : actor === 'admin' ? ['viewer', 'csm'] : [];
