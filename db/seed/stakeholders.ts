import type { NewStakeholder } from '@/db/schema';
import { DAY_MS, type AccountPlan } from './accounts';
import { FIRST_NAMES, LAST_NAMES, TITLES_BY_ROLE, type StakeholderRole } from './names';
import type { Random } from './random';

export type StakeholderRow = NewStakeholder & {
  id: string;
  name: string;
  role: StakeholderRole;
  createdAt: Date;
};

const HOUR_MS = 3_600_000;

const INFLUENCE: Record<StakeholderRole, { low: number; medium: number; high: number }> = {
  champion: { low: 0, medium: 40, high: 60 },
  economic_buyer: { low: 0, medium: 20, high: 80 },
  decision_maker: { low: 0, medium: 30, high: 70 },
  user: { low: 50, medium: 45, high: 5 },
  other: { low: 70, medium: 30, high: 0 },
};

// Email local parts are ASCII: "Tomás Ortiz" -> "tomas.ortiz".
const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Most accounts have a champion, about half an economic buyer; the rest are users and others. */
function rolesFor(rand: Random): StakeholderRole[] {
  const n = rand.int(3, 8);
  const roles: StakeholderRole[] = [];
  if (rand.chance(0.88)) roles.push('champion');
  if (rand.chance(0.5)) roles.push('economic_buyer');
  if (rand.chance(0.55)) roles.push('decision_maker');
  while (roles.length < n) roles.push(rand.chance(0.8) ? 'user' : 'other');
  return roles;
}

/** The primary contact: an active champion, else an active buyer or decision maker, else the first. */
function primaryIndex(rows: StakeholderRow[]): number {
  const active = (r: StakeholderRow) => !r.leftAt;
  const champion = rows.findIndex((r) => r.role === 'champion' && active(r));
  if (champion >= 0) return champion;
  const senior = rows.findIndex((r) => (r.role === 'economic_buyer' || r.role === 'decision_maker') && active(r));
  return senior >= 0 ? senior : 0;
}

/**
 * 3-8 stakeholders for one account. The first two arrive with the account (a CRM import); the
 * rest were added over its first months. A few champions left in the last 90 days.
 */
export function generateStakeholders(rand: Random, plan: AccountPlan, now: Date): StakeholderRow[] {
  const { row: account, startAt } = plan;
  const lastAdd = Math.min(now.getTime() - HOUR_MS, startAt.getTime() + 180 * DAY_MS);
  const contactWindowStart = now.getTime() - 120 * DAY_MS;
  const emails = new Set<string>();

  const rows = rolesFor(rand).map((role, i): StakeholderRow => {
    const first = rand.pick(FIRST_NAMES);
    const last = rand.pick(LAST_NAMES);
    let local = `${ascii(first)}.${ascii(last)}`;
    if (emails.has(local)) local += i + 1;
    emails.add(local);

    const addedAt =
      i < 2
        ? new Date(Math.min(startAt.getTime() + rand.int(1, 48) * HOUR_MS, now.getTime() - HOUR_MS))
        : rand.dateBetween(startAt, new Date(lastAdd));

    let leftAt: Date | null = null;
    if (role === 'champion' && rand.chance(0.12) && now.getTime() - addedAt.getTime() > 30 * DAY_MS) {
      const from = Math.max(addedAt.getTime() + 7 * DAY_MS, now.getTime() - 89 * DAY_MS);
      leftAt = rand.dateBetween(new Date(from), new Date(now.getTime() - DAY_MS));
    }

    let lastContactedAt: Date | null = null;
    const senior = role === 'champion' || role === 'economic_buyer';
    if (leftAt) {
      const from = Math.max(addedAt.getTime(), leftAt.getTime() - 60 * DAY_MS);
      if (rand.chance(0.7)) lastContactedAt = rand.dateBetween(new Date(from), leftAt);
    } else if (!rand.chance(senior ? 0.1 : 0.3)) {
      const from = Math.max(addedAt.getTime(), contactWindowStart);
      lastContactedAt = rand.dateBetween(new Date(from), now);
    }

    return {
      orgId: account.orgId,
      id: rand.uuid(),
      accountId: account.id,
      externalId: `${account.externalId}-C${String(i + 1).padStart(2, '0')}`,
      name: `${first} ${last}`,
      email: `${local}@${account.domain}`,
      title: rand.pick(TITLES_BY_ROLE[role]),
      role,
      influence: rand.weighted(INFLUENCE[role]),
      sentiment: rand.weighted({ positive: 45, neutral: 40, negative: 15 }),
      isPrimary: false,
      lastContactedAt,
      leftAt,
      doNotSurvey: rand.chance(0.05),
      createdAt: addedAt,
      updatedAt: leftAt ?? addedAt,
    };
  });

  rows[primaryIndex(rows)].isPrimary = true;
  return rows;
}
