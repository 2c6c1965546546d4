import type { accountEvents } from '@/db/schema';
import { DAY_MS, type AccountPlan, type Person } from './accounts';
import { CSM_NOTES, ROLE_LABELS } from './names';
import type { Random } from './random';
import type { StakeholderRow } from './stakeholders';

export type EventRow = typeof accountEvents.$inferInsert & { id: string; occurredAt: Date; kind: string };


const STAGE_LABELS = { onboarding: 'Onboarding', adopting: 'Adopting', mature: 'Mature', renewal: 'Renewal' };

/**
 * The account's history as account_events, oldest first: created, owner set, stakeholders added,
 * stage and seat changes, CSM notes, a champion leaving, archiving. Everything lies before `now`.
 */
export function generateTimeline(
  rand: Random,
  plan: AccountPlan,
  people: StakeholderRow[],
  admin: Person,
  now: Date,
): EventRow[] {
  const { row: account, startAt, owner } = plan;
  // whoever works the account writes its notes and changes; unowned accounts fall to the admin
  const csm = owner ?? admin;
  const byUser = (who: Person) => ({ actorType: 'user' as const, actorId: who.id });
  const bySystem = { actorType: 'system' as const, actorId: null };
  const events: EventRow[] = [];
  // rows are built complete (ids after sorting) instead of copied: 120,000 of them at benchmark size
  const push = (e: Omit<EventRow, 'id' | 'orgId' | 'accountId'>) =>
    events.push(Object.assign(e, { id: '', orgId: account.orgId, accountId: account.id }));

  push({
    kind: 'account.created', occurredAt: startAt, ...bySystem, summary: 'Account created',
    data: { source: 'crm', externalId: account.externalId, segment: account.segment, licensedSeats: plan.initialSeats },
  });
  if (owner) {
    push({
      kind: 'owner.changed', occurredAt: new Date(startAt.getTime() + rand.int(5, 240) * 60_000), ...byUser(admin),
      summary: `Owner set to ${owner.name}`, data: { from: null, to: owner.id },
    });
  }
  people.forEach((p, i) => {
    push({
      kind: 'stakeholder.added', occurredAt: p.createdAt, ...(i < 2 ? bySystem : byUser(csm)),
      summary: `Added ${p.name} (${ROLE_LABELS[p.role]})`,
      data: { stakeholderId: p.id, name: p.name, role: p.role },
    });
    if (p.leftAt) {
      push({
        kind: 'stakeholder.left', occurredAt: p.leftAt, ...byUser(csm),
        summary: `${p.name} (${ROLE_LABELS[p.role]}) left ${account.name}`,
        data: { stakeholderId: p.id, name: p.name, role: p.role },
      });
    }
  });
  for (const c of plan.stageChanges) {
    push({
      kind: 'stage.changed', occurredAt: c.at, ...(c.bySystem ? bySystem : byUser(csm)),
      summary: `Stage changed from ${STAGE_LABELS[c.from]} to ${STAGE_LABELS[c.to]}`,
      data: { from: c.from, to: c.to },
    });
  }
  if (plan.seatChangeAt) {
    push({
      kind: 'seats.changed', occurredAt: plan.seatChangeAt, ...byUser(csm),
      summary: `Licensed seats changed from ${plan.initialSeats} to ${account.licensedSeats}`,
      data: { from: plan.initialSeats, to: account.licensedSeats },
    });
  }
  const notes = rand.pick([0, 0, 1, 1, 1, 2, 2, 3]);
  const noteFrom = new Date(startAt.getTime() + 3 * DAY_MS);
  const noteTo = account.archivedAt ?? now;
  for (let n = 0; n < notes && noteFrom < noteTo; n++) {
    const body = rand.pick(CSM_NOTES);
    push({
      kind: 'note', occurredAt: rand.dateBetween(noteFrom, noteTo), ...byUser(csm), summary: body, data: { body },
    });
  }
  if (account.archivedAt) {
    push({ kind: 'account.archived', occurredAt: account.archivedAt, ...byUser(admin), summary: 'Account archived', data: {} });
  }

  const timeline = events.filter((e) => e.occurredAt < now).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const e of timeline) e.id = rand.uuid();
  return timeline;
}
