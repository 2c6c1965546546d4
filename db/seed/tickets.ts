import type { tickets } from '@/db/schema';
import { ticketClosedSummary, ticketOpenedSummary } from '@/lib/revenue-text';
import { DAY_MS, type AccountPlan } from './accounts';
import type { Random } from './random';
import type { AccountStory } from './revenue';
import type { EventRow } from './timeline';

export type TicketRow = typeof tickets.$inferInsert & { id: string; accountId: string; openedAt: Date };

const HOUR_MS = 3_600_000;
const QUARTER_MS = 91 * DAY_MS;
// Only recent tickets get timeline events: older history arrived with the help desk import, and
// a timeline page should still reach back to the account's first events.
const TICKET_EVENTS_DAYS = 90;

const SUBJECTS = [
  'Dashboard loads slowly', 'Export to CSV fails', 'SSO login loop', 'Alert emails not arriving', 'API rate limit questions',
  'How do I add a user?', 'Report totals look wrong', 'Integration sync stopped', 'Mobile app crashes on login',
  'Billing question', 'Request: custom fields', 'Permissions for a new team', 'Data missing since yesterday',
  'Webhook returns 401', 'Training session request',
] as const;

const PER_QUARTER = {
  smb: { 0: 30, 1: 35, 2: 25, 3: 10 },
  mid_market: { 0: 15, 1: 30, 2: 35, 3: 15, 4: 5 },
  enterprise: { 1: 20, 2: 35, 3: 30, 4: 15 },
} as const;

const PRIORITY = { low: 20, normal: 55, high: 20, urgent: 5 } as const;

/**
 * A few support tickets per paying quarter (more for bigger accounts, one or two extra in the
 * quarter before a churn): ~70 % of the closed ones resolved on first contact within hours, the
 * rest within days; some recent ones still open. Tickets from the last 90 days also get their
 * `ticket.opened` / `ticket.closed` timeline events (the help desk is a system actor).
 */
export function generateTickets(rand: Random, plan: AccountPlan, story: AccountStory, now: Date): { tickets: TicketRow[]; events: EventRow[] } {
  const { row } = plan;
  const out: TicketRow[] = [];
  const events: EventRow[] = [];
  const weights = PER_QUARTER[row.segment ?? 'smb'];
  for (const span of story.paying) {
    const from = Date.parse(`${span.from}T00:00:00Z`);
    const to = span.to ? Date.parse(`${span.to}T00:00:00Z`) : now.getTime() - HOUR_MS;
    const within = (a: number, b: number) => new Date(a + Math.floor(rand.next() * (b - a)));
    for (let q = from; q < to; q += QUARTER_MS) {
      const end = Math.min(q + QUARTER_MS, to);
      const n = Number(rand.weighted(weights as Record<string, number>));
      // a cut-off last quarter gets its share of tickets, not a whole quarter's worth
      for (let i = 0; i < n; i++) if (rand.next() < (end - q) / QUARTER_MS) out.push(ticket(rand, row, within(q, end), now));
    }
    // frustration shows in the months before a churn
    if (span.to) for (let i = rand.int(1, 2); i > 0; i--) out.push(ticket(rand, row, within(Math.max(from, to - 90 * DAY_MS), to), now));
  }
  out.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  out.forEach((t, i) => {
    t.externalId = `${row.externalId}-T${String(i + 1).padStart(3, '0')}`;
    if (t.openedAt.getTime() < now.getTime() - TICKET_EVENTS_DAYS * DAY_MS) return;
    const base = { orgId: row.orgId, accountId: row.id, actorType: 'system' as const, actorId: null };
    events.push({
      ...base, id: rand.uuid(), kind: 'ticket.opened', occurredAt: t.openedAt,
      summary: ticketOpenedSummary({ priority: t.priority!, subject: t.subject ?? null }), data: { ticketId: t.id, priority: t.priority, subject: t.subject },
    });
    if (t.closedAt) {
      events.push({
        ...base, id: rand.uuid(), kind: 'ticket.closed', occurredAt: t.closedAt,
        summary: ticketClosedSummary({ resolvedFirstContact: t.resolvedFirstContact!, subject: t.subject ?? null }),
        data: { ticketId: t.id, resolvedFirstContact: t.resolvedFirstContact },
      });
    }
  });
  return { tickets: out, events };
}

function ticket(rand: Random, row: AccountPlan['row'], day: Date, now: Date): TicketRow {
  // opened in working hours of that day, never in the future
  const midnight = Math.floor(day.getTime() / DAY_MS) * DAY_MS;
  const openedAt = new Date(Math.min(midnight + rand.int(7, 19) * HOUR_MS + rand.int(0, 59) * 60_000, now.getTime() - HOUR_MS));
  const firstContact = rand.chance(0.7);
  const closeAfter = firstContact ? rand.int(20, 8 * 60) * 60_000 : rand.int(1, 10) * DAY_MS + rand.int(0, 8) * HOUR_MS;
  const recent = now.getTime() - openedAt.getTime() < 21 * DAY_MS;
  const open = openedAt.getTime() + closeAfter >= now.getTime() || (recent && rand.chance(0.4));
  return {
    orgId: row.orgId,
    id: rand.uuid(),
    accountId: row.id,
    subject: rand.pick(SUBJECTS),
    priority: rand.weighted(PRIORITY),
    openedAt,
    closedAt: open ? null : new Date(openedAt.getTime() + closeAfter),
    resolvedFirstContact: !open && firstContact,
  };
}
