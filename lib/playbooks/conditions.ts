import { sql, type SQL } from 'drizzle-orm';
import type { AlertPriority, AlertStatus, PlaybookParams, PlaybookTrigger } from '@/db/schema/playbooks';
import type { AlertFacts } from './reason';
import { churnedAccounts, forAccounts } from './inactive';
import { usageWindows, type MonthMask } from './usage-window';

// The one query that computes every enabled playbook's condition for a set of accounts. For each
// (playbook, account) it says whether the condition holds now (`fire`: open a new alert or refresh the
// unresolved one) or has cleared with the org's hysteresis margin (`clear`), with the numbers behind it.
// Only pairs with something to do come back. Thresholds between the two (the dead band) change nothing, so an
// account hovering around a threshold does not flap.

export type EvalSettings = { today: string; hysteresis: number; yellowFrom: number; greenFrom: number };

export type Candidate = {
  playbook_id: string;
  playbook_name: string;
  trigger: PlaybookTrigger;
  params: PlaybookParams;
  priority: AlertPriority;
  assignee_id: string | null;
  account_id: string;
  alert_id: string | null;
  /** the pair's latest alert, resolved or not */
  last_id: string | null;
  /** a member resolved the last alert while the condition held and it has not cleared since: open nothing new */
  blocked: boolean;
  status: AlertStatus | null;
  snoozed_until: string | Date | null;
  fire: boolean;
  clear: boolean;
  facts: AlertFacts;
};

const num = (key: keyof PlaybookParams) => sql.raw(`(p.params->>'${key}')::numeric`);

/** "a user-month row meets one of these (month, mask) pairs" */
const inWindow = (masks: MonthMask[]): SQL =>
  sql.join(masks.map((m) => sql`(u.month = ${m.month}::date and u.active_days & ${m.mask}::int <> 0)`), sql` or `);

const LOW_ANSWER = sql`((s.kind = 'nps' and r.score <= 6) or (s.kind = 'csat' and r.score <= 2))`;
const answerJson = sql`jsonb_build_object('kind', s.kind, 'score', r.score, 'name', st.name, 'role', st.role, 'at', r.created_at)`;

/** The candidates query for the org's watched accounts (all, or the given ids) as of `now`. */
export function candidatesQuery(orgId: string, accountIds: readonly string[] | 'all', now: Date, s: EvalSettings): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const today = sql`${s.today}::date`;
  const h = s.hysteresis;
  const w = usageWindows(s.today);
  const inAcc = sql`in (select id from acc)`;
  return sql`
    with pb as (
      select p.id, p.name, p.trigger, p.params, p.priority, p.assignee_id from playbooks p where p.org_id = ${orgId} and p.enabled
    ),
    -- archived and churned accounts are not watched (lib/playbooks/inactive.ts closes their alerts)
    acc as (
      select a.id, a.owner_id, a.licensed_seats from accounts a
      where a.org_id = ${orgId} and a.archived_at is null ${forAccounts(accountIds)}
        and a.id not in (${churnedAccounts(orgId, accountIds, s.today)})
    ),
    cur as (
      select distinct on (hs.account_id) hs.account_id, hs.day, hs.score, hs.band from health_scores hs
      where hs.org_id = ${orgId} and hs.account_id ${inAcc} and hs.day <= ${today}
      order by hs.account_id, hs.day desc
    ),
    prev as (
      select distinct on (hs.account_id) hs.account_id, hs.band from health_scores hs join cur on cur.account_id = hs.account_id
      where hs.org_id = ${orgId} and hs.day < cur.day
      order by hs.account_id, hs.day desc
    ),
    ren as (
      select distinct on (rn.account_id) rn.account_id, rn.due_date from renewals rn
      where rn.org_id = ${orgId} and rn.outcome = 'pending' and rn.account_id ${inAcc}
      order by rn.account_id, rn.due_date
    ),
    uw as (
      select u.account_id,
        count(distinct u.user_key) filter (where ${inWindow(w.current)})::int as users,
        count(distinct u.user_key) filter (where ${inWindow(w.previous)})::int as prev_users
      from usage_user_months u
      where u.org_id = ${orgId} and u.month >= ${w.firstMonth}::date and u.month <= ${today} and u.account_id ${inAcc}
      group by u.account_id
    ),
    has_usage as (select exists (select 1 from usage_user_months x where x.org_id = ${orgId}) as yes),
    ex as (
      select al.id, al.playbook_id, al.account_id, al.status, al.snoozed_until from alerts al
      where al.org_id = ${orgId} and al.status <> 'resolved' and al.account_id ${inAcc}
    ),
    -- event triggers (answers, champions leaving) open an alert only for events newer than the pair's last alert,
    -- so resolving one by hand does not bring it straight back
    seen as (
      select al.playbook_id, al.account_id, max(al.last_seen_at) as at from alerts al
      where al.org_id = ${orgId} and al.account_id ${inAcc}
        and al.playbook_id in (select id from pb where trigger in ('detractor', 'champion_left'))
      group by al.playbook_id, al.account_id
    ),
    -- a member resolved the pair's last alert while its condition still held: no new alert until the condition has
    -- cleared once (facts.clearedAt), or resolving by hand would only bring it back at the next recompute
    last_al as (
      select distinct on (al.playbook_id, al.account_id) al.id, al.playbook_id, al.account_id,
        (al.status = 'resolved' and al.resolved_by is not null and not (al.facts ? 'clearedAt')) as held
      from alerts al
      where al.org_id = ${orgId} and al.account_id ${inAcc}
      order by al.playbook_id, al.account_id, al.opened_at desc, al.created_at desc
    ),
    det as (
      select pb.id as playbook_id, r.account_id, count(*) as n,
        jsonb_agg(${answerJson} order by r.created_at desc) filter (where r.created_at > coalesce(seen.at, '-infinity')) as answers
      from pb
      join survey_responses r on r.org_id = ${orgId} and r.account_id ${inAcc}
        and r.created_at > ${at} - make_interval(days => (pb.params->>'days')::int) and r.created_at <= ${at}
      join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      left join stakeholders st on st.org_id = r.org_id and st.id = r.stakeholder_id
      left join seen on seen.playbook_id = pb.id and seen.account_id = r.account_id
      where pb.trigger = 'detractor' and ${LOW_ANSWER}
      group by pb.id, r.account_id
    ),
    champ as (
      select pb.id as playbook_id, st.account_id, count(*) as n,
        jsonb_agg(jsonb_build_object('name', st.name, 'leftAt', st.left_at) order by st.left_at desc)
          filter (where st.left_at > coalesce(seen.at, '-infinity')) as champions
      from pb
      join stakeholders st on st.org_id = ${orgId} and st.account_id ${inAcc} and st.role = 'champion'
        and st.left_at > ${at} - make_interval(days => (pb.params->>'days')::int) and st.left_at <= ${at}
      left join seen on seen.playbook_id = pb.id and seen.account_id = st.account_id
      where pb.trigger = 'champion_left'
      group by pb.id, st.account_id
    ),
    sig as (
      select acc.id as account_id, sa.answer, sc.champion from acc
      left join lateral (
        select ${answerJson} as answer from survey_responses r
        join surveys s on s.org_id = r.org_id and s.id = r.survey_id
        left join stakeholders st on st.org_id = r.org_id and st.id = r.stakeholder_id
        where r.org_id = ${orgId} and r.account_id = acc.id and r.created_at > ${at} - interval '30 days' and r.created_at <= ${at} and ${LOW_ANSWER}
        order by r.created_at desc limit 1
      ) sa on true
      left join lateral (
        select jsonb_build_object('name', st.name, 'leftAt', st.left_at) as champion from stakeholders st
        where st.org_id = ${orgId} and st.account_id = acc.id and st.role = 'champion'
          and st.left_at > ${at} - interval '90 days' and st.left_at <= ${at}
        order by st.left_at desc limit 1
      ) sc on true
    ),
    c as (
      select p.id as playbook_id, p.name as playbook_name, p.trigger, p.params, p.priority,
        coalesce(p.assignee_id, acc.owner_id) as assignee_id, acc.id as account_id,
        ex.id as alert_id, ex.status, ex.snoozed_until, last_al.id as last_id,
        coalesce(ex.id is null and last_al.held and p.trigger not in ('detractor', 'champion_left'), false) as blocked,
        coalesce(case p.trigger
          when 'health_below' then cur.score < ${num('threshold')}
          when 'health_drop' then pk.score - cur.score >= ${num('points')}
          when 'band_red' then cur.band = 'red' and (prev.band is distinct from 'red' or ex.id is not null)
          when 'detractor' then det.answers is not null
          when 'renewal_due' then ren.due_date <= ${today} + (p.params->>'days')::int and cur.band in ('red', 'yellow')
          when 'low_utilization' then (select yes from has_usage) and acc.licensed_seats > 0
            and coalesce(uw.users, 0) * 100.0 / acc.licensed_seats < ${num('percent')}
          when 'usage_drop' then uw.prev_users > 0 and (uw.prev_users - uw.users) * 100.0 / uw.prev_users >= ${num('percent')}
          when 'champion_left' then champ.champions is not null
        end, false) as fire,
        coalesce(case p.trigger
          when 'health_below' then cur.score >= ${num('threshold')} + ${h}
          when 'health_drop' then cur.score is not null and coalesce(pk.score - cur.score, 0) <= ${num('points')} - ${h}
          when 'band_red' then cur.band <> 'red' and cur.score >= ${s.yellowFrom + h}
          when 'detractor' then det.n is null
          when 'renewal_due' then ren.due_date is null or ren.due_date > ${today} + (p.params->>'days')::int or cur.score >= ${s.greenFrom + h}
          when 'low_utilization' then coalesce(acc.licensed_seats, 0) = 0
            or coalesce(uw.users, 0) * 100.0 / acc.licensed_seats >= ${num('percent')} + ${h}
          when 'usage_drop' then uw.prev_users > 0 and (uw.prev_users - uw.users) * 100.0 / uw.prev_users <= ${num('percent')} - ${h}
          when 'champion_left' then champ.n is null
        end, false) as clear,
        jsonb_strip_nulls(jsonb_build_object(
          'today', ${s.today}::text, 'score', cur.score, 'band', cur.band, 'prevBand', prev.band, 'peak', pk.score, 'peakDay', pk.day,
          'answers', det.answers, 'dueDate', ren.due_date, 'users', uw.users, 'prevUsers', uw.prev_users, 'seats', acc.licensed_seats,
          'champions', champ.champions, 'signalAnswer', sig.answer, 'signalChampion', sig.champion
        )) as facts
      from pb p cross join acc
      left join cur on cur.account_id = acc.id
      left join prev on prev.account_id = acc.id
      left join ren on ren.account_id = acc.id
      left join uw on uw.account_id = acc.id
      left join ex on ex.playbook_id = p.id and ex.account_id = acc.id
      left join last_al on last_al.playbook_id = p.id and last_al.account_id = acc.id
      left join det on det.playbook_id = p.id and det.account_id = acc.id
      left join champ on champ.playbook_id = p.id and champ.account_id = acc.id
      left join sig on sig.account_id = acc.id
      -- the highest score in the window before the current row (latest day on ties): where the drop started
      left join lateral (
        select hs.score, hs.day from health_scores hs
        where p.trigger = 'health_drop' and hs.org_id = ${orgId} and hs.account_id = acc.id
          and hs.day >= ${today} - (p.params->>'days')::int and hs.day < cur.day and hs.score is not null
        order by hs.score desc, hs.day desc limit 1
      ) pk on true
    )
    select * from c where c.fire or (c.clear and (c.alert_id is not null or c.blocked))`;
}
