import { AsyncLocalStorage } from 'node:async_hooks';
import { queueNotifications } from './queue';

// Playbooks write their notifications inside the caller's transaction (an outbox); they may only be handed to the
// queue once that transaction has committed. Every entry point that can write (server actions, the public survey
// post, the API, the sweep) runs its work inside `queueAfterCommit`: the DAL call — transaction included — has
// returned when the collected ids are queued, and nothing is queued when it threw (rolled back). Work outside such
// a scope (scripts, the seed) leaves its rows to the notification sweep.

const pending = new AsyncLocalStorage<Map<string, string[]>>();

/** Remembers notification ids to queue when the surrounding `queueAfterCommit` scope completes. */
export function collectNotifications(orgId: string, ids: readonly string[]): void {
  const store = pending.getStore();
  if (!store || ids.length === 0) return;
  store.set(orgId, [...(store.get(orgId) ?? []), ...ids]);
}

/** Runs `work`; if it succeeds, queues the notifications it collected. Scopes nest: the outer one queues. */
export async function queueAfterCommit<T>(work: () => Promise<T>): Promise<T> {
  if (pending.getStore()) return work();
  const store = new Map<string, string[]>();
  const result = await pending.run(store, work);
  for (const [orgId, ids] of store) await queueNotifications(orgId, ids);
  return result;
}
