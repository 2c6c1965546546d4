import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db';
import {
  accountEvents, accounts, memberships, organizations, renewals, revenueChanges, stakeholders, tickets, users,
  type Role,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { insertRows } from './bulk-insert';
import { companyNames, DAY_MS, type Person } from './accounts';
import { FIRST_NAMES, LAST_NAMES, OTHER_ORG_COMPANY_NAMES } from './names';
import { generatePortfolio, type AccountRow } from './portfolio';
import { createRandom } from './random';
import type { RevenueRow } from './revenue';
import type { RenewalRow } from './renewals';
import type { StakeholderRow } from './stakeholders';
import type { TicketRow } from './tickets';
import type { EventRow } from './timeline';
import { seedSurveys } from './surveys';
import { seedHealth } from './health';
import { seedPlaybooks } from './playbooks';
import { seedUsage, usageMonthlyEstimates, type UsageMonthlyRow, type UsagePlan } from './usage';

export const DEMO_PASSWORD = 'tenure-demo';
export const DEMO_ORG_SLUG = 'demo';
export const OTHER_ORG_SLUG = 'other';

export type DemoLogin = { email: string; name: string; role: Role; org: string; password: string };

/** The sign-ins `npm start` and the README print. Extra CSMs of big portfolios are not listed. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: 'admin@demo.test', name: 'Alex Rivera', role: 'owner', org: DEMO_ORG_SLUG, password: DEMO_PASSWORD },
  { email: 'csm@demo.test', name: 'Casey Morgan', role: 'csm', org: DEMO_ORG_SLUG, password: DEMO_PASSWORD },
  { email: 'csm2@demo.test', name: 'Jordan Patel', role: 'csm', org: DEMO_ORG_SLUG, password: DEMO_PASSWORD },
  { email: 'viewer@demo.test', name: 'Riley Chen', role: 'viewer', org: DEMO_ORG_SLUG, password: DEMO_PASSWORD },
  { email: 'other@demo.test', name: 'Taylor Brooks', role: 'owner', org: OTHER_ORG_SLUG, password: DEMO_PASSWORD },
];

/**
 * `usageDays`: how many days back per-user usage rows go (default 730 up to 1,000 accounts, else
 * 90: the benchmark's ~5 M rows); older months get estimated monthly rows only.
 */
export type DemoOptions = { seed?: number; accounts?: number; now?: Date; usageDays?: number };

/** Users without the password hash: generateDemo stays synchronous and cheap (no bcrypt). */
export type DemoUser = Omit<typeof users.$inferInsert, 'passwordHash'> & { id: string; email: string };

export type DemoData = {
  organizations: (typeof organizations.$inferInsert & { id: string; slug: string })[];
  users: DemoUser[];
  memberships: (typeof memberships.$inferInsert)[];
  accounts: AccountRow[];
  stakeholders: StakeholderRow[];
  accountEvents: EventRow[];
  revenueChanges: RevenueRow[];
  renewals: RenewalRow[];
  tickets: TicketRow[];
  /** per-user daily rows are generated from the plans while seeding (millions at benchmark size) */
  usage: { from: string; plans: UsagePlan[]; monthlyEstimates: UsageMonthlyRow[] };
};

// One CSM per ~200 accounts, so the benchmark's books are the size a real CSM carries.
const ACCOUNTS_PER_CSM = 200;
// Any constant: two processes seeding at once (several `npm start`s on one PostgreSQL) serialize here.
const SEED_LOCK_KEY = 7_242_020;

/**
 * The demo data set as plain rows: "Acme Analytics" (slug `demo`) with `accounts` accounts and
 * "Other Corp" (slug `other`) with 5. Pure: the same options give the same rows, ids included.
 */
export function generateDemo({ seed = 42, accounts: count = 60, now = new Date(), usageDays }: DemoOptions = {}): DemoData {
  const rand = createRandom(seed);
  // the orgs and people predate every contract (the oldest starts 729 days back)
  const since = new Date(now.getTime() - 760 * DAY_MS);
  const stamps = { createdAt: since, updatedAt: since };
  const demoOrgId = rand.uuid();
  const otherOrgId = rand.uuid();
  const org = (id: string, name: string, slug: string) => ({ id, name, slug, currency: 'USD', timezone: 'UTC', ...stamps });

  const logins = DEMO_LOGINS.map((l) => ({ ...l, id: rand.uuid() }));
  const csmCount = Math.max(2, Math.ceil(count / ACCOUNTS_PER_CSM));
  for (let n = 3; n <= csmCount; n++) {
    const name = `${rand.pick(FIRST_NAMES)} ${rand.pick(LAST_NAMES)}`;
    logins.push({ id: rand.uuid(), email: `csm${n}@demo.test`, name, role: 'csm', org: DEMO_ORG_SLUG, password: DEMO_PASSWORD });
  }
  const orgIds: Record<string, string> = { [DEMO_ORG_SLUG]: demoOrgId, [OTHER_ORG_SLUG]: otherOrgId };
  const person = (email: string): Person => logins.find((l) => l.email === email)!;

  const demo = generatePortfolio(rand, {
    orgId: demoOrgId,
    now,
    names: companyNames(rand, count),
    csms: logins.filter((l) => l.org === DEMO_ORG_SLUG && l.role === 'csm'),
    admin: person('admin@demo.test'),
    externalIdPrefix: 'CRM',
    archived: Math.max(2, Math.round(count * 0.02)),
    storyRand: createRandom((seed ^ 0x2545f491) >>> 0),
    story: { churnShare: 0.12, reactivations: 1, currency: 'USD' },
  });
  // a stream of its own, so Other Corp stays the same whatever the demo org's size
  const otherRand = createRandom((seed ^ 0x5bd1e995) >>> 0);
  const otherOwner = person('other@demo.test');
  const other = generatePortfolio(otherRand, {
    orgId: otherOrgId,
    now,
    names: otherRand.shuffle(OTHER_ORG_COMPANY_NAMES).slice(0, 5),
    csms: [otherOwner],
    admin: otherOwner,
    externalIdPrefix: 'OC',
    archived: 0,
    storyRand: createRandom((seed ^ 0x68e31da4) >>> 0),
    story: { churnShare: 0.12, reactivations: 0, currency: 'USD' },
  });
  const days = usageDays ?? (count <= 1_000 ? 730 : 90);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days)).toISOString().slice(0, 10);
  const plans = [...demo.usage, ...other.usage];

  return {
    organizations: [org(demoOrgId, 'Acme Analytics', DEMO_ORG_SLUG), org(otherOrgId, 'Other Corp', OTHER_ORG_SLUG)],
    users: logins.map(({ id, name, email }) => ({ id, name, email, ...stamps })),
    memberships: logins.map((l) => ({ orgId: orgIds[l.org], userId: l.id, role: l.role, ...stamps })),
    accounts: [...demo.accounts, ...other.accounts],
    stakeholders: [...demo.stakeholders, ...other.stakeholders],
    accountEvents: [...demo.events, ...other.events],
    revenueChanges: [...demo.revenueChanges, ...other.revenueChanges],
    renewals: [...demo.renewals, ...other.renewals],
    tickets: [...demo.tickets, ...other.tickets],
    usage: { from, plans, monthlyEstimates: plans.flatMap((p) => usageMonthlyEstimates(p, from, now)) },
  };
}

export type SeedResult =
  | { created: false }
  | {
    created: true;
    counts: {
      organizations: number; users: number; accounts: number; stakeholders: number; accountEvents: number;
      revenueChanges: number; renewals: number; tickets: number; usageDaily: number; usageMonthly: number;
    };
  };

async function demoExists(q: Tx): Promise<boolean> {
  const found = await q.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG)).limit(1);
  return found.length > 0;
}

/**
 * Inserts the demo data set in one transaction. Idempotent: when an org with slug `demo` exists
 * it changes nothing and returns `{ created: false }`.
 */
export async function seedDemo(db: Database, opts: DemoOptions = {}): Promise<SeedResult> {
  if (await demoExists(db)) return { created: false };
  const now = opts.now ?? new Date();
  const data = generateDemo({ ...opts, now });
  // bcrypt takes ~70 ms: hash once and share it, or 50 benchmark CSMs cost seconds
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx): Promise<SeedResult> => {
    await tx.execute(sql.raw(`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`));
    if (await demoExists(tx)) return { created: false };
    await insertRows(tx, organizations, data.organizations);
    await insertRows(tx, users, data.users.map((u) => ({ ...u, passwordHash })));
    await insertRows(tx, memberships, data.memberships);
    await insertRows(tx, accounts, data.accounts);
    await insertRows(tx, stakeholders, data.stakeholders);
    await insertRows(tx, accountEvents, data.accountEvents);
    await insertRows(tx, revenueChanges, data.revenueChanges);
    await insertRows(tx, renewals, data.renewals);
    await insertRows(tx, tickets, data.tickets);
    await seedSurveys(tx, data, now, opts.seed ?? 42);
    const usage = await seedUsage(tx, data.organizations.map((o) => o.id), data.usage, now);
    // statistics of the rows just inserted (this transaction's own rows count): the health history and the playbook
    // runs below are set-based statements whose plans need them (10,000 accounts: minutes without, seconds with)
    await tx.execute(sql`analyze`);
    // after usage: a year of health history from the dated rows, and today's scores
    await seedHealth(tx, data.organizations.map((o) => o.id), now);
    // after health: the playbooks run over its history, so the inbox has open, snoozed and resolved alerts
    await seedPlaybooks(tx, data.organizations[0].id, now);
    return {
      created: true,
      counts: {
        organizations: data.organizations.length,
        users: data.users.length,
        accounts: data.accounts.length,
        stakeholders: data.stakeholders.length,
        accountEvents: data.accountEvents.length,
        revenueChanges: data.revenueChanges.length,
        renewals: data.renewals.length,
        tickets: data.tickets.length,
        ...usage,
      },
    };
  });
}
