import type { NewAccount } from '@/db/schema';
import {
  COMPANY_NAMES, NAME_INDUSTRIES, NAME_PREFIXES, NAME_QUALIFIERS, SEATS_BY_SEGMENT, SEGMENT_WEIGHTS, TLDS,
} from './names';
import type { Random } from './random';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Stage = NonNullable<NewAccount['stage']>;
type Segment = keyof typeof SEGMENT_WEIGHTS;

export type Person = { id: string; name: string };

/** A stage change in the account's past; the timeline turns each into a `stage.changed` event. */
export type StageChange = { at: Date; from: Stage; to: Stage; bySystem: boolean };

/** One generated account plus the facts its stakeholders and timeline are built from. */
export type AccountPlan = {
  row: NewAccount & { id: string; orgId: string; name: string; domain: string; externalId: string };
  startAt: Date;
  owner: Person | null;
  initialSeats: number;
  seatChangeAt: Date | null;
  stageChanges: StageChange[];
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** `count` distinct company names: the curated ones first, then prefix + industry combinations. */
export function companyNames(rand: Random, count: number): string[] {
  const curated = rand.shuffle(COMPANY_NAMES);
  if (count <= curated.length) return curated.slice(0, count);
  const taken = new Set<string>(curated);
  const combos = rand
    .shuffle(NAME_PREFIXES.flatMap((p) => NAME_INDUSTRIES.map((i) => `${p} ${i}`)))
    .filter((n) => !taken.has(n));
  const out: string[] = curated;
  for (let j = 0; out.length < count; j++) {
    const round = Math.floor(j / combos.length);
    out.push(combos[j % combos.length] + (NAME_QUALIFIERS[round] ?? ` ${round + 1}`));
  }
  return out;
}

/** "Umber & Co. Accounting" -> "umberandcoaccounting.com": a domain a reader believes. */
export function domainFor(rand: Random, name: string): string {
  const base = name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
  return `${base}.${rand.pick(TLDS)}`;
}

function seatsFor(rand: Random, segment: Segment): number {
  const { min, max, step } = SEATS_BY_SEGMENT[segment];
  return min + step * rand.int(0, Math.floor((max - min) / step));
}

/** The k-th contract anniversary (UTC midnight) of a start date. */
function anniversary(startDay: Date, k: number): Date {
  return new Date(Date.UTC(startDay.getUTCFullYear() + k, startDay.getUTCMonth(), startDay.getUTCDate()));
}

/**
 * Stage history from contract age: onboarding, adopting after onboarding, mature after ~5-8
 * months, then each year renewal from 60-90 days before the anniversary and mature again after
 * it. The current stage is whatever the last change led to.
 */
function stageHistory(rand: Random, startAt: Date, startDay: Date, completedAt: Date | null, now: Date) {
  const ageDays = (now.getTime() - startAt.getTime()) / DAY_MS;
  const changes: StageChange[] = [];
  const add = (at: Date, from: Stage, to: Stage, bySystem = false) => {
    if (at < now) changes.push({ at, from, to, bySystem });
    return at < now;
  };
  const stillOnboarding = ageDays < 45 || (ageDays < 100 && !completedAt && rand.chance(0.5));
  if (stillOnboarding) return changes;
  const adoptingAt = completedAt ?? new Date(startAt.getTime() + rand.int(30, 44) * DAY_MS);
  if (!add(adoptingAt, 'onboarding', 'adopting')) return changes;
  const matureAt = new Date(startAt.getTime() + rand.int(150, 240) * DAY_MS + rand.int(1, 8) * HOUR_MS);
  if (!add(matureAt, 'adopting', 'mature')) return changes;
  for (let k = 1; ; k++) {
    const due = anniversary(startDay, k);
    const windowAt = new Date(due.getTime() - rand.int(60, 90) * DAY_MS + rand.int(1, 12) * HOUR_MS);
    if (!add(windowAt, 'mature', 'renewal', true)) return changes;
    if (!add(new Date(due.getTime() + rand.int(9, 17) * HOUR_MS), 'renewal', 'mature')) return changes;
  }
}

export type PlanOptions = {
  orgId: string;
  now: Date;
  csms: readonly Person[];
  admin: Person;
  externalIdPrefix: string;
  /** contract age in days per account index (5-729); drawn at random when not given */
  ageDays?: readonly number[];
};

/** Plans account `index`: the row, its owner, seats history and stage history. */
export function planAccount(rand: Random, opts: PlanOptions, name: string, index: number): AccountPlan {
  const { now } = opts;
  const segment = rand.weighted(SEGMENT_WEIGHTS);
  const ageDays = opts.ageDays?.[index] ?? rand.int(5, 729);
  const startDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ageDays));
  // contracts start in business hours, so the "Account created" event looks like a human did it
  const startAt = new Date(startDay.getTime() + rand.int(8, 17) * HOUR_MS + rand.int(0, 59) * 60_000);

  const ownerKind = rand.weighted({ csm: 88, admin: 6, none: 6 });
  const owner = ownerKind === 'csm' ? rand.pick(opts.csms) : ownerKind === 'admin' ? opts.admin : null;

  const completedAt =
    ageDays >= 30 && rand.chance(0.9)
      ? new Date(startAt.getTime() + rand.int(14, Math.min(45, ageDays - 2)) * DAY_MS + rand.int(1, 6) * HOUR_MS)
      : null;
  const stageChanges = stageHistory(rand, startAt, startDay, completedAt, now);
  const stage = stageChanges.length ? stageChanges[stageChanges.length - 1].to : 'onboarding';

  let k = 1;
  while (anniversary(startDay, k) <= now) k++;

  const seats = seatsFor(rand, segment);
  let initialSeats = seats;
  let seatChangeAt: Date | null = null;
  if (ageDays > 90 && rand.chance(0.35)) {
    const factor = rand.chance(0.8) ? 0.6 + rand.next() * 0.3 : 1.1 + rand.next() * 0.2;
    initialSeats = Math.max(1, Math.round(seats * factor));
    seatChangeAt = rand.dateBetween(new Date(startAt.getTime() + 60 * DAY_MS), new Date(now.getTime() - DAY_MS));
    if (initialSeats === seats) seatChangeAt = null;
  }

  return {
    row: {
      orgId: opts.orgId,
      id: rand.uuid(),
      name,
      domain: domainFor(rand, name),
      externalId: `${opts.externalIdPrefix}-${String(index + 1).padStart(6, '0')}`,
      ownerId: owner?.id ?? null,
      segment,
      stage,
      licensedSeats: seats,
      contractStart: isoDate(startDay),
      nextRenewalDate: isoDate(anniversary(startDay, k)),
      onboardingCompletedAt: stage === 'onboarding' ? null : completedAt,
      archivedAt: null,
      createdAt: startAt,
      updatedAt: startAt,
    },
    startAt,
    owner,
    initialSeats,
    seatChangeAt,
    stageChanges,
  };
}
