import 'server-only';
import type { Tx } from '@/db';
import { recomputeUsageMonthly, touchedPairs } from '@/db/usage-rollup';
import { settle, sortErrors, type ParsedBatch } from '@/lib/api/batch';
import type { ApiKeyCtx } from '@/lib/api/context';
import type { UsageEventItem } from '@/lib/validation/api';
import type { ItemError, UsageResultBody } from '@/lib/validation/api-responses';
import { insertApiAudits, lockAccountsByExternalId, refreshHealth, unknownAccounts } from './ingest-common';
import { upsertUsageDaily } from './usage';

// Clients' clocks run a little ahead sometimes; an event further in the future is a mistake.
const FUTURE_SLACK_MS = 60 * 60_000;

/** Events dated more than an hour ahead of now are the item's error. */
function futureErrors(batch: ParsedBatch<UsageEventItem>): ItemError[] {
  const limit = Date.now() + FUTURE_SLACK_MS;
  return batch.items.filter((i) => Date.parse(i.value.occurredAt) > limit).map((i) => ({ index: i.index, field: 'occurredAt', message: 'That moment is more than an hour in the future.' }));
}

/**
 * Rolls raw usage events (at most 10,000, zod-checked; user keys already hashed when emails) into the
 * org's per-user daily rows, then recomputes usage_monthly and usage_user_months for exactly the touched
 * (account, month) pairs and the touched accounts' health, all in the caller's transaction. Accounts are
 * named by external id; an unknown one is the item's error. All-or-nothing unless `partial`. One audit
 * entry per batch by the key (usage is not timeline news).
 */
export async function ingestUsage(ctx: ApiKeyCtx, tx: Tx, batch: ParsedBatch<UsageEventItem>, partial: boolean): Promise<UsageResultBody> {
  const future = futureErrors(batch);
  const late = new Set(future.map((e) => e.index));
  const accountIds = await lockAccountsByExternalId(tx, ctx, batch.items.map((i) => i.value.accountExternalId));
  const found = unknownAccounts(batch.items.filter((i) => !late.has(i.index)), accountIds);
  const errors = sortErrors([...batch.errors, ...future, ...found.errors]);
  settle(errors, partial);
  const failed = new Set(errors.map((e) => e.index)).size;
  if (found.kept.length === 0) return { received: batch.received, accepted: 0, failed, dailyRows: 0, months: 0, errors };
  const rows = found.kept.map((i) => ({ a: i.accountId, u: i.value.userKey, t: i.value.occurredAt, f: i.value.featureKey ?? null, s: i.value.sessions ?? 0 }));
  const touched = await upsertUsageDaily(tx, ctx.orgId, rows);
  const pairs = touched.map((t) => ({ accountId: t.account_id, month: t.month }));
  await recomputeUsageMonthly(tx, ctx.orgId, touchedPairs(pairs));
  const dailyRows = touched.reduce((n, t) => n + Number(t.rows), 0);
  const accounts = new Set(rows.map((r) => r.a));
  await insertApiAudits(tx, ctx, [{ action: 'usage.recorded', entityType: 'usage', entityId: null, after: { events: rows.length, dailyRows, months: pairs.length, accounts: accounts.size } }]);
  await refreshHealth(tx, ctx, accounts);
  return { received: batch.received, accepted: rows.length, failed, dailyRows, months: pairs.length, errors };
}
