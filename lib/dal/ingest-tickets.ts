import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { duplicates, settle, sortErrors, type ParsedBatch } from '@/lib/api/batch';
import type { ApiKeyCtx } from '@/lib/api/context';
import { ticketClosedSummary, ticketOpenedSummary } from '@/lib/revenue-text';
import type { TicketItem } from '@/lib/validation/api';
import type { BatchResult, ItemError } from '@/lib/validation/api-responses';
import { insertApiAudits, insertApiEvents, jsonList, lockAccountsByExternalId, refreshHealth, tally, unknownAccounts } from './ingest-common';

// Clocks differ a little between a help desk and this server; a ticket from further ahead is a mistake.
const FUTURE_SLACK_MS = 5 * 60_000;

type State = { subject: string | null; priority: 'low' | 'normal' | 'high' | 'urgent'; openedAt: string; closedAt: string | null; resolvedFirstContact: boolean };
type Stored = State & { id: string; externalId: string; accountId: string };
type Planned = { index: number; externalId: string; accountId: string; status: 'created' | 'updated' | 'unchanged'; before: State | null; next: State };

const FIELDS = ['subject', 'priority', 'openedAt', 'closedAt', 'resolvedFirstContact'] as const;
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

async function storedTickets(tx: Tx, ctx: ApiKeyCtx, externalIds: string[]): Promise<Map<string, Stored>> {
  const rows = await queryRows<Stored>(tx, sql`
    select id, external_id as "externalId", account_id as "accountId", subject, priority, ${iso('opened_at')} as "openedAt",
      ${iso('closed_at')} as "closedAt", resolved_first_contact as "resolvedFirstContact"
    from tickets where org_id = ${ctx.orgId} and external_id in ${jsonList(externalIds)} order by id for update`);
  return new Map(rows.map((r) => [r.externalId, r]));
}

function plan(i: { index: number; value: TicketItem; accountId: string }, stored: Stored | undefined): Planned | ItemError {
  const v = i.value;
  const limit = Date.now() + FUTURE_SLACK_MS;
  for (const f of ['openedAt', 'closedAt'] as const) {
    if (v[f] && Date.parse(v[f]!) > limit) return { index: i.index, field: f, message: 'That moment is in the future.' };
  }
  if (stored && stored.accountId !== i.accountId) return { index: i.index, field: 'accountExternalId', message: `Ticket ${v.externalId} belongs to another account; a ticket cannot move between accounts.` };
  const base: State = stored ?? { subject: null, priority: 'normal', openedAt: v.openedAt, closedAt: null, resolvedFirstContact: false };
  const next = { ...base };
  for (const f of FIELDS) if (v[f] !== undefined) (next as Record<string, unknown>)[f] = (f === 'openedAt' || f === 'closedAt') && v[f] ? new Date(v[f] as string).toISOString() : v[f];
  if (next.closedAt && next.closedAt < next.openedAt) return { index: i.index, field: 'closedAt', message: 'A ticket cannot close before it opened.' };
  const status = !stored ? 'created' : FIELDS.some((f) => next[f] !== stored[f]) ? 'updated' : 'unchanged';
  return { index: i.index, externalId: v.externalId, accountId: i.accountId, status, before: stored ?? null, next };
}

async function write(tx: Tx, ctx: ApiKeyCtx, changed: Planned[]): Promise<Map<string, string>> {
  const rows = changed.map((p) => ({ x: p.externalId, a: p.accountId, ...p.next }));
  const ids = await queryRows<{ id: string; external_id: string }>(tx, sql`
    insert into tickets as t (org_id, account_id, external_id, subject, priority, opened_at, closed_at, resolved_first_contact)
    select ${ctx.orgId}::uuid, r.a, r.x, r.subject, r.priority, r."openedAt", r."closedAt", r."resolvedFirstContact"
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(x text, a uuid, subject text, priority ticket_priority, "openedAt" timestamptz, "closedAt" timestamptz, "resolvedFirstContact" boolean)
    on conflict (org_id, external_id) do update set subject = excluded.subject, priority = excluded.priority, opened_at = excluded.opened_at,
      closed_at = excluded.closed_at, resolved_first_contact = excluded.resolved_first_contact
    returning id, external_id`);
  return new Map(ids.map((r) => [r.external_id, r.id]));
}

/**
 * Upserts support tickets of the API key's org by the help desk's external id (at most 1,000,
 * zod-checked). Absent fields keep their value. Opening and closing appear on the account's timeline;
 * every change is audited by the key; the touched accounts' health is recomputed. All-or-nothing
 * unless `partial`. Set-based, in the caller's transaction.
 */
export async function upsertTickets(ctx: ApiKeyCtx, tx: Tx, batch: ParsedBatch<TicketItem>, partial: boolean): Promise<BatchResult> {
  const dup = duplicates(batch.items, (v) => v.externalId, 'externalId');
  const accountIds = await lockAccountsByExternalId(tx, ctx, dup.kept.map((i) => i.value.accountExternalId));
  const found = unknownAccounts(dup.kept, accountIds);
  const stored = await storedTickets(tx, ctx, found.kept.map((i) => i.value.externalId));
  const errors = [...batch.errors, ...dup.errors, ...found.errors];
  const planned: Planned[] = [];
  for (const i of found.kept) {
    const p = plan(i, stored.get(i.value.externalId));
    if ('status' in p) planned.push(p);
    else errors.push(p);
  }
  settle(errors, partial);
  const changed = planned.filter((p) => p.status !== 'unchanged');
  const ids = await write(tx, ctx, changed);
  const idOf = (p: Planned) => ids.get(p.externalId) ?? stored.get(p.externalId)!.id;
  await insertApiEvents(tx, ctx, changed.flatMap((p) => [
    ...(p.status === 'created' ? [{ accountId: p.accountId, kind: 'ticket.opened', summary: ticketOpenedSummary(p.next), data: { ticketId: idOf(p), externalId: p.externalId, priority: p.next.priority, subject: p.next.subject, openedAt: p.next.openedAt } }] : []),
    ...(p.next.closedAt && !p.before?.closedAt ? [{ accountId: p.accountId, kind: 'ticket.closed', summary: ticketClosedSummary(p.next), data: { ticketId: idOf(p), resolvedFirstContact: p.next.resolvedFirstContact, closedAt: p.next.closedAt } }] : []),
  ]));
  await insertApiAudits(tx, ctx, changed.map((p) => ({
    action: p.status === 'created' ? 'ticket.opened' : 'ticket.updated', entityType: 'ticket', entityId: idOf(p),
    before: p.before ? Object.fromEntries(FIELDS.map((f) => [f, p.before![f]])) : null, after: { accountId: p.accountId, externalId: p.externalId, ...p.next },
  })));
  await refreshHealth(tx, ctx, changed.map((p) => p.accountId));
  const results = planned.map((p) => ({ index: p.index, externalId: p.externalId, id: idOf(p), status: p.status })).sort((a, b) => a.index - b.index);
  return { received: batch.received, ...tally(results), failed: new Set(errors.map((e) => e.index)).size, results, errors: sortErrors(errors) };
}
