import { planAccount, type AccountPlan, type PlanOptions } from './accounts';
import type { Random } from './random';
import { buildStory, chooseFates, type RevenueRow, type StoryOptions } from './revenue';
import type { RenewalRow } from './renewals';
import { generateStakeholders, type StakeholderRow } from './stakeholders';
import { generateTickets, type TicketRow } from './tickets';
import { generateTimeline, type EventRow } from './timeline';
import { planUsage, type UsagePlan } from './usage';

export type AccountRow = AccountPlan['row'];

export type Portfolio = {
  accounts: AccountRow[];
  stakeholders: StakeholderRow[];
  events: EventRow[];
  revenueChanges: RevenueRow[];
  renewals: RenewalRow[];
  tickets: TicketRow[];
  usage: UsagePlan[];
};

export type PortfolioOptions = PlanOptions & {
  names: readonly string[];
  /** how many churned accounts are archived afterwards */
  archived: number;
  /** a stream of its own for revenue, renewals, tickets and usage, so the accounts stay as they were */
  storyRand: Random;
  story: Pick<StoryOptions, 'churnShare' | 'reactivations' | 'currency'>;
};

/** Both lists sorted by time; the result too (on a tie, `a` first). */
function mergeByTime(a: EventRow[], b: EventRow[]): EventRow[] {
  b.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
  const out: EventRow[] = [];
  let j = 0;
  for (const e of a) {
    while (j < b.length && b[j].occurredAt < e.occurredAt) out.push(b[j++]);
    out.push(e);
  }
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * One org's book of business: an account per name, its stakeholders and timeline, and its revenue
 * story (MRR changes, renewals, tickets, the plan of its usage). Fates (who churns, comes back, is
 * archived) are chosen over the whole book first, so the totals are exact. Constant work per
 * account, so 10,000 accounts take a few seconds of JavaScript.
 */
export function generatePortfolio(rand: Random, opts: PortfolioOptions): Portfolio {
  const { now, names, storyRand } = opts;
  // contract starts spread evenly over the last 24 months (shuffled), so every month brings new accounts
  const ageDays = storyRand.shuffle(names.map((_, i) => 5 + Math.floor(((i + storyRand.next()) * 724) / names.length)));
  const plans = names.map((name, i) => planAccount(rand, { ...opts, ageDays }, name, i));
  const storyOpts: StoryOptions = { ...opts.story, archived: opts.archived, adminId: opts.admin.id };
  const fates = chooseFates(storyRand, plans, now, storyOpts);
  const out: Portfolio = { accounts: [], stakeholders: [], events: [], revenueChanges: [], renewals: [], tickets: [], usage: [] };

  plans.forEach((plan, i) => {
    // the story first: it settles the archive date, the renewal date and the stage the timeline shows
    const story = buildStory(storyRand, plan, fates[i], now, storyOpts);
    const support = generateTickets(storyRand, plan, story, now);
    const people = generateStakeholders(rand, plan, now);
    const events = mergeByTime(generateTimeline(rand, plan, people, opts.admin, now), [...story.events, ...support.events]);
    plan.row.updatedAt = events[events.length - 1].occurredAt;

    out.accounts.push(plan.row);
    for (const p of people) out.stakeholders.push(p);
    for (const e of events) out.events.push(e);
    for (const r of story.revenueChanges) out.revenueChanges.push(r);
    for (const r of story.renewals) out.renewals.push(r);
    for (const t of support.tickets) out.tickets.push(t);
    out.usage.push(planUsage(storyRand, plan, story, now));
  });
  return out;
}
