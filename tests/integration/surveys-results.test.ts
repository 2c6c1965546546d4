import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { organizations } from '@/db/schema';
import { getAccountSurveySummary, getNpsSeries, getSurveyScores } from '@/lib/dal/kpis/surveys';
import { getSurveyResults } from '@/lib/dal/survey-results';
import { addMonths, startOfMonth } from '@/lib/kpi/period';
import { expectAppError, makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { insertAnswers, insertSurvey, times } from './surveys-helpers';

const DAY_MS = 86_400_000;
// NPS 30 from 5 promoters, 3 passives, 2 detractors: p = .5, d = .2, half = 1.96 × 100 × √((.7 − .09) / 10)
const HALF = 1.96 * 100 * Math.sqrt(0.061);

describe('survey results', () => {
  it('scores 5 promoters, 3 passives, 2 detractors as NPS 30 with n 10 and its interval, and fills the distribution', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const acc = await makeAccount(o.org.id);
    const s = await insertSurvey(o.org.id, 'nps');
    await insertAnswers(o.org.id, s.id, [
      ...times(3, { score: 10, accountId: acc.id }), ...times(2, { score: 9, accountId: acc.id }),
      ...times(2, { score: 8, accountId: acc.id }), { score: 7, accountId: acc.id }, { score: 6, accountId: acc.id }, { score: 0, accountId: acc.id },
    ]);
    const r = await getSurveyResults(viewer, s.id);
    expect(r.score.value).toBe(30);
    expect(r.score.n).toBe(10);
    expect(r.score.low).toBeCloseTo(30 - HALF, 10);
    expect(r.score.high).toBeCloseTo(30 + HALF, 10);
    expect(r.score.detail).toEqual({ promoters: 5, passives: 3, detractors: 2 });
    expect(r.distribution).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((score) => ({
      score, count: ({ 0: 1, 6: 1, 7: 1, 8: 2, 9: 2, 10: 3 } as Record<number, number>)[score] ?? 0,
    })));
  });

  it('buckets the trend by calendar month in the org\'s timezone', async () => {
    const o = await makeOrg();
    await db.update(organizations).set({ timezone: 'America/New_York' }).where(eq(organizations.id, o.org.id));
    const viewer = await o.ctx('viewer');
    const s = await insertSurvey(o.org.id, 'csat');
    await insertAnswers(o.org.id, s.id, [
      // 22:00 on Feb 28 in New York: February
      { score: 5, createdAt: new Date('2025-03-01T03:00:00Z') },
      // 01:00 on Mar 1 in New York: March
      { score: 1, createdAt: new Date('2025-03-01T06:00:00Z') },
      { score: 4, createdAt: new Date('2025-03-31T23:30:00Z') },
      // 00:30 on Apr 1 in New York
      { score: 2, createdAt: new Date('2025-04-01T04:30:00Z') },
      // nothing in May and June: those months are rows without a score
      { score: 5, createdAt: new Date('2025-07-10T12:00:00Z') },
    ]);
    const r = await getSurveyResults(viewer, s.id);
    expect(r.trend.map((p) => [p.month, p.score.n, p.score.value])).toEqual([
      ['2025-02', 1, 100], ['2025-03', 2, 50], ['2025-04', 1, 0], ['2025-05', 0, null], ['2025-06', 0, null], ['2025-07', 1, 100],
    ]);
    expect(r.timezone).toBe('America/New_York');
  });

  it('filters by segment and account (anonymous answers only without a filter) and pages the comments', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const ent = await makeAccount(o.org.id, { segment: 'enterprise', name: 'Big Co' });
    const smb = await makeAccount(o.org.id, { segment: 'smb', name: 'Tiny Co' });
    const ann = await makeStakeholder(o.org.id, ent.id, { name: 'Ann' });
    const s = await insertSurvey(o.org.id, 'ces');
    const t0 = Date.now() - 5 * DAY_MS;
    await insertAnswers(o.org.id, s.id, [
      { score: 7, accountId: ent.id, stakeholderId: ann.id, comment: 'Easy', createdAt: new Date(t0) },
      { score: 3, accountId: smb.id, comment: '  ', createdAt: new Date(t0 + 1000) },
      { score: 5, comment: 'Anonymous says hi', createdAt: new Date(t0 + 2000) },
      ...Array.from({ length: 26 }, (_, i) => ({ score: 6, accountId: smb.id, comment: `c${i}`, createdAt: new Date(t0 + 10_000 + i) })),
    ]);
    const all = await getSurveyResults(viewer, s.id);
    expect(all.score.n).toBe(29);
    expect(all.comments.total).toBe(28);
    expect(all.comments.rows).toHaveLength(25);
    expect(all.comments.rows[0]).toMatchObject({ comment: 'c25', accountName: 'Tiny Co', stakeholderName: null });
    const page2 = await getSurveyResults(viewer, s.id, { page: '2' });
    expect(page2.comments.rows.map((c) => c.comment)).toEqual(['c0', 'Anonymous says hi', 'Easy']);
    expect(page2.comments.rows[1]).toMatchObject({ accountId: null, accountName: null, stakeholderName: null });
    expect(page2.comments.rows[2]).toMatchObject({ accountName: 'Big Co', stakeholderName: 'Ann' });

    const bySegment = await getSurveyResults(viewer, s.id, { segment: 'enterprise' });
    expect([bySegment.score.n, bySegment.score.value, bySegment.comments.total]).toEqual([1, 7, 1]);
    const byAccount = await getSurveyResults(viewer, s.id, { account: smb.id });
    expect(byAccount.score.n).toBe(27);
    expect(byAccount.score.value).toBeCloseTo((3 + 26 * 6) / 27, 12);
    // a bad filter falls back to none; another org's account id just matches nothing
    expect((await getSurveyResults(viewer, s.id, { segment: 'galactic', account: 'x' })).score.n).toBe(29);
    const stranger = await makeAccount((await makeOrg()).org.id);
    expect((await getSurveyResults(viewer, s.id, { account: stranger.id })).score).toMatchObject({ n: 0, value: null, reason: 'No answer matches these filters.' });
  });
});

describe('survey KPIs', () => {
  it('getSurveyScores counts every answer in [start, end), anonymous ones for the org only', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const acc = await makeAccount(o.org.id);
    const nps = await insertSurvey(o.org.id, 'nps');
    const csat = await insertSurvey(o.org.id, 'csat');
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    await insertAnswers(o.org.id, nps.id, [
      { score: 10, accountId: acc.id, createdAt: at('2025-01-10') }, { score: 2, accountId: acc.id, createdAt: at('2025-01-20') },
      { score: 9, createdAt: at('2025-01-31') }, { score: 0, accountId: acc.id, createdAt: at('2025-02-01') },
    ]);
    await insertAnswers(o.org.id, csat.id, [{ score: 4, accountId: acc.id, createdAt: at('2025-01-05') }, { score: 2, createdAt: at('2025-01-06') }]);
    const jan = await getSurveyScores(viewer, { start: '2025-01-01', end: '2025-02-01' });
    expect([jan.nps.value, jan.nps.n]).toEqual([(100 * (2 - 1)) / 3, 3]);
    expect([jan.csat.value, jan.csat.n, jan.csat.detail?.mean]).toEqual([50, 2, 3]);
    expect(jan.ces).toMatchObject({ value: null, n: 0, reason: 'No answer in the period.', low: null, high: null });
    const scoped = await getSurveyScores(viewer, { start: '2025-01-01', end: '2025-02-01', scope: { kind: 'account', accountId: acc.id } });
    expect([scoped.nps.value, scoped.nps.n, scoped.csat.n]).toEqual([0, 2, 1]);
    await expectAppError(getSurveyScores(viewer, { start: '2025-02-01', end: '2025-01-01' }), 'VALIDATION');
  });

  it('getNpsSeries gives one point per month, this month last', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const s = await insertSurvey(o.org.id, 'nps');
    const thisMonth = startOfMonth(new Date().toISOString().slice(0, 10));
    const lastMonth = addMonths(thisMonth, -1);
    await insertAnswers(o.org.id, s.id, [
      { score: 10, createdAt: new Date(`${lastMonth}T12:00:00Z`) }, { score: 3, createdAt: new Date(`${lastMonth}T13:00:00Z`) },
      { score: 9, createdAt: new Date(`${thisMonth}T00:30:00Z`) },
    ]);
    const series = await getNpsSeries(viewer, 3);
    expect(series.points.map((p) => [p.start, p.value, p.n])).toEqual([
      [addMonths(thisMonth, -2), null, 0], [lastMonth, 0, 2], [thisMonth, 100, 1],
    ]);
    expect(series.points[0].reason).toBe('No NPS answer in the month.');
  });

  it('getAccountSurveySummary uses the account\'s answers of 180 days, never anonymous ones', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const acc = await makeAccount(o.org.id);
    const bo = await makeStakeholder(o.org.id, acc.id, { name: 'Bo' });
    const s = await insertSurvey(o.org.id, 'nps', { name: 'Quarterly' });
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
    await insertAnswers(o.org.id, s.id, [
      { score: 10, accountId: acc.id, stakeholderId: bo.id, comment: 'Love it', createdAt: ago(1) },
      { score: 6, accountId: acc.id, createdAt: ago(30) },
      { score: 0, accountId: acc.id, createdAt: ago(200) },
      ...times(5, { score: 0, createdAt: ago(2) }),
    ]);
    const sum = await getAccountSurveySummary(viewer, acc.id);
    expect([sum.scores.nps.value, sum.scores.nps.n]).toEqual([0, 2]);
    expect(sum.scores.csat.value).toBeNull();
    expect(sum.latest.map((a) => [a.score, a.stakeholderName, a.comment])).toEqual([[10, 'Bo', 'Love it'], [6, null, null], [0, null, null]]);
    expect(sum.latest[0].surveyName).toBe('Quarterly');
    // the org's score does count the anonymous detractors
    const today = new Date().toISOString().slice(0, 10);
    const org = await getSurveyScores(viewer, { start: addMonths(today, -12), end: addMonths(today, 1) });
    expect(org.nps.n).toBe(8);
    await expectAppError(getAccountSurveySummary(await (await makeOrg()).ctx('owner'), acc.id), 'NOT_FOUND');
  });
});
