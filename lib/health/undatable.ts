import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db';

/**
 * What the backtest could not date, as sentences for the settings page: the fixed limits of the stored history
 * plus the org-specific ones (contacts known only by their latest date, where per-user usage starts).
 * `earliestDay` is the earliest as-of day of the backtest.
 */
export async function undatableNotes(tx: Tx, orgId: string, earliestDay: string | null): Promise<string[]> {
  const [r] = await queryRows<{ usage_from: string | null; configured: boolean; latest_only: number }>(tx, sql`
    select (select to_char(min(d.day), 'YYYY-MM-DD') from usage_daily d where d.org_id = ${orgId}::uuid) as usage_from,
      (select o.tracked_feature_keys is not null from organizations o where o.id = ${orgId}::uuid) as configured,
      (select count(*)::int from stakeholders s where s.org_id = ${orgId}::uuid and s.last_contacted_at is not null
        and not exists (select 1 from account_events e where e.org_id = s.org_id and e.account_id = s.account_id
          and e.kind = 'stakeholder.contacted' and e.data->>'stakeholderId' = s.id::text)) as latest_only`);
  const notes = [
    'Stakeholder roles are taken as they are today, and removed stakeholders are left out: role changes and removals are not dated.',
    'Seat counts follow the logged seat changes; before the first logged change an account has the seats it has today.',
    'A survey answer counts from the day it was given; an answer changed later counts with its latest score.',
    r.configured
      ? 'Tracked features are today\'s list for every date (changes to the list are not dated).'
      : 'Tracked features are the feature keys seen in the 90 days before each date.',
  ];
  const latestOnly = Number(r.latest_only);
  if (latestOnly > 0) {
    notes.push(`${latestOnly} stakeholder${latestOnly === 1 ? ' has' : 's have'} only a last-contact date and no logged contacts: earlier contacts with them are unknown.`);
  }
  if (earliestDay && r.usage_from && r.usage_from > earliestDay) {
    notes.push(`Per-user usage starts on ${r.usage_from}: for earlier dates the usage factors are missing.`);
  }
  return notes;
}
