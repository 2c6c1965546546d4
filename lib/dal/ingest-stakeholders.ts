import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { stakeholders } from '@/db/schema';
import { insertRows } from '@/db/seed/bulk-insert';
import { duplicates, settle, sortErrors, type ParsedBatch } from '@/lib/api/batch';
import type { ApiKeyCtx } from '@/lib/api/context';
import { labelOf } from '@/lib/format';
import type { StakeholderItem } from '@/lib/validation/api';
import type { BatchResult } from '@/lib/validation/api-responses';
import { describeChanges } from './events';
import { insertApiAudits, insertApiEvents, lockAccountsByExternalId, refreshHealth, tally, unknownAccounts } from './ingest-common';

const FIELDS = ['name', 'email', 'title', 'role', 'influence', 'sentiment', 'isPrimary', 'doNotSurvey', 'lastContactedAt', 'leftAt'] as const;
type Field = (typeof FIELDS)[number];
type State = { [K in Field]: StakeholderItem[K] | null };
type Stored = State & { id: string; accountId: string; externalId: string };

const DEFAULTS = { email: null, title: null, role: 'user', influence: 'medium', sentiment: 'neutral', isPrimary: false, doNotSurvey: false, lastContactedAt: null, leftAt: null } as const;

// timestamps compare as ISO strings in UTC with milliseconds, as JavaScript writes them
const iso = (column: string) => sql.raw(`to_char(s.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The stakeholders with these (account, external id) pairs, locked. */
async function existing(tx: Tx, ctx: ApiKeyCtx, pairs: { a: string; x: string }[]): Promise<Map<string, Stored>> {
  const rows = await queryRows<Stored>(tx, sql`
    select s.id, s.account_id as "accountId", s.external_id as "externalId", s.name, s.email, s.title, s.role, s.influence, s.sentiment,
      s.is_primary as "isPrimary", s.do_not_survey as "doNotSurvey", ${iso('last_contacted_at')} as "lastContactedAt", ${iso('left_at')} as "leftAt"
    from stakeholders s join json_to_recordset(${JSON.stringify(pairs)}::json) as p(a uuid, x text) on s.account_id = p.a and s.external_id = p.x
    where s.org_id = ${ctx.orgId} order by s.id for no key update`);
  return new Map(rows.map((r) => [`${r.accountId}\n${r.externalId}`, r]));
}

type Planned = { index: number; externalId: string; accountId: string; id: string; status: 'created' | 'updated' | 'unchanged'; before: Partial<State>; after: Partial<State>; next: State };

function plan(index: number, accountId: string, item: StakeholderItem, stored: Stored | undefined): Planned {
  const { externalId, accountExternalId: _, ...given } = item;
  const next = { ...(stored ?? { ...DEFAULTS, name: given.name }) } as State;
  for (const f of FIELDS) {
    const v = given[f];
    if (v !== undefined) (next as Record<Field, unknown>)[f] = (f === 'lastContactedAt' || f === 'leftAt') && v ? new Date(v as string).toISOString() : v;
  }
  if (!stored) return { index, externalId, accountId, id: randomUUID(), status: 'created', before: {}, after: next, next };
  const changed = FIELDS.filter((f) => next[f] !== stored[f]);
  const pick = (s: State) => Object.fromEntries(changed.map((f) => [f, s[f]])) as Partial<State>;
  return { index, externalId, accountId, id: stored.id, status: changed.length ? 'updated' : 'unchanged', before: pick(stored), after: pick(next), next };
}

const RECORD = `id uuid, "accountId" uuid, "externalId" text, name text, email text, title text, role stakeholder_role, influence influence,
  sentiment sentiment, "isPrimary" boolean, "doNotSurvey" boolean, "lastContactedAt" timestamptz, "leftAt" timestamptz`;

async function write(tx: Tx, ctx: ApiKeyCtx, planned: Planned[]) {
  const changed = planned.filter((p) => p.status !== 'unchanged');
  const creates = changed.filter((p) => p.status === 'created');
  const updates = changed.filter((p) => p.status === 'updated');
  await insertRows(tx, stakeholders, creates.map((p) => ({
    orgId: ctx.orgId, id: p.id, accountId: p.accountId, externalId: p.externalId, ...p.next,
    lastContactedAt: p.next.lastContactedAt ? new Date(p.next.lastContactedAt) : null, leftAt: p.next.leftAt ? new Date(p.next.leftAt) : null,
  } as typeof stakeholders.$inferInsert)));
  if (updates.length) {
    await tx.execute(sql`update stakeholders as t set name = r.name, email = r.email, title = r.title, role = r.role, influence = r.influence,
        sentiment = r.sentiment, is_primary = r."isPrimary", do_not_survey = r."doNotSurvey", last_contacted_at = r."lastContactedAt", left_at = r."leftAt", updated_at = now()
      from json_to_recordset(${JSON.stringify(updates.map((p) => ({ id: p.id, ...p.next })))}::json) as r(${sql.raw(RECORD)})
      where t.org_id = ${ctx.orgId} and t.id = r.id`);
  }
  // one primary contact per account, as the app keeps it: the last item that names one wins
  const primaries = new Map(changed.filter((p) => p.after.isPrimary === true).map((p) => [p.accountId, p.id]));
  if (primaries.size) {
    await tx.execute(sql`update stakeholders s set is_primary = (s.id = c.id)
      from json_to_recordset(${JSON.stringify([...primaries].map(([a, id]) => ({ a, id })))}::json) as c(a uuid, id uuid)
      where s.org_id = ${ctx.orgId} and s.account_id = c.a and (s.is_primary or s.id = c.id)`);
  }
  await insertApiEvents(tx, ctx, changed.map((p) => (p.status === 'created'
    ? { accountId: p.accountId, kind: 'stakeholder.added', summary: `Added ${p.next.name} (${labelOf(p.next.role ?? 'user').toLowerCase()}) through the API`, data: { stakeholderId: p.id, name: p.next.name, role: p.next.role } }
    : { accountId: p.accountId, kind: 'stakeholder.updated', summary: `Updated ${p.next.name} through the API: ${describeChanges(p.before, p.after)}`, data: { stakeholderId: p.id, before: p.before, after: p.after } })));
  await insertApiAudits(tx, ctx, changed.map((p) => ({
    action: p.status === 'created' ? 'stakeholder.created' : 'stakeholder.updated', entityType: 'stakeholder', entityId: p.id,
    before: p.status === 'created' ? null : p.before, after: p.status === 'created' ? { externalId: p.externalId, accountId: p.accountId, ...p.next } : p.after,
  })));
  await refreshHealth(tx, ctx, changed.map((p) => p.accountId));
}

/**
 * Upserts stakeholders of the API key's org, each matched within its account (named by the account's
 * external id) by its own external id (at most 1,000, zod-checked). Absent fields keep their value;
 * null clears. An unknown account is the item's error. All-or-nothing unless `partial`. Set-based, in
 * the caller's transaction, with timeline events and audit entries by the key.
 */
export async function upsertStakeholders(ctx: ApiKeyCtx, tx: Tx, batch: ParsedBatch<StakeholderItem>, partial: boolean): Promise<BatchResult> {
  const dup = duplicates(batch.items, (v) => `${v.accountExternalId}\n${v.externalId}`, 'externalId');
  const accountIds = await lockAccountsByExternalId(tx, ctx, dup.kept.map((i) => i.value.accountExternalId));
  const found = unknownAccounts(dup.kept, accountIds);
  const all = [...batch.errors, ...dup.errors, ...found.errors];
  settle(all, partial);
  const stored = await existing(tx, ctx, found.kept.map((i) => ({ a: i.accountId, x: i.value.externalId })));
  const planned = found.kept.map((i) => plan(i.index, i.accountId, i.value, stored.get(`${i.accountId}\n${i.value.externalId}`)));
  await write(tx, ctx, planned);
  const results = planned.map(({ index, externalId, id, status }) => ({ index, externalId, id, status })).sort((a, b) => a.index - b.index);
  return { received: batch.received, ...tally(results), failed: new Set(all.map((e) => e.index)).size, results, errors: sortErrors(all) };
}
