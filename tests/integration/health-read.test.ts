import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, organizations, surveyInvitations, surveyResponses, surveys, tickets } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { getAccountHealth } from '@/lib/dal/health-read';
import { found } from '@/lib/found';
import { explainChange } from '@/lib/health/explain';
import { expectAppError, makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { flatFactors, insertScores, setCurrent } from './health-read-fixtures';

// One account of an org in Tokyo, scored on a handful of days; latest 2026-05-03.
let ctx: TenantCtx;
let viewer: TenantCtx;
let other: TenantCtx;
let accountId: string;

async function answer(orgId: string, acct: string, stakeholderId: string, score: number, at: string) {
  const [s] = await db.insert(surveys).values({ orgId, kind: 'nps', name: 'Q2 NPS', question: 'How likely…?', status: 'open' }).returning();
  const [inv] = await db.insert(surveyInvitations)
    .values({ orgId, surveyId: s.id, accountId: acct, stakeholderId, tokenHash: randomUUID() }).returning();
  await db.insert(surveyResponses).values({
    orgId, surveyId: s.id, invitationId: inv.id, accountId: acct, stakeholderId, score, createdAt: new Date(at),
  });
}

async function event(orgId: string, acct: string, kind: string, summary: string, at: string) {
  await db.insert(accountEvents).values({ orgId, accountId: acct, kind, summary, actorType: 'system', occurredAt: new Date(at) });
}

beforeAll(async () => {
  const org = await makeOrg({ roles: ['viewer'] });
  await db.update(organizations).set({ timezone: 'Asia/Tokyo' }).where(eq(organizations.id, org.org.id));
  ctx = await org.ctx('owner');
  viewer = await org.ctx('viewer');
  other = await (await makeOrg({ roles: [] })).ctx('owner');
  const a = await makeAccount(ctx, { name: 'Scored' });
  accountId = a.id;
  const jane = await makeStakeholder(ctx, a.id, { name: 'Jane Doe', role: 'champion' });
  await insertScores(ctx.orgId, a.id, [
    { day: '2025-05-03', score: 90 }, // exactly 12 months before the latest: outside the trend
    { day: '2025-05-04', score: 85 },
    { day: '2026-01-15', score: null },
    { day: '2026-04-20', score: 72 },
    { day: '2026-05-01', score: 68 },
    { day: '2026-05-03', score: 56, configVersion: 2, factors: { ...flatFactors(56), nps: { value: null, weight: 0, points: null } }, missing: ['nps'] },
  ]);
  await setCurrent(ctx.orgId, a.id, 56);
  await answer(ctx.orgId, a.id, jane.id, 3, '2026-05-02T03:00:00Z');
  await db.insert(tickets).values({ orgId: ctx.orgId, accountId: a.id, priority: 'high', openedAt: new Date('2026-05-02T05:00:00Z') });
  await event(ctx.orgId, a.id, 'ticket.opened', 'Ticket opened: duplicate of the tickets table', '2026-05-02T05:00:00Z');
  await event(ctx.orgId, a.id, 'stakeholder.left', 'Jane Doe (Champion) left Scored', '2026-04-20T16:00:00Z'); // Apr 21 in Tokyo
  await event(ctx.orgId, a.id, 'note', 'Too early: Apr 20 in Tokyo', '2026-04-20T14:00:00Z');
});

describe('getAccountHealth', () => {
  it('returns the current score, the latest row and the rows 1 and 7 days before it', async () => {
    const h = await getAccountHealth(viewer, accountId);
    expect(h.timezone).toBe('Asia/Tokyo');
    expect([h.current.score, h.current.band]).toEqual([56, 'yellow']);
    expect([h.latest?.day, h.latest?.score, h.latest?.configVersion, h.latest?.missing]).toEqual(['2026-05-03', 56, 2, ['nps']]);
    expect(h.latest?.factors.nps).toEqual({ value: null, weight: 0, points: null });
    expect([h.dayBefore?.day, h.dayBefore?.score]).toEqual(['2026-05-01', 68]);
    expect([h.weekBefore?.day, h.weekBefore?.score]).toEqual(['2026-04-20', 72]);
  });

  it('gives the 12-month trend oldest first, days without a score included', async () => {
    const h = await getAccountHealth(ctx, accountId);
    expect(h.trend).toEqual([
      { day: '2025-05-04', score: 85, band: 'green' },
      { day: '2026-01-15', score: null, band: null },
      { day: '2026-04-20', score: 72, band: 'green' },
      { day: '2026-05-01', score: 68, band: 'yellow' },
      { day: '2026-05-03', score: 56, band: 'yellow' },
    ]);
  });

  it('lists what happened since the day after the week-old row, in the org’s days, without duplicate ticket events', async () => {
    const h = await getAccountHealth(ctx, accountId);
    const kinds = h.happenings.map((x) => (x.kind === 'event' ? `event:${x.summary}` : x.kind)).sort();
    expect(kinds).toEqual(['answer', 'event:Jane Doe (Champion) left Scored', 'ticketOpened']);
    expect(h.happenings.find((x) => x.kind === 'answer')).toEqual({ kind: 'answer', at: '2026-05-02T03:00:00.000Z', survey: 'nps', score: 3, who: 'Jane Doe' });

    const week = explainChange(h.latest!, h.weekBefore, h.happenings, { since: 'last week', timeZone: h.timezone });
    expect(week.headline).toBe('Down 16 points, from 72 to 56.');
    expect(week.reasons).toEqual(expect.arrayContaining([
      'The health settings changed (version 1 → 2)',
      'NPS 3 from Jane Doe on May 2',
      '1 ticket opened (1 high priority) on May 2',
      'Jane Doe (Champion) left Scored on Apr 21',
    ]));
    const day = explainChange(h.latest!, h.dayBefore, h.happenings, { since: 'yesterday', timeZone: h.timezone });
    expect(day.summary.startsWith('−12: ')).toBe(true);
    expect(day.reasons.some((r) => r.includes('left Scored'))).toBe(false);
  });

  it('has nothing to compare for an account never scored', async () => {
    const fresh = await makeAccount(ctx, { name: 'Never scored' });
    expect(await getAccountHealth(ctx, fresh.id)).toMatchObject({
      current: { score: null, band: null, updatedAt: null }, latest: null, dayBefore: null, weekBefore: null, trend: [], happenings: [],
    });
  });

  it('is NOT_FOUND for another org’s account or a malformed id, and the page turns it into a 404', async () => {
    await expectAppError(getAccountHealth(other, accountId), 'NOT_FOUND');
    await expectAppError(getAccountHealth(ctx, 'not-a-uuid'), 'NOT_FOUND');
    await expect(found(getAccountHealth(other, accountId))).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    // org B's own account with A's rows' dates: nothing of A's leaks in
    const mine = await makeAccount(other, { name: 'B account' });
    expect((await getAccountHealth(other, mine.id)).trend).toEqual([]);
  });
});
