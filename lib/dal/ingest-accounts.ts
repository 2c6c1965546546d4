import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { accounts } from '@/db/schema';
import { insertRows } from '@/db/seed/bulk-insert';
import { duplicates, settle, sortErrors, type ParsedBatch, type Valid } from '@/lib/api/batch';
import type { ApiKeyCtx } from '@/lib/api/context';
import { RENEWAL_BEFORE_START } from '@/lib/validation/accounts';
import type { AccountItem } from '@/lib/validation/api';
import type { BatchResult, ItemError } from '@/lib/validation/api-responses';
import { describeChanges } from './events';
import { insertApiAudits, insertApiEvents, jsonList, refreshHealth, tally } from './ingest-common';

const FIELDS = ['name', 'domain', 'segment', 'stage', 'licensedSeats', 'contractStart', 'nextRenewalDate', 'ownerEmail'] as const;
type Field = (typeof FIELDS)[number];
type State = { [K in Field]: AccountItem[K] | null };
type Stored = State & { id: string; externalId: string };

/** The org's accounts with these external ids, locked (id order) so their merge below is not raced. */
async function existingAccounts(tx: Tx, ctx: ApiKeyCtx, externalIds: string[]): Promise<Map<string, Stored>> {
  const rows = await queryRows<Stored>(tx, sql`
    select a.id, a.external_id as "externalId", a.name, a.domain, a.segment, a.stage, a.licensed_seats as "licensedSeats",
      a.contract_start::text as "contractStart", a.next_renewal_date::text as "nextRenewalDate", lower(u.email) as "ownerEmail"
    from accounts a left join users u on u.id = a.owner_id
    where a.org_id = ${ctx.orgId} and a.external_id in ${jsonList(externalIds)}
    order by a.id for no key update of a`);
  return new Map(rows.map((r) => [r.externalId, r]));
}

type Planned = { index: number; externalId: string; id: string; status: 'created' | 'updated' | 'unchanged'; before: Partial<State>; after: Partial<State>; next: State };

/** The org's members among the emails the batch names as owners (lower-cased email → user id). */
async function membersByEmail(tx: Tx, ctx: ApiKeyCtx, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await queryRows<{ email: string; id: string }>(tx, sql`
    select lower(u.email) as email, u.id from memberships m join users u on u.id = m.user_id
    where m.org_id = ${ctx.orgId} and lower(u.email) in ${jsonList(emails)}`);
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Create, update (only the fields the item sends; null clears) or unchanged; or the item's error. */
function plan(item: Valid<AccountItem>, stored: Stored | undefined, members: Map<string, string>): Planned | ItemError {
  const { externalId, ...given } = item.value;
  if (given.ownerEmail && !members.has(given.ownerEmail)) {
    return { index: item.index, field: 'ownerEmail', message: 'No member of this org has this email: invite them first, or leave the owner out.' };
  }
  const base: State = stored ?? { name: given.name, domain: null, segment: null, stage: 'onboarding', licensedSeats: null, contractStart: null, nextRenewalDate: null, ownerEmail: null };
  const next = { ...base } as State;
  for (const f of FIELDS) if (given[f] !== undefined) (next as Record<Field, unknown>)[f] = given[f];
  if (next.contractStart && next.nextRenewalDate && next.nextRenewalDate < next.contractStart) {
    const field = given.nextRenewalDate !== undefined ? 'nextRenewalDate' : 'contractStart';
    return { index: item.index, field, message: given.nextRenewalDate !== undefined ? RENEWAL_BEFORE_START : `The contract start cannot be after the account's renewal date (${next.nextRenewalDate}).` };
  }
  if (!stored) return { index: item.index, externalId, id: randomUUID(), status: 'created', before: {}, after: next, next };
  const changed = FIELDS.filter((f) => next[f] !== stored[f]);
  const pick = (s: State) => Object.fromEntries(changed.map((f) => [f, s[f]])) as Partial<State>;
  return { index: item.index, externalId, id: stored.id, status: changed.length ? 'updated' : 'unchanged', before: pick(stored), after: pick(next), next };
}

/** Writes the planned rows: one insert, one update and one renewal move per batch, then events and audit. */
async function write(tx: Tx, ctx: ApiKeyCtx, planned: Planned[], stored: Map<string, Stored>, members: Map<string, string>) {
  const creates = planned.filter((p) => p.status === 'created');
  const updates = planned.filter((p) => p.status === 'updated');
  // an owner kept from before may have left the org since: it stays as it is (only a sent ownerEmail is checked)
  const ownerOf = (p: Planned) => (p.next.ownerEmail ? members.get(p.next.ownerEmail) ?? null : null);
  await insertRows(tx, accounts, creates.map((p) => {
    const { ownerEmail: _email, ...fields } = p.next;
    return { orgId: ctx.orgId, id: p.id, externalId: p.externalId, ...fields, name: fields.name!, stage: fields.stage ?? 'onboarding', ownerId: ownerOf(p) };
  }));
  if (updates.length) {
    const json = JSON.stringify(updates.map((p) => ({ id: p.id, ...p.next, ownerChanged: 'ownerEmail' in p.after, ownerId: ownerOf(p) })));
    await tx.execute(sql`update accounts as t set name = r.name, domain = r.domain, segment = r.segment, stage = r.stage,
        licensed_seats = r."licensedSeats", contract_start = r."contractStart", next_renewal_date = r."nextRenewalDate",
        owner_id = case when r."ownerChanged" then r."ownerId" else t.owner_id end, updated_at = now()
      from json_to_recordset(${json}::json) as r(id uuid, name text, domain text, segment segment, stage lifecycle_stage,
        "licensedSeats" integer, "contractStart" date, "nextRenewalDate" date, "ownerChanged" boolean, "ownerId" uuid)
      where t.org_id = ${ctx.orgId} and t.id = r.id`);
    // the renewal date is the due date of the earliest pending renewal: moving it moves that renewal (as in the app)
    const moves = updates.flatMap((p) => {
      const from = stored.get(p.externalId)?.nextRenewalDate;
      return p.after.nextRenewalDate && from ? [{ id: p.id, from, to: p.after.nextRenewalDate }] : [];
    });
    if (moves.length) {
      await tx.execute(sql`update renewals as r set due_date = m."to"
        from json_to_recordset(${JSON.stringify(moves)}::json) as m(id uuid, "from" date, "to" date)
        where r.org_id = ${ctx.orgId} and r.account_id = m.id and r.outcome = 'pending' and r.due_date = m."from"`);
    }
  }
  await insertApiEvents(tx, ctx, [
    ...creates.map((p) => ({ accountId: p.id, kind: 'account.created', summary: 'Created through the API', data: { externalId: p.externalId } })),
    ...updates.map((p) => ({ accountId: p.id, kind: 'account.updated', summary: `Updated through the API: ${describeChanges(p.before, p.after)}`, data: { before: p.before, after: p.after } })),
  ]);
  await insertApiAudits(tx, ctx, [
    ...creates.map((p) => ({ action: 'account.created', entityType: 'account', entityId: p.id, after: { externalId: p.externalId, ...p.next } })),
    ...updates.map((p) => ({ action: 'account.updated', entityType: 'account', entityId: p.id, before: p.before, after: p.after })),
  ]);
  await refreshHealth(tx, ctx, [...creates, ...updates].map((p) => p.id));
}

/**
 * Upserts accounts of the API key's org by external id (at most 1,000, already zod-checked; the
 * batch's `errors` are the items that failed that check). Fields absent from an item keep their value; null clears.
 * All-or-nothing unless `partial`: then invalid items are reported and the rest written. Set-based,
 * in the caller's transaction; each change gets a timeline event and an audit entry by the key.
 */
export async function upsertAccounts(ctx: ApiKeyCtx, tx: Tx, batch: ParsedBatch<AccountItem>, partial: boolean): Promise<BatchResult> {
  const dup = duplicates(batch.items, (v) => v.externalId, 'externalId');
  const all = [...batch.errors, ...dup.errors];
  const stored = await existingAccounts(tx, ctx, dup.kept.map((i) => i.value.externalId));
  const members = await membersByEmail(tx, ctx, [...new Set(dup.kept.flatMap((i) => (i.value.ownerEmail ? [i.value.ownerEmail] : [])))]);
  const planned: Planned[] = [];
  for (const item of dup.kept) {
    const p = plan(item, stored.get(item.value.externalId), members);
    if ('status' in p) planned.push(p);
    else all.push(p);
  }
  settle(all, partial);
  await write(tx, ctx, planned, stored, members);
  const results = planned.map(({ index, externalId, id, status }) => ({ index, externalId, id, status })).sort((a, b) => a.index - b.index);
  return { received: batch.received, ...tally(results), failed: new Set(all.map((e) => e.index)).size, results, errors: sortErrors(all) };
}
