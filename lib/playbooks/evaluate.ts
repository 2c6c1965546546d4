import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';
import { publicUrl } from '@/lib/env';
import { candidatesQuery, type Candidate, type EvalSettings } from './conditions';
import { closeInactiveAlerts } from './inactive';
import { alertReason } from './reason';

// Runs the org's enabled playbooks over a set of accounts: one query for every condition, one upsert for the
// alerts that fire, one update for those whose condition cleared, one insert each for their timeline events and
// notifications. Called inside the caller's transaction right after a health recompute and by the daily sweep.
// Notifications are only written here (an outbox); the caller hands the returned ids to
// lib/notifications/queue.ts queueNotifications after its transaction commits.

export type EvaluateOptions = {
  now?: Date;
  /** false: write no notifications (the demo seed) */
  notify?: boolean;
};

export type EvaluateResult = {
  /** alerts opened now, or reopened because their snooze ended */
  opened: string[];
  /** unresolved alerts whose condition held again ("seen again") */
  refreshed: string[];
  /** alerts closed because their condition cleared, or their account was archived or churned */
  resolved: string[];
  /** alert_notifications rows to deliver once the transaction has committed */
  notifications: string[];
};

export const CLEARED = 'Condition cleared';
const SUMMARY_MAX = 200;
const cut = (s: string) => (s.length > SUMMARY_MAX ? `${s.slice(0, SUMMARY_MAX - 1)}…` : s);
const json = (v: unknown) => sql`${JSON.stringify(v)}::json`;

async function settingsOf(tx: Tx, orgId: string, now: Date): Promise<EvalSettings | null> {
  const [row] = await queryRows<{ today: string; h: number; yellow: number; green: number }>(tx, sql`
    select to_char((${now.toISOString()}::timestamptz at time zone o.timezone)::date, 'YYYY-MM-DD') as today, o.alert_hysteresis as h,
      coalesce((select c.yellow_from from health_configs c where c.org_id = o.id order by c.version desc limit 1), 40) as yellow,
      coalesce((select c.green_from from health_configs c where c.org_id = o.id order by c.version desc limit 1), 70) as green
    from organizations o where o.id = ${orgId}`);
  return row ? { today: row.today, hysteresis: Number(row.h), yellowFrom: Number(row.yellow), greenFrom: Number(row.green) } : null;
}

const isDue = (c: Candidate, now: Date) => c.status === 'snoozed' && c.snoozed_until !== null && new Date(c.snoozed_until) <= now;

/**
 * Evaluates the org's enabled playbooks for `accountIds` (or every unarchived account) as of `now` (default: the
 * current time; "today" is its date in the org's timezone). Tenant-scoped by `orgId`, which the caller must have
 * from a verified session, API key or the sweep. Set-based: a fixed number of statements whatever the account count.
 */
export async function evaluatePlaybooks(
  tx: Tx, orgId: string, accountIds: readonly string[] | 'all', opts: EvaluateOptions = {},
): Promise<EvaluateResult> {
  const now = opts.now ?? new Date();
  const result: EvaluateResult = { opened: [], refreshed: [], resolved: [], notifications: [] };
  if (accountIds !== 'all' && accountIds.length === 0) return result;
  const settings = await settingsOf(tx, orgId, now);
  if (!settings) return result;
  const at = sql`${now.toISOString()}::timestamptz`;
  const inactive = await queryRows<{ id: string; playbook_id: string; account_id: string; resolution: string }>(tx, closeInactiveAlerts(orgId, accountIds, settings.today, at));
  const candidates = await queryRows<Candidate>(tx, candidatesQuery(orgId, accountIds, now, settings));
  const fired = candidates.filter((c) => c.fire && !c.blocked);
  const unblocking = candidates.filter((c) => c.blocked && c.clear && c.last_id).map((c) => c.last_id);
  // a snoozed alert stays snoozed (and unresolved) until its date: no notification, no reopening before then
  const clearing = candidates.filter((c) => !c.fire && c.clear && c.alert_id && (c.status === 'open' || isDue(c, now)));
  const names = new Map(candidates.map((c) => [c.playbook_id, c.playbook_name]));
  const reopening = new Set(fired.filter((c) => isDue(c, now)).map((c) => c.alert_id));

  const upserted = fired.length === 0 ? [] : await queryRows<{ id: string; playbook_id: string; account_id: string; reason: string; assignee_id: string | null; inserted: boolean }>(tx, sql`
    insert into alerts as a (org_id, playbook_id, account_id, status, priority, reason, facts, assignee_id, opened_at, last_seen_at, seen_count)
    select ${orgId}::uuid, i.playbook_id, i.account_id, 'open', i.priority, i.reason, i.facts, i.assignee_id, ${at}, ${at}, 1
    from json_to_recordset(${json(fired.map((c) => ({
      playbook_id: c.playbook_id, account_id: c.account_id, priority: c.priority, assignee_id: c.assignee_id, facts: c.facts,
      reason: alertReason(c.trigger, c.params, c.facts),
    })))}) as i(playbook_id uuid, account_id uuid, priority alert_priority, reason text, facts jsonb, assignee_id uuid)
    on conflict (org_id, playbook_id, account_id) where status <> 'resolved' do update set
      reason = excluded.reason, facts = excluded.facts, priority = excluded.priority,
      last_seen_at = excluded.last_seen_at, seen_count = a.seen_count + 1, updated_at = now(),
      status = case when a.status = 'snoozed' and a.snoozed_until <= excluded.last_seen_at then 'open'::alert_status else a.status end
    returning a.id, a.playbook_id, a.account_id, a.reason, a.assignee_id, (a.xmax = 0) as inserted`);
  const opened = upserted.filter((u) => u.inserted || reopening.has(u.id));
  result.opened = opened.map((u) => u.id);
  result.refreshed = upserted.filter((u) => !u.inserted && !reopening.has(u.id)).map((u) => u.id);

  const resolved = clearing.length === 0 ? [] : await queryRows<{ id: string; playbook_id: string; account_id: string; reason: string }>(tx, sql`
    update alerts set status = 'resolved', resolved_at = ${at}, resolved_by = null, resolution = ${CLEARED}, updated_at = now()
    where org_id = ${orgId} and id in (select value::uuid from json_array_elements_text(${json(clearing.map((c) => c.alert_id))}))
      and (status = 'open' or (status = 'snoozed' and snoozed_until <= ${at}))
    returning id, playbook_id, account_id, reason`);
  result.resolved = [...inactive.map((r) => r.id), ...resolved.map((r) => r.id)];
  if (unblocking.length) {
    await tx.execute(sql`update alerts set facts = facts || jsonb_build_object('clearedAt', ${at})
      where org_id = ${orgId} and id in (select value::uuid from json_array_elements_text(${json(unblocking)}))`);
  }

  const events = [
    ...upserted.filter((u) => u.inserted).map((u) => ({
      account_id: u.account_id, kind: 'alert.opened', summary: cut(`Alert (${names.get(u.playbook_id)}): ${u.reason}`), data: { alertId: u.id, playbookId: u.playbook_id },
    })),
    ...resolved.map((r) => ({
      account_id: r.account_id, kind: 'alert.resolved', summary: cut(`Alert resolved, condition cleared (${names.get(r.playbook_id)})`), data: { alertId: r.id, playbookId: r.playbook_id, by: 'system' },
    })),
    ...inactive.map((r) => ({
      account_id: r.account_id, kind: 'alert.resolved', summary: cut(`Alert resolved: ${r.resolution.toLowerCase()}`), data: { alertId: r.id, playbookId: r.playbook_id, by: 'system' },
    })),
  ];
  if (events.length) {
    await tx.execute(sql`
      insert into account_events (org_id, account_id, kind, occurred_at, actor_type, actor_id, summary, data)
      select ${orgId}::uuid, e.account_id, e.kind, ${at}, 'system', null, e.summary, e.data
      from json_to_recordset(${json(events)}) as e(account_id uuid, kind text, summary text, data jsonb)`);
  }
  if (opened.length && opts.notify !== false) result.notifications = await queueRows(tx, orgId, opened, now);
  return result;
}

type Opened = { id: string; playbook_id: string; account_id: string; reason: string; assignee_id: string | null };

/** Writes the email and webhook notifications of newly opened alerts; returns their ids. */
async function queueRows(tx: Tx, orgId: string, opened: Opened[], now: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`
    with r as (
      select * from json_to_recordset(${json(opened)}) as r(id uuid, playbook_id uuid, account_id uuid, reason text, assignee_id uuid)
    ),
    src as (
      select r.id as alert_id, r.playbook_id, p.notify_email, p.webhook_url, u.email,
        'Alert: ' || a.name || ' (' || p.name || ')' as subject,
        a.name || ': ' || r.reason || E'\nPlaybook: ' || p.name || ' · ' || p.priority || ' priority'
          || E'\n' || ${publicUrl()} || '/' || o.slug || '/alerts?account=' || a.id as body
      from r
      join playbooks p on p.org_id = ${orgId} and p.id = r.playbook_id
      join accounts a on a.org_id = ${orgId} and a.id = r.account_id
      join organizations o on o.id = ${orgId}
      left join users u on u.id = r.assignee_id
    )
    insert into alert_notifications (org_id, alert_id, playbook_id, channel, target, subject, body, next_attempt_at)
    select ${orgId}::uuid, alert_id, playbook_id, 'email'::notification_channel, email, subject, body, ${now.toISOString()}::timestamptz from src where notify_email and email is not null
    union all
    select ${orgId}::uuid, alert_id, playbook_id, 'webhook'::notification_channel, webhook_url, subject, body, ${now.toISOString()}::timestamptz from src where webhook_url is not null
    returning id`);
  return rows.map((r) => r.id);
}
