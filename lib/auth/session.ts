import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { getAuthOptions } from './options';

export type SessionUser = { id: string; name: string; email: string };

/**
 * The signed-in user, read from the verified JWT and confirmed to still exist; null when signed
 * out. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
});
