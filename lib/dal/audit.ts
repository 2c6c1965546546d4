import type { Tx } from '@/db';
import { auditLog } from '@/db/schema';
import type { ActorType } from '@/db/schema';

export type Actor = { type: ActorType; id: string | null };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Writes one audit entry for the org inside the caller's transaction. */
export async function recordAudit(tx: Tx, orgId: string, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    orgId,
    actorType: actor.type,
    actorId: actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The actor of a signed-in request. */
export const userActor = (userId: string): Actor => ({ type: 'user', id: userId });
