import type { Tx } from '@/db';
import { collectNotifications } from '@/lib/notifications/after-commit';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';
import { recomputeHealth } from './recompute';

/**
 * What every write that changes an account's inputs calls inside its transaction: recompute the health of exactly
 * those accounts (or all of the org's), then run the org's playbooks over them; the notifications that opens are
 * queued once the transaction has committed (lib/notifications/after-commit.ts). Returns the number of scores written.
 */
export async function refreshAccounts(tx: Tx, orgId: string, accountIds: readonly string[] | 'all'): Promise<number> {
  const written = await recomputeHealth(tx, orgId, accountIds);
  const { notifications } = await evaluatePlaybooks(tx, orgId, accountIds);
  collectNotifications(orgId, notifications);
  return written;
}
