import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, queryRows, type Tx } from '@/db';
import { accounts } from '@/db/schema';
import { recomputeUsageMonthly, touchedPairs } from '@/db/usage-rollup';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { refreshAccounts } from '@/lib/health/refresh';
import { parseInput } from '@/lib/validation/parse';
import { usageBatchSchema, type UsageEventInput } from '@/lib/validation/usage';
import { recordAudit, userActor, type Actor } from './audit';
import { assertId, assertRole } from './guard';

export type UsageRow = { a: string; u: string; t: string; f: string | null; s: number };

/**
 * Adds the events to usage_daily in one statement: aggregated first to one row per (account, day in
 * the org's timezone, user), then added to what is stored (sessions and events add up, feature counts
 * merge). Returns the touched (account, month) pairs with the number of daily rows in each. Used by the UI/test
 * write path below and the API's POST /usage.
 */
export function upsertUsageDaily(tx: Tx, orgId: string, rows: UsageRow[]) {
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

/**
 * Who ingests usage: a signed-in member (CSMs and up), or an org and actor that were already
 * authenticated another way (an API key by the API route, the system for jobs). Only such callers
 * build the second form; the org id never comes from a request body.
 */
export type UsageWriter = TenantCtx | { readonly orgId: string; readonly actor: Actor };

// Clients' clocks run a little ahead sometimes; an event further in the future is a mistake.
const FUTURE_SLACK_MS = 60 * 60_000;

export type UsageResult = { events: number; dailyRows: number; months: number };

/**
 * Rolls a batch of usage events (at most 10,000) into usage_daily, one row per account, end user
 * and day (the date of occurredAt in the org's timezone): sessions and event counts add up, feature
 * counts merge. Then recomputes usage_monthly for exactly the touched (account, month) pairs from
 * usage_daily, in the same transaction. Set-based: one upsert and one recompute per batch. Emails
 * as user keys are stored as SHA-256 hashes. Any foreign or malformed account id is NOT_FOUND and
 * nothing is written. Writes one audit entry per batch (no timeline events: usage is not news).
 */
export async function recordUsageEvents(writer: UsageWriter, input: readonly UsageEventInput[]): Promise<UsageResult> {
  const actor = 'role' in writer ? (assertRole(writer, 'csm'), userActor(writer.userId)) : writer.actor;
  const orgId = writer.orgId;
  const events = parseInput(usageBatchSchema, input);
  if (events.length === 0) return { events: 0, dailyRows: 0, months: 0 };
  const late = events.findIndex((e) => e.occurredAt.getTime() > Date.now() + FUTURE_SLACK_MS);
  if (late >= 0) throw new AppError('VALIDATION', 'Check the highlighted fields.', { [`${late}.occurredAt`]: ['That moment is in the future.'] });
  const accountIds = [...new Set(events.map((e) => e.accountId))];
  for (const id of accountIds) assertId(id, `Account ${id}`);

  return db.transaction(async (tx) => {
    // Locking the accounts (in id order, so two batches cannot deadlock) serializes batches for the same
    // accounts: each recompute below then sees every committed day row of its months.
    const found = await tx.select({ id: accounts.id }).from(accounts)
      .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, accountIds))).orderBy(accounts.id).for('no key update');
    if (found.length !== accountIds.length) {
      const known = new Set(found.map((a) => a.id));
      throw new AppError('NOT_FOUND', `Account ${accountIds.find((id) => !known.has(id))} was not found.`);
    }
    // Aggregate the batch to one row per (account, day, user) first, then add it to what is stored.
    const touched = await upsertUsageDaily(tx, orgId, events.map((e) => ({ a: e.accountId, u: e.userKey, t: e.occurredAt.toISOString(), f: e.featureKey ?? null, s: e.sessions })));
    const pairs = touched.map((t) => ({ accountId: t.account_id, month: t.month }));
    await recomputeUsageMonthly(tx, orgId, touchedPairs(pairs));
    await refreshAccounts(tx, orgId, accountIds);
    const result = { events: events.length, dailyRows: touched.reduce((n, t) => n + Number(t.rows), 0), months: pairs.length };
    await recordAudit(tx, orgId, actor, { action: 'usage.recorded', entityType: 'usage', after: { ...result, accounts: accountIds.length } });
    return result;
  });
}
