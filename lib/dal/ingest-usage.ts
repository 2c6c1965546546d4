import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { recomputeUsageMonthly, touchedPairs } from '@/db/usage-rollup';
import { settle, sortErrors, type ParsedBatch } from '@/lib/api/batch';
import type { ApiKeyCtx } from '@/lib/api/context';
import type { UsageEventItem } from '@/lib/validation/api';
import type { ItemError, UsageResultBody } from '@/lib/validation/api-responses';
import { insertApiAudits, lockAccountsByExternalId, refreshHealth, unknownAccounts } from './ingest-common';

// Clients' clocks run a little ahead sometimes; an event further in the future is a mistake.
const FUTURE_SLACK_MS = 60 * 60_000;

type Row = { a: string; u: string; t: string; f: string | null; s: number };

/**
 * Adds the events to usage_daily in one statement: aggregated first to one row per (account, day in
 * the org's timezone, user), then added to what is stored (sessions and events add up, feature counts
 * merge). Returns the touched (account, month) pairs with the number of daily rows in each.
 */
function upsertDaily(tx: Tx, orgId: string, rows: Row[]) {
  return queryRows<{ account_id: string; month: string; rows: number }>(tx, sql`
    with ev as (
      select e.a as account_id, (e.t at time zone o.timezone)::date as day, e.u as user_key, e.f as feature, e.s as sessions
      from json_to_recordset(${JSON.stringify(rows)}::json) as e(a uuid, u text, t timestamptz, f text, s int)
      cross join (select timezone from organizations where id = ${orgId}::uuid) o
    ),
    per_feature as (
      select account_id, day, user_key, feature, count(*)::int as n, sum(sessions)::int as s from ev group by 1, 2, 3, 4
    ),
    per_user as (
      select account_id, day, user_key, sum(s)::int as sessions, sum(n)::int as events,
        coalesce(jsonb_object_agg(feature, n) filter (where feature is not null), '{}'::jsonb) as features
      from per_feature group by 1, 2, 3
    ),
    up as (
      insert into usage_daily as d (org_id, account_id, day, user_key, sessions, events, features)
      select ${orgId}::uuid, account_id, day, user_key, sessions, events, features from per_user
      on conflict (org_id, account_id, day, user_key) do update set
        sessions = d.sessions + excluded.sessions,
        events = d.events + excluded.events,
        features = case when d.features = '{}'::jsonb then excluded.features when excluded.features = '{}'::jsonb then d.features else (
          select jsonb_object_agg(k, n) from (
            select key as k, sum(value::int)::int as n from (
              select * from jsonb_each_text(d.features) union all select * from jsonb_each_text(excluded.features)
            ) both_sides group by key
          ) merged
        ) end
      returning account_id, day
    )
    select account_id, date_trunc('month', day)::date::text as month, count(*)::int as rows from up group by 1, 2`);
}

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
  const touched = await upsertDaily(tx, ctx.orgId, rows);
  const pairs = touched.map((t) => ({ accountId: t.account_id, month: t.month }));
  await recomputeUsageMonthly(tx, ctx.orgId, touchedPairs(pairs));
  const dailyRows = touched.reduce((n, t) => n + Number(t.rows), 0);
  const accounts = new Set(rows.map((r) => r.a));
  await insertApiAudits(tx, ctx, [{ action: 'usage.recorded', entityType: 'usage', entityId: null, after: { events: rows.length, dailyRows, months: pairs.length, accounts: accounts.size } }]);
  await refreshHealth(tx, ctx, accounts);
  return { received: batch.received, accepted: rows.length, failed, dailyRows, months: pairs.length, errors };
}
