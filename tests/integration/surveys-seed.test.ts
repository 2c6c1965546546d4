import { describe, expect, it } from 'vitest';
import { generateDemo } from '@/db/seed/demo';
import { generateSurveys } from '@/db/seed/surveys';
import { npsFromScores } from '@/lib/kpi/surveys';

const now = new Date('2026-06-15T12:00:00Z');
const DAY_MS = 86_400_000;

describe('demo surveys', () => {
  const data = generateDemo({ now });
  const g = generateSurveys(data, now, 42);

  it('is deterministic and lives in the demo org only, in the past', () => {
    expect(generateSurveys(generateDemo({ now }), now, 42)).toEqual(g);
    const demo = data.organizations[0].id;
    expect(new Set([...g.surveys, ...g.links, ...g.responses].map((r) => r.orgId))).toEqual(new Set([demo]));
    for (const r of g.responses) expect((r.createdAt as Date).getTime()).toBeLessThan(now.getTime());
    expect(g.surveys.filter((s) => s.status === 'closed').map((s) => s.kind).sort().join()).toBe('ces,ces,ces,csat,csat,csat,nps,nps,nps,nps,nps,nps');
    const oldest = Math.min(...g.links.map((l) => (l.sentAt as Date).getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(520 * DAY_MS);
  });

  it('has an open NPS survey with unanswered primary-contact links', () => {
    const open = g.surveys.filter((s) => s.status === 'open');
    expect(open.map((s) => [s.kind, s.name])).toEqual([['nps', 'Q4 relationship NPS']]);
    const links = g.links.filter((l) => l.surveyId === open[0].id);
    expect(links.length).toBeGreaterThanOrEqual(5);
    const primary = new Set(data.stakeholders.filter((s) => s.isPrimary).map((s) => s.id));
    for (const l of links) {
      expect(primary.has(l.stakeholderId!)).toBe(true);
      expect(l).toMatchObject({ delivery: 'outbox' });
      expect(l.respondedAt ?? null).toBeNull();
    }
  });

  it('scores churning accounts far below the others', () => {
    const churned = new Set(data.usage.plans.filter((p) => p.churnDate).map((p) => p.accountId));
    const nps = new Set(g.surveys.filter((s) => s.kind === 'nps').map((s) => s.id));
    const scores = (inChurn: boolean) => g.responses.filter((r) => nps.has(r.surveyId) && churned.has(r.accountId!) === inChurn).map((r) => r.score);
    const healthy = npsFromScores(scores(false))!;
    const churning = npsFromScores(scores(true))!;
    expect(healthy.n).toBeGreaterThan(100);
    expect(healthy.score).toBeGreaterThan(20);
    expect(churning.score).toBeLessThan(healthy.score - 30);
    expect(g.responses.some((r) => r.comment)).toBe(true);
  });
});
