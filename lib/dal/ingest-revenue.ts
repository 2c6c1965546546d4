import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { duplicates, settle, sortErrors, type ParsedBatch } from '@/lib/api/batch';
import type { ApiKeyCtx } from '@/lib/api/context';
import { invalidItems } from '@/lib/api/errors';
import { formatDate } from '@/lib/format';
import type { MovementKind } from '@/lib/kpi/revenue';
import { revenueEventKind, revenueSummary } from '@/lib/revenue-text';
import type { RevenueChangeItem } from '@/lib/validation/api';
import type { BatchResult, ItemError } from '@/lib/validation/api-responses';
import { insertApiAudits, insertApiEvents, jsonList, lockAccountsByExternalId, tally, unknownAccounts } from './ingest-common';

type Stored = { id: string; externalId: string; accountId: string; effectiveDate: string; mrr: number; churnReason: string | null };
type Planned = { index: number; externalId: string; accountId: string; id: string | null; status: 'created' | 'updated' | 'unchanged'; value: RevenueChangeItem; before?: Stored };
/** Items the sequence refuses (a churn from 0), found after writing them in a savepoint. */
class Refused extends Error {
  constructor(readonly errors: ItemError[]) {
    super('refused by the revenue sequence');
  }
}

type Placed = { id: string; externalId: string; previousMrr: number; movement: MovementKind | null };

async function storedChanges(tx: Tx, ctx: ApiKeyCtx, externalIds: string[]): Promise<Map<string, Stored>> {
  const rows = await queryRows<Stored>(tx, sql`
    select id, external_id as "externalId", account_id as "accountId", effective_date::text as "effectiveDate", mrr::float8 as mrr, churn_reason as "churnReason"
    from revenue_changes where org_id = ${ctx.orgId} and external_id in ${jsonList(externalIds)} order by id for update`);
  return new Map(rows.map((r) => [r.externalId, { ...r, mrr: Number(r.mrr) }]));
}

function plan(i: { index: number; value: RevenueChangeItem; accountId: string }, stored: Stored | undefined, currency: string): Planned | ItemError {
  const v = i.value;
  if (v.currency && v.currency !== currency) return { index: i.index, field: 'currency', message: `This org keeps revenue in ${currency}; send amounts in ${currency}.` };
  const base = { index: i.index, externalId: v.externalId, accountId: i.accountId, value: v };
  if (!stored) return { ...base, id: null, status: 'created' };
  if (stored.accountId !== i.accountId) return { index: i.index, field: 'accountExternalId', message: `Revenue change ${v.externalId} belongs to another account; a change cannot move between accounts.` };
  const same = stored.effectiveDate === v.effectiveDate && stored.mrr === v.mrr && stored.churnReason === (v.churnReason ?? null);
  return { ...base, id: stored.id, status: same ? 'unchanged' : 'updated', before: stored };
}

/**
 * Writes the changes (new ones ordered after every change already recorded, in item order) and reads back
 * each one's place in its account's sequence: the MRR before it and its movement. Changes to 0 from 0 are
 * returned as errors (by item) for the caller to refuse.
 */
async function writeAndPlace(tx: Tx, ctx: ApiKeyCtx, planned: Planned[], currency: string): Promise<{ placed: Map<string, Placed>; errors: ItemError[] }> {
  // n: the item's order, so changes of one account on one day sort as they were sent
  const rows = planned.filter((p) => p.status !== 'unchanged').map((p, n) => ({ x: p.externalId, a: p.accountId, d: p.value.effectiveDate, m: p.value.mrr, r: p.value.churnReason ?? null, n }));
  await tx.execute(sql`insert into revenue_changes (org_id, account_id, effective_date, mrr, currency, churn_reason, external_id, actor_type, actor_id, recorded_at)
    select ${ctx.orgId}::uuid, c.a, c.d, c.m, ${currency}, c.r, c.x, 'api_key', ${ctx.apiKeyId}, clock_timestamp() + c.n * interval '1 microsecond'
    from json_to_recordset(${JSON.stringify(rows)}::json) as c(x text, a uuid, d date, m bigint, r text, n int)
    on conflict (org_id, external_id) do update set effective_date = excluded.effective_date, mrr = excluded.mrr, churn_reason = excluded.churn_reason`);
  const seq = await queryRows<Placed & { mrr: number }>(tx, sql`
    select id, "externalId", mrr::float8 as mrr, "previousMrr"::float8 as "previousMrr", case
      when mrr = "previousMrr" then null when "previousMrr" = 0 then case when "hadEarlier" then 'reactivation' else 'new' end
      when mrr = 0 then 'churn' when mrr > "previousMrr" then 'expansion' else 'contraction' end as movement
    from (
      select id, external_id as "externalId", mrr,
        coalesce(lag(mrr) over w, 0) as "previousMrr",
        coalesce(bool_or(mrr > 0) over (w rows between unbounded preceding and 1 preceding), false) as "hadEarlier"
      from revenue_changes where org_id = ${ctx.orgId} and account_id in (select distinct (e->>'a')::uuid from json_array_elements(${JSON.stringify(rows)}::json) e)
      window w as (partition by account_id order by effective_date, recorded_at, id)
    ) s where "externalId" in ${jsonList(rows.map((r) => r.x))}`);
  const placed = new Map(seq.map((s) => [s.externalId, { ...s, previousMrr: Number(s.previousMrr) }]));
  const errors = planned.flatMap((p) => {
    const s = placed.get(p.externalId);
    return s && p.status !== 'unchanged' && p.value.mrr === 0 && s.previousMrr === 0
      ? [{ index: p.index, field: 'mrr', message: `The account's MRR is already 0 on ${p.value.effectiveDate}, so this cannot be a churn.` }] : [];
  });
  return { placed, errors };
}

async function record(tx: Tx, ctx: ApiKeyCtx, planned: Planned[], placed: Map<string, Placed>, currency: string) {
  const written = planned.filter((p) => p.status !== 'unchanged').map((p) => ({ p, s: placed.get(p.externalId)! }));
  const summary = ({ p, s }: (typeof written)[number]) =>
    `${revenueSummary({ movement: s.movement, previousMrr: s.previousMrr, mrr: p.value.mrr, currency, churnReason: p.value.churnReason })} (effective ${formatDate(p.value.effectiveDate)}${p.status === 'updated' ? ', corrected' : ''})`;
  await insertApiEvents(tx, ctx, written.map((w) => ({
    accountId: w.p.accountId, kind: revenueEventKind(w.s.movement), summary: summary(w),
    data: { revenueChangeId: w.s.id, externalId: w.p.externalId, movement: w.s.movement, effectiveDate: w.p.value.effectiveDate, previousMrr: w.s.previousMrr, mrr: w.p.value.mrr, currency, churnReason: w.p.value.churnReason ?? null },
  })));
  await insertApiAudits(tx, ctx, written.map(({ p, s }) => ({
    action: p.status === 'created' ? revenueEventKind(s.movement) : 'revenue.corrected', entityType: 'revenue_change', entityId: s.id,
    before: p.before ? { effectiveDate: p.before.effectiveDate, mrr: p.before.mrr, churnReason: p.before.churnReason } : { mrr: s.previousMrr },
    after: { accountId: p.accountId, externalId: p.externalId, effectiveDate: p.value.effectiveDate, mrr: p.value.mrr, currency, churnReason: p.value.churnReason ?? null },
  })));
}

/**
 * Records revenue changes of the API key's org (MRR in minor units of the org's currency from a date on),
 * idempotent by the billing system's external id: a repeat with the same values is unchanged, other values
 * correct the stored change. A change to 0 needs a churn reason and a paying account. All-or-nothing
 * unless `partial` (then refused items are left out and the rest written). Set-based, in the caller's
 * transaction, with a timeline event and an audit entry per change by the key.
 */
export async function recordRevenueChanges(ctx: ApiKeyCtx, tx: Tx, batch: ParsedBatch<RevenueChangeItem>, partial: boolean): Promise<BatchResult> {
  const dup = duplicates(batch.items, (v) => v.externalId, 'externalId');
  const accountIds = await lockAccountsByExternalId(tx, ctx, dup.kept.map((i) => i.value.accountExternalId));
  const found = unknownAccounts(dup.kept, accountIds);
  const [{ currency }] = await queryRows<{ currency: string }>(tx, sql`select currency from organizations where id = ${ctx.orgId}`);
  const stored = await storedChanges(tx, ctx, found.kept.map((i) => i.value.externalId));
  const errors = [...batch.errors, ...dup.errors, ...found.errors];
  let planned: Planned[] = [];
  for (const i of found.kept) {
    const p = plan(i, stored.get(i.value.externalId), currency);
    if ('status' in p) planned.push(p);
    else errors.push(p);
  }
  settle(errors, partial);
  // a churn from 0 shows only once the batch is in its sequence: write in a savepoint, and with `partial`
  // drop the refused items and write again (each round removes at least one item)
  for (;;) {
    try {
      const placed = await tx.transaction(async (sp) => {
        const r = await writeAndPlace(sp, ctx, planned, currency);
        if (r.errors.length) throw new Refused(r.errors);
        return r.placed;
      });
      await record(tx, ctx, planned, placed, currency);
      const results = planned.map((p) => ({ index: p.index, externalId: p.externalId, id: placed.get(p.externalId)?.id ?? p.id!, status: p.status })).sort((a, b) => a.index - b.index);
      return { received: batch.received, ...tally(results), failed: new Set(errors.map((e) => e.index)).size, results, errors: sortErrors(errors) };
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      errors.push(...err.errors);
      if (!partial) throw invalidItems(sortErrors(errors));
      const refused = new Set(err.errors.map((e) => e.index));
      planned = planned.filter((p) => !refused.has(p.index));
    }
  }
}
