import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { accountEvents, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { assertId } from './guard';

/** The newest events of one account of the org (its timeline), with the acting user's name. */
export async function listAccountEvents(ctx: TenantCtx, accountId: string, limit = 50) {
  assertId(accountId, 'That account');
  return db
    .select({
      id: accountEvents.id,
      kind: accountEvents.kind,
      occurredAt: accountEvents.occurredAt,
      actorType: accountEvents.actorType,
      actorName: users.name,
      summary: accountEvents.summary,
    })
    .from(accountEvents)
    // actor_id is text (it can name an API key too), so compare it with the user id as text
    .leftJoin(users, and(eq(accountEvents.actorType, 'user'), eq(sql`${users.id}::text`, accountEvents.actorId)))
    .where(and(eq(accountEvents.orgId, ctx.orgId), eq(accountEvents.accountId, accountId)))
    .orderBy(desc(accountEvents.occurredAt))
    .limit(limit);
}
