import type { Tx } from '@/db';
import { surveyInvitations, surveyResponses, surveys, type SurveyKind } from '@/db/schema';
import { surveyTokenHash } from '@/lib/surveys/token';
import { DEFAULT_FOLLOW_UP, defaultQuestion } from '@/lib/validation/surveys';
import { insertRows } from './bulk-insert';
import { DAY_MS } from './accounts';
import type { DemoData } from './demo';
import { createRandom, type Random } from './random';
import type { UsagePlan } from './usage';

// The demo org's surveys: 18 months of closed NPS (quarterly), CSAT and CES surveys whose answers follow each account's
// story (churning and declining accounts answer low, healthy ones high), and one open NPS survey with unanswered links
// to primary contacts, so a new user can answer one as a customer from the outbox page. Deterministic; bulk inserts.

type SurveyRow = typeof surveys.$inferInsert & { id: string };
type LinkRow = typeof surveyInvitations.$inferInsert & { id: string };
type ResponseRow = typeof surveyResponses.$inferInsert;
type Mood = 'happy' | 'meh' | 'unhappy';

const COMMENTS: Record<Mood, string[]> = {
  happy: ['The dashboards save our team hours every week.', 'Support answers fast and knows the product.', 'Easy to roll out to new teams.', 'Reports are exactly what our execs want.'],
  meh: ['Good product, but the exports are slow.', 'Does the job; onboarding took longer than planned.', 'We would like more integrations.'],
  unhappy: ['Too expensive for how little we use it.', 'Our team stopped logging in after the reorg.', 'Missing features we were promised.', 'Support tickets take days to get an answer.'],
};

// Score weights per mood on each scale (index = score − scale minimum).
const WEIGHTS: Record<SurveyKind, Record<Mood, number[]>> = {
  nps: { happy: [0, 0, 0, 0, 0, 1, 2, 5, 12, 30, 40], meh: [0, 1, 1, 2, 4, 8, 12, 25, 25, 10, 5], unhappy: [6, 6, 8, 12, 14, 16, 14, 10, 6, 2, 1] },
  csat: { happy: [1, 2, 5, 40, 52], meh: [5, 15, 35, 35, 10], unhappy: [30, 35, 20, 10, 5] },
  ces: { happy: [0, 1, 2, 5, 15, 40, 37], meh: [2, 6, 14, 30, 28, 15, 5], unhappy: [15, 20, 25, 20, 12, 5, 3] },
};
const MIN: Record<SurveyKind, number> = { nps: 0, csat: 1, ces: 1 };

function draw(rand: Random, weights: number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = rand.next() * total;
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
  return weights.length - 1;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** How the account feels at `at`: unhappy in the 180 days before a churn or while declining lately, else mostly happy. */
function moodOf(plan: UsagePlan | undefined, at: Date, now: Date, rand: Random): Mood {
  if (plan?.churnDate) {
    const left = Date.parse(plan.churnDate) - at.getTime();
    if (left > 0 && left < 180 * DAY_MS) return rand.chance(0.8) ? 'unhappy' : 'meh';
  }
  if (plan?.declining && now.getTime() - at.getTime() < 150 * DAY_MS) return rand.chance(0.6) ? 'unhappy' : 'meh';
  return rand.chance(0.7) ? 'happy' : 'meh';
}

const payingAt = (plan: UsagePlan | undefined, at: Date) =>
  Boolean(plan?.paying.some((p) => p.from <= day(at) && (p.to === null || day(at) < p.to)));

type Plan = { kind: SurveyKind; name: string; topic?: string; monthsAgo: number; perAccount: number };

// NPS each quarter; CSAT on support and CES on onboarding twice a year, offset so they rarely coincide.
const PLANS: Plan[] = [
  // the latest ~76 days ago: inside the default 90-day cooldown, so the send preview shows that reason
  ...[17.5, 14.5, 11.5, 8.5, 5.5, 2.5].map((m, i) => ({ kind: 'nps' as const, name: `Relationship NPS ${i + 1}`, monthsAgo: m, perAccount: 3 })),
  ...[17, 11, 5].map((m, i) => ({ kind: 'csat' as const, name: `Support CSAT ${i + 1}`, topic: 'our support team', monthsAgo: m, perAccount: 2 })),
  ...[16, 10, 4].map((m, i) => ({ kind: 'ces' as const, name: `Onboarding CES ${i + 1}`, topic: 'get my team set up', monthsAgo: m, perAccount: 2 })),
];

/** The demo org's survey rows (surveys, links, answers); the other org gets none. */
export function generateSurveys(data: DemoData, now: Date, seed: number) {
  const rand = createRandom((seed ^ 0x3c6ef372) >>> 0);
  const org = data.organizations[0];
  const admin = data.memberships.find((m) => m.orgId === org.id && m.role === 'owner')!.userId;
  const plans = new Map(data.usage.plans.map((p) => [p.accountId, p]));
  const accounts = data.accounts.filter((a) => a.orgId === org.id);
  const people = new Map<string, DemoData['stakeholders']>();
  for (const s of data.stakeholders) if (s.orgId === org.id) people.set(s.accountId, [...(people.get(s.accountId) ?? []), s]);
  const out = { surveys: [] as SurveyRow[], links: [] as LinkRow[], responses: [] as ResponseRow[] };

  const survey = (kind: SurveyKind, name: string, topic: string | undefined, at: Date, status: 'open' | 'closed') => {
    const row: SurveyRow = {
      id: rand.uuid(), orgId: org.id, kind, name, question: defaultQuestion(kind, org.name, topic), followUpQuestion: DEFAULT_FOLLOW_UP,
      topic: topic ?? null, status, linkExpiryDays: 30, createdBy: admin, createdAt: new Date(at.getTime() - DAY_MS), updatedAt: at,
    };
    out.surveys.push(row);
    return row;
  };

  for (const p of PLANS) {
    const sentAt = new Date(now.getTime() - p.monthsAgo * 30.4 * DAY_MS);
    const s = survey(p.kind, p.name, p.topic, sentAt, 'closed');
    for (const a of accounts) {
      if (!payingAt(plans.get(a.id), sentAt)) continue;
      const reachable = (people.get(a.id) ?? []).filter((x) => x.email && !x.doNotSurvey && x.createdAt < sentAt && (!x.leftAt || x.leftAt > sentAt));
      for (const person of reachable.slice(0, p.perAccount)) {
        const id = rand.uuid();
        const answered = rand.chance(0.55) ? new Date(Math.min(sentAt.getTime() + rand.int(1, 240) * 3_600_000, now.getTime() - 60_000)) : null;
        out.links.push({
          id, orgId: org.id, surveyId: s.id, accountId: a.id, stakeholderId: person.id, email: person.email ?? null, tokenHash: '',
          sentAt, expiresAt: new Date(sentAt.getTime() + 30 * DAY_MS), respondedAt: answered, delivery: 'sent', sentBy: admin,
        });
        if (!answered) continue;
        const mood = moodOf(plans.get(a.id), sentAt, now, rand);
        out.responses.push({
          orgId: org.id, surveyId: s.id, invitationId: id, accountId: a.id, stakeholderId: person.id,
          score: MIN[p.kind] + draw(rand, WEIGHTS[p.kind][mood]), comment: rand.chance(0.35) ? rand.pick(COMMENTS[mood]) : null,
          createdAt: answered, updatedAt: answered,
        });
      }
    }
  }

  // The open survey: links sent 3 days ago to the primary contacts of 8 paying accounts, waiting in the outbox.
  const openAt = new Date(now.getTime() - 3 * DAY_MS);
  const open = survey('nps', 'Q4 relationship NPS', undefined, openAt, 'open');
  const primaries = accounts
    .filter((a) => payingAt(plans.get(a.id), openAt))
    .map((a) => (people.get(a.id) ?? []).find((x) => x.isPrimary && x.email && !x.leftAt && !x.doNotSurvey))
    .filter((x) => x !== undefined)
    .slice(0, 8);
  for (const person of primaries) {
    out.links.push({
      id: rand.uuid(), orgId: org.id, surveyId: open.id, accountId: person.accountId, stakeholderId: person.id, email: person.email ?? null,
      tokenHash: '', sentAt: openAt, expiresAt: new Date(openAt.getTime() + 30 * DAY_MS), delivery: 'outbox', sentBy: admin,
    });
  }
  return out;
}

/** Inserts the demo surveys inside the seed's transaction; token hashes need the server secret, so they are made here. */
export async function seedSurveys(tx: Tx, data: DemoData, now: Date, seed: number): Promise<{ surveys: number; surveyInvitations: number; surveyResponses: number }> {
  const g = generateSurveys(data, now, seed);
  await insertRows(tx, surveys, g.surveys);
  await insertRows(tx, surveyInvitations, g.links.map((l) => ({ ...l, tokenHash: surveyTokenHash(l.id) })));
  await insertRows(tx, surveyResponses, g.responses);
  return { surveys: g.surveys.length, surveyInvitations: g.links.length, surveyResponses: g.responses.length };
}
