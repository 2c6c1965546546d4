import type { renewals } from '@/db/schema';
import { renewalCreatedSummary, renewalDecidedSummary } from '@/lib/revenue-text';
import { DAY_MS, type AccountPlan } from './accounts';
import type { Random } from './random';
import type { EventRow } from './timeline';

export type RenewalRow = typeof renewals.$inferInsert & { id: string; accountId: string; dueDate: string; arrDue: number; createdAt: Date };
type Decided = RenewalRow & { decidedAt: Date; outcome: 'renewed' | 'downgraded' | 'churned'; renewedArr: number };

const HOUR_MS = 3_600_000;

type DecideInput = {
  plan: AccountPlan;
  due: string;
  /** MRR (cents) going into the renewal */
  mrr: number;
  churns: boolean;
  /** when this renewal came to exist (contract start or the previous decision) */
  createdAt: Date;
  decider: string;
  /** rounds an MRR to the account's price list, inside its segment band */
  price: (cents: number) => number;
  currency: string;
};

/**
 * The decision on a past renewal, taken up to three weeks before its due date: churned when the
 * account's fate says so, else mostly renewed (two in five with a 3-10 % uplift), 15 % downgraded.
 * ARR due is the MRR going in × 12; renewed ARR is the MRR coming out × 12 (0 when churned).
 */
export function decideRenewal(rand: Random, d: DecideInput): { renewal: Decided; event: EventRow; nextMrr: number } {
  const { row } = d.plan;
  const roll = rand.next();
  let outcome: Decided['outcome'] = d.churns ? 'churned' : roll < 0.15 ? 'downgraded' : 'renewed';
  let nextMrr = d.mrr;
  if (outcome === 'downgraded') nextMrr = d.price(d.mrr * (0.7 + rand.next() * 0.2));
  else if (outcome === 'renewed' && roll < 0.5) nextMrr = d.price(d.mrr * (1.03 + rand.next() * 0.07));
  if (outcome === 'downgraded' && nextMrr >= d.mrr) outcome = 'renewed'; // already at the bottom of its band
  if (outcome === 'renewed' && nextMrr < d.mrr) nextMrr = d.mrr;
  if (outcome === 'churned') nextMrr = 0;

  const dueAt = Date.parse(`${d.due}T00:00:00Z`);
  const decidedAt = new Date(Math.max(
    d.createdAt.getTime() + HOUR_MS,
    dueAt - rand.int(1, 21) * DAY_MS + rand.int(9, 17) * HOUR_MS + rand.int(0, 59) * 60_000,
  ));
  const renewal: Decided = {
    orgId: row.orgId, id: rand.uuid(), accountId: row.id, dueDate: d.due, arrDue: d.mrr * 12, outcome,
    renewedArr: nextMrr * 12, decidedAt, decidedBy: d.decider, createdAt: d.createdAt,
  };
  const event: EventRow = {
    id: rand.uuid(), orgId: row.orgId, accountId: row.id, kind: 'renewal.decided', occurredAt: decidedAt, actorType: 'user', actorId: d.decider,
    summary: renewalDecidedSummary({ dueDate: d.due, outcome, arrDue: renewal.arrDue, renewedArr: renewal.renewedArr, currency: d.currency }),
    data: { renewalId: renewal.id, dueDate: d.due, outcome, arrDue: renewal.arrDue, renewedArr: renewal.renewedArr },
  };
  return { renewal, event, nextMrr };
}

/** The one pending renewal of a paying account: due on the account's next renewal date, ARR due = current MRR × 12. */
export function pendingRenewal(rand: Random, p: { plan: AccountPlan; mrr: number; createdAt: Date }): RenewalRow {
  const { row } = p.plan;
  // every row carries every key: bulk inserts take their columns from the first row
  return {
    orgId: row.orgId, id: rand.uuid(), accountId: row.id, dueDate: row.nextRenewalDate!, arrDue: p.mrr * 12, outcome: 'pending',
    renewedArr: null, decidedAt: null, decidedBy: null, createdAt: p.createdAt,
  };
}

/** A reactivated account's new contract is co-termed to its old anniversary: one pending renewal, added by its CSM. */
export function reactivationRenewal(rand: Random, p: { plan: AccountPlan; at: Date; mrr: number; decider: string; currency: string }) {
  const createdAt = new Date(p.at.getTime() + 5 * 60_000);
  const renewal = pendingRenewal(rand, { plan: p.plan, mrr: p.mrr, createdAt });
  const event: EventRow = {
    id: rand.uuid(), orgId: renewal.orgId, accountId: renewal.accountId, kind: 'renewal.created', occurredAt: createdAt, actorType: 'user', actorId: p.decider,
    summary: renewalCreatedSummary({ dueDate: renewal.dueDate, arrDue: renewal.arrDue, currency: p.currency }),
    data: { renewalId: renewal.id, dueDate: renewal.dueDate, arrDue: renewal.arrDue },
  };
  return { renewal, event };
}
