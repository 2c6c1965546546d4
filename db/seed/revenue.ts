import type { revenueChanges } from '@/db/schema';
import { classifyMovement } from '@/lib/kpi/revenue';
import { revenueEventKind, revenueSummary } from '@/lib/revenue-text';
import { DAY_MS, type AccountPlan } from './accounts';
import type { Random } from './random';
import { decideRenewal, pendingRenewal, reactivationRenewal, type RenewalRow } from './renewals';
import type { EventRow } from './timeline';

export type RevenueRow = typeof revenueChanges.$inferInsert & { id: string; accountId: string; effectiveDate: string; mrr: number; recordedAt: Date };

/** One account's revenue story: its MRR sequence, renewals, timeline events and when it paid. */
export type AccountStory = {
  revenueChanges: RevenueRow[];
  renewals: RenewalRow[];
  events: EventRow[];
  /** [from, to) as YYYY-MM-DD; to null = still paying. Usage and tickets follow these. */
  paying: { from: string; to: string | null }[];
  /** the renewal it churned at (even when it came back later); usage falls before it */
  churnDate: string | null;
};

/** Who churns, at which contract anniversary (1 = first), who comes back, who gets archived afterwards. */
export type Fate = { churnAt: number | null; reactivate: boolean; archive: boolean };

export type StoryOptions = { churnShare: number; archived: number; reactivations: 0 | 1; currency: string; adminId: string };

const HOUR_MS = 3_600_000;

/** MRR bounds by segment in cents, and the step list prices are rounded to. */
const SEGMENT_MRR = {
  smb: { min: 20_000, max: 150_000, step: 1_000 },
  mid_market: { min: 150_000, max: 800_000, step: 1_000 },
  enterprise: { min: 800_000, max: 6_000_000, step: 10_000 },
} as const;

export const CHURN_REASON_WEIGHTS = {
  'Budget cuts': 30, 'Moved to competitor': 25, 'Poor adoption': 20, Acquired: 10, 'Missing features': 10, 'Went out of business': 5,
} as const;

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const atHour = (day: string, rand: Random, from = 9, to = 17) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + rand.int(from, to) * HOUR_MS + rand.int(0, 59) * 60_000);

/** When a renewal's revenue change is booked: that morning, or just before `now` when it is due today. */
const renewalMoment = (rand: Random, due: string, now: Date) =>
  new Date(Math.max(Date.parse(`${due}T00:00:00Z`), Math.min(atHour(due, rand, 9, 12).getTime(), now.getTime() - 1000)));

/** Contract anniversaries (due dates) on or before `now`, the same arithmetic as the account's renewal date. */
export function pastAnniversaries(plan: AccountPlan, now: Date): string[] {
  const start = new Date(`${plan.row.contractStart}T00:00:00Z`);
  const out: string[] = [];
  for (let k = 1; ; k++) {
    const due = new Date(Date.UTC(start.getUTCFullYear() + k, start.getUTCMonth(), start.getUTCDate()));
    if (due > now) return out;
    out.push(isoDate(due));
  }
}

/**
 * Picks the fates of a whole book at once, so the totals are exact: `churnShare` of the accounts
 * churn at one of their past renewals, exactly `reactivations` of those come back (one that churned
 * at its latest renewal, 75+ days ago), and `archived` of the others are archived after churning.
 */
export function chooseFates(rand: Random, plans: readonly AccountPlan[], now: Date, opts: StoryOptions): Fate[] {
  const fates: Fate[] = plans.map(() => ({ churnAt: null, reactivate: false, archive: false }));
  const past = plans.map((p) => pastAnniversaries(p, now));
  const candidates = rand.shuffle(plans.map((_, i) => i).filter((i) => past[i].length > 0));
  // the ones that come back churned too: `churnShare` is the share churned at the end
  const target = Math.min(candidates.length, Math.round(opts.churnShare * plans.length) + opts.reactivations);
  const churned = candidates.slice(0, target);
  for (const i of churned) fates[i].churnAt = rand.int(1, past[i].length);
  const comebackReady = (i: number) => Date.parse(past[i][past[i].length - 1]) <= now.getTime() - 75 * DAY_MS;
  if (opts.reactivations) {
    let pool = churned.filter((i) => fates[i].churnAt === past[i].length && comebackReady(i));
    if (pool.length === 0) {
      // nobody fits by chance: let one more account churn at its latest renewal
      const extra = candidates.slice(target).find(comebackReady);
      if (extra !== undefined) {
        fates[extra].churnAt = past[extra].length;
        churned.push(extra);
        pool = [extra];
      }
    }
    if (pool.length) fates[rand.pick(pool)].reactivate = true;
  }
  const churnedLongAgo = (i: number) => Date.parse(past[i][fates[i].churnAt! - 1]) <= now.getTime() - 10 * DAY_MS;
  const gone = rand.shuffle(churned.filter((i) => !fates[i].reactivate && churnedLongAgo(i)));
  for (const i of gone.slice(0, opts.archived)) fates[i].archive = true;
  return fates;
}

/** Appends revenue changes (and their timeline events) to a story, tracking the MRR and the paying spans. */
function ledger(rand: Random, row: AccountPlan['row'], currency: string, story: AccountStory) {
  let mrr = 0;
  let everPaid = false;
  return {
    get mrr() {
      return mrr;
    },
    change(at: Date, next: number, reason: string | null = null) {
      if (next === mrr) return;
      const effectiveDate = isoDate(at);
      const movement = classifyMovement(mrr, next, everPaid);
      const last = story.revenueChanges[story.revenueChanges.length - 1];
      const recordedAt = last && last.recordedAt >= at ? new Date(last.recordedAt.getTime() + 60_000) : at;
      const id = rand.uuid();
      const base = { orgId: row.orgId, accountId: row.id, actorType: 'system' as const, actorId: null };
      story.revenueChanges.push({ ...base, id, effectiveDate, mrr: next, currency, churnReason: reason, recordedAt });
      story.events.push({
        ...base, id: rand.uuid(), kind: revenueEventKind(movement), occurredAt: recordedAt,
        summary: revenueSummary({ movement, previousMrr: mrr, mrr: next, currency, churnReason: reason }),
        data: { revenueChangeId: id, movement, effectiveDate, previousMrr: mrr, mrr: next, currency, churnReason: reason },
      });
      if (next === 0) story.paying[story.paying.length - 1].to = effectiveDate;
      if (mrr === 0) story.paying.push({ from: effectiveDate, to: null });
      mrr = next;
      everPaid ||= next > 0;
    },
  };
}

type Step = { at: Date; next: (mrr: number) => number; due?: undefined } | { at: Date; due: string; k: number };

/** Mid-contract changes: the seat change, sometimes an add-on (+10-30 %) or a contraction (-10-25 %). */
function midTermSteps(rand: Random, plan: AccountPlan, now: Date, price: (cents: number) => number, perSeat: number): Step[] {
  const steps: Step[] = [];
  const start = plan.startAt.getTime();
  const within = (fromDays: number) => rand.dateBetween(new Date(start + fromDays * DAY_MS), new Date(now.getTime() - 10 * DAY_MS));
  if (plan.seatChangeAt) steps.push({ at: plan.seatChangeAt, next: () => price((plan.row.licensedSeats ?? plan.initialSeats) * perSeat) });
  if (now.getTime() - start > 90 * DAY_MS && rand.chance(0.2)) {
    const factor = 1.1 + rand.next() * 0.2;
    steps.push({ at: within(60), next: (m) => price(m * factor) });
  }
  if (now.getTime() - start > 120 * DAY_MS && rand.chance(0.08)) {
    const factor = 0.75 + rand.next() * 0.15;
    steps.push({ at: within(90), next: (m) => price(m * factor) });
  }
  return steps;
}

/**
 * The MRR sequence of one account: the first subscription at contract start (priced per seat,
 * within the segment's band), mid-term changes, and a decision at every past anniversary (mostly
 * renewed, some with an uplift, some downgraded; churned where its fate says so), then a
 * reactivation for the one that comes back. Adjusts the account row to match: no next renewal date
 * once churned, archived after the churn, stage frozen at the churn.
 */
export function buildStory(rand: Random, plan: AccountPlan, fate: Fate, now: Date, opts: StoryOptions): AccountStory {
  const band = SEGMENT_MRR[plan.row.segment ?? 'smb'];
  const perSeat = rand.int(40, 60) * 100;
  const price = (cents: number) => Math.min(band.max, Math.max(band.min, Math.round(cents / band.step) * band.step));
  const story: AccountStory = { revenueChanges: [], renewals: [], events: [], paying: [], churnDate: null };
  const money = ledger(rand, plan.row, opts.currency, story);
  money.change(new Date(plan.startAt.getTime() + 2 * 60_000), price(plan.initialSeats * perSeat));

  const decider = plan.owner?.id ?? opts.adminId;
  let lastDecision = plan.startAt;
  const dues = pastAnniversaries(plan, now).map((due, k): Step => ({ at: renewalMoment(rand, due, now), due, k: k + 1 }));
  for (const step of [...midTermSteps(rand, plan, now, price, perSeat), ...dues].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (step.due === undefined) {
      money.change(step.at, step.next(money.mrr));
      continue;
    }
    const churns = fate.churnAt === step.k;
    const decision = decideRenewal(rand, { plan, due: step.due, mrr: money.mrr, churns, createdAt: lastDecision, decider, price, currency: opts.currency });
    story.renewals.push(decision.renewal);
    story.events.push(decision.event);
    lastDecision = decision.renewal.decidedAt;
    money.change(step.at, decision.nextMrr, churns ? rand.weighted(CHURN_REASON_WEIGHTS) : null);
    if (churns) {
      story.churnDate = step.due;
      break; // nothing else happens to a churned account, unless it comes back
    }
  }

  if (story.churnDate && fate.reactivate) {
    const churnAt = Date.parse(`${story.churnDate}T00:00:00Z`);
    const latest = Math.min(churnAt + 120 * DAY_MS, now.getTime() - 20 * DAY_MS);
    const back = new Date(churnAt + rand.int(30, Math.max(30, Math.floor((latest - churnAt) / DAY_MS))) * DAY_MS + rand.int(9, 16) * HOUR_MS);
    money.change(back, price(plan.initialSeats * perSeat * 0.8));
    const created = reactivationRenewal(rand, { plan, at: back, mrr: money.mrr, decider, currency: opts.currency });
    story.renewals.push(created.renewal);
    story.events.push(created.event);
    plan.stageChanges = plan.stageChanges.filter((c) => c.at.getTime() < churnAt || c.at > back);
  } else if (story.churnDate) {
    const churnAt = new Date(`${story.churnDate}T00:00:00Z`);
    plan.stageChanges = plan.stageChanges.filter((c) => c.at < churnAt);
    plan.row.nextRenewalDate = null;
    // chooseFates archives only accounts that churned 10+ days ago
    if (fate.archive) plan.row.archivedAt = rand.dateBetween(new Date(churnAt.getTime() + 5 * DAY_MS), new Date(Math.min(churnAt.getTime() + 40 * DAY_MS, now.getTime() - HOUR_MS)));
  } else {
    story.renewals.push(pendingRenewal(rand, { plan, mrr: money.mrr, createdAt: lastDecision }));
  }
  plan.row.stage = plan.stageChanges.length ? plan.stageChanges[plan.stageChanges.length - 1].to : 'onboarding';
  return story;
}
