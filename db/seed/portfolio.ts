import { DAY_MS, planAccount, type AccountPlan, type PlanOptions } from './accounts';
import type { Random } from './random';
import { generateStakeholders, type StakeholderRow } from './stakeholders';
import { generateTimeline, type EventRow } from './timeline';

export type AccountRow = AccountPlan['row'];

export type Portfolio = { accounts: AccountRow[]; stakeholders: StakeholderRow[]; events: EventRow[] };

export type PortfolioOptions = PlanOptions & { names: readonly string[]; archived: number };

/** Picks `n` distinct indices below `count` without shuffling the whole range. */
function sample(rand: Random, count: number, n: number): Set<number> {
  const out = new Set<number>();
  while (out.size < Math.min(n, count)) out.add(rand.int(0, count - 1));
  return out;
}

/**
 * One org's book of business: an account per name, its stakeholders and its timeline. One pass,
 * constant work per account, so 10,000 accounts take well under a second of JavaScript.
 */
export function generatePortfolio(rand: Random, opts: PortfolioOptions): Portfolio {
  const { now, names } = opts;
  const archived = sample(rand, names.length, opts.archived);
  const out: Portfolio = { accounts: [], stakeholders: [], events: [] };

  for (let i = 0; i < names.length; i++) {
    const plan = planAccount(rand, opts, names[i], i);
    if (archived.has(i)) {
      const from = Math.max(plan.startAt.getTime() + 7 * DAY_MS, now.getTime() - 45 * DAY_MS);
      plan.row.archivedAt = rand.dateBetween(new Date(from), new Date(now.getTime() - 3_600_000));
    }
    const people = generateStakeholders(rand, plan, now);
    const events = generateTimeline(rand, plan, people, opts.admin, now);
    plan.row.updatedAt = events[events.length - 1].occurredAt;

    out.accounts.push(plan.row);
    for (const p of people) out.stakeholders.push(p);
    for (const e of events) out.events.push(e);
  }
  return out;
}
