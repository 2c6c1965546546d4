import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { accountEvents, auditLog } from '@/db/schema';
import { insertRows } from '@/db/seed/bulk-insert';
import type { ApiKeyCtx } from '@/lib/api/context';
import { refreshAccounts } from '@/lib/health/refresh';
import type { ItemError } from '@/lib/validation/api-responses';
import { oneLine } from './events';

// Shared by the API's set-based writers (lib/dal/ingest-*.ts): every statement takes the org from
// the API key's context and handles a whole batch, never one query per item.

/** A list of strings as ONE JSON parameter (1,000 bind parameters would be slow on both drivers). */
export const jsonList = (values: Iterable<string>) => sql`(select json_array_elements_text(${JSON.stringify([...new Set(values)])}::json))`;

export type AccountRef = { id: string; externalId: string };

/**
 * The org's accounts with these external ids (archived ones too), locked in id order so two batches
 * touching the same accounts queue instead of deadlocking.
 */
export async function lockAccountsByExternalId(tx: Tx, ctx: ApiKeyCtx, externalIds: Iterable<string>): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; external_id: string }>(tx, sql`
    select id, external_id from accounts where org_id = ${ctx.orgId} and external_id in ${jsonList(externalIds)}
    order by id for no key update`);
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/** Item errors for items whose account external id is not one of the org's accounts. */
export function unknownAccounts<T extends { accountExternalId: string }>(
  items: { index: number; value: T }[], known: Map<string, string>,
): { kept: { index: number; value: T; accountId: string }[]; errors: ItemError[] } {
  const kept: { index: number; value: T; accountId: string }[] = [];
  const errors: ItemError[] = [];
  for (const item of items) {
    const accountId = known.get(item.value.accountExternalId);
    if (accountId) kept.push({ ...item, accountId });
    else errors.push({ index: item.index, field: 'accountExternalId', message: `No account has the external id ${item.value.accountExternalId}.` });
  }
  return { kept, errors };
}

export type EventRow = { accountId: string; kind: string; summary: string; data: Record<string, unknown> };
export type AuditRow = { action: string; entityType: string; entityId: string | null; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };

/** Timeline events by the API key, one statement per 1,000. */
export async function insertApiEvents(tx: Tx, ctx: ApiKeyCtx, rows: EventRow[]): Promise<void> {
  await insertRows(tx, accountEvents, rows.map((r) => ({
    orgId: ctx.orgId, accountId: r.accountId, kind: r.kind, actorType: 'api_key' as const, actorId: ctx.apiKeyId, summary: oneLine(r.summary), data: { source: 'api', ...r.data },
  })));
}

/** Audit entries by the API key, one statement per 1,000. */
export async function insertApiAudits(tx: Tx, ctx: ApiKeyCtx, rows: AuditRow[]): Promise<void> {
  await insertRows(tx, auditLog, rows.map((r) => ({
    orgId: ctx.orgId, actorType: 'api_key' as const, actorId: ctx.apiKeyId, action: r.action, entityType: r.entityType, entityId: r.entityId,
    before: r.before ?? null, after: r.after ?? null,
  })));
}

/** Recomputes the health of the accounts a batch touched, inside the batch's transaction (set-based). */
export async function refreshHealth(tx: Tx, ctx: ApiKeyCtx, accountIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length > 0) await refreshAccounts(tx, ctx.orgId, ids);
}

/** Counts for a batch answer. */
export function tally(statuses: { status: 'created' | 'updated' | 'unchanged' }[]) {
  return {
    created: statuses.filter((s) => s.status === 'created').length,
    updated: statuses.filter((s) => s.status === 'updated').length,
    unchanged: statuses.filter((s) => s.status === 'unchanged').length,
  };
}
