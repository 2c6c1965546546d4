import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { memberships, organizations } from '@/db/schema';
import type { Membership } from './tenant-ctx';

/** The user's membership in the org with this slug, or null when there is none (or no such org). */
export async function findMembership(userId: string, orgSlug: string): Promise<Membership | null> {
  const [row] = await db
    .select({
      userId: memberships.userId,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, orgSlug)))
    .limit(1);
  return row ?? null;
}
