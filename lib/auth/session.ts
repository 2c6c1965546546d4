import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { getAuthOptions } from './options';
import { sessionStillValid } from './session-validity';

export type SessionUser = { id: string; name: string; email: string };

/**
 * The signed-in user, read from the verified JWT and confirmed to still exist and to have signed in after their
 * last password reset; null when signed out. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user as { id?: string; authAt?: number } | undefined;
  if (!claims?.id) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, sessionsValidFrom: users.sessionsValidFrom })
    .from(users)
    .where(eq(users.id, claims.id))
    .limit(1);
  if (!user || !sessionStillValid(claims.authAt, user.sessionsValidFrom)) return null;
  return { id: user.id, name: user.name, email: user.email };
});
