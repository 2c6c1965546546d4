import { describe, expect, it } from 'vitest';
import {
  describeFactor, explainChange, factorLines, factorMoves, happenedLines, localDay, type FactorDetail, type Happening, type ScoreRow,
} from './explain';

const f = (value: number | null, weight: number): FactorDetail => ({ value, weight, points: value === null ? null : value * weight });

const row = (day: string, score: number | null, factors: Record<string, FactorDetail>, configVersion = 1): ScoreRow => ({
  day, score, factors, configVersion, missing: Object.keys(factors).filter((k) => factors[k].value === null),
});

describe('describeFactor', () => {
  it.each([
    ['licenseUtilization', f(38, 0.15), 'License utilization 38 %: 5.7 of 15 points'],
    ['usageFrequency', f(100, 0.2), 'Usage frequency 100 %: 20.0 of 20 points'],
    ['nps', f(62.5, 1 / 6), 'NPS 63 %: 10.4 of 16.7 points'],
    ['support', f(0, 0.1), 'Support 0 %: 0.0 of 10 points'],
    ['nps', f(null, 0), 'NPS: missing, no NPS answer in 180 days; its weight goes to the other factors'],
    ['licenseUtilization', undefined, 'License utilization: missing, the account has no seat count; its weight goes to the other factors'],
    ['brandNewFactor', f(50, 0.1), 'Brand new factor 50 %: 5.0 of 10 points'],
  ])('%s %j → %s', (key, detail, text) => {
    expect(describeFactor(key, detail)).toBe(text);
  });
});

describe('factorLines', () => {
  it('lists the factors in the standard order with the missing ones and their reasons', () => {
    const lines = factorLines(row('2026-05-03', 50, { support: f(40, 0.5), nps: f(null, 0), usageFrequency: f(60, 0.5) }));
    expect(lines.map((l) => [l.key, l.value, l.points, l.outOf, l.missingReason])).toEqual([
      ['usageFrequency', 60, 30, 50, null],
      ['nps', null, null, 0, 'no NPS answer in 180 days'],
      ['support', 40, 20, 50, null],
    ]);
  });
});

describe('factorMoves', () => {
  const then = row('2026-05-02', 60, { usageFrequency: f(80, 0.4), licenseUtilization: f(50, 0.3), support: f(100, 0.3), nps: f(null, 0) });
  it.each<[string, ScoreRow, string[]]>([
    ['nothing moved', { ...then, day: '2026-05-03' }, []],
    ['largest move first, small moves dropped', row('2026-05-03', 55, {
      usageFrequency: f(60, 0.4), licenseUtilization: f(49.9, 0.3), support: f(85, 0.3), nps: f(null, 0),
    }), ['Usage frequency −8.0 points (80 % → 60 %)', 'Support −4.5 points (100 % → 85 %)']],
    ['a factor appears', row('2026-05-03', 64, {
      usageFrequency: f(80, 0.32), licenseUtilization: f(50, 0.24), support: f(100, 0.24), nps: f(50, 0.2),
    }), [
      'NPS now counted: 50 % (10.0 points)', 'Usage frequency −6.4 points (80 % → 80 %)', 'Support −6.0 points (100 % → 100 %)',
      'License utilization −3.0 points (50 % → 50 %)',
    ]],
    ['a factor disappears', row('2026-05-03', 86, { usageFrequency: f(80, 4 / 7), licenseUtilization: f(null, 0), support: f(100, 3 / 7), nps: f(null, 0) }), [
      'License utilization now missing: the account has no seat count (was 50 %, 15.0 points)',
      'Usage frequency +13.7 points (80 % → 80 %)',
      'Support +12.9 points (100 % → 100 %)',
    ]],
  ])('%s', (_name, now, expected) => {
    expect(factorMoves(now, then)).toEqual(expected);
  });

  it('keeps only the top moves but always the factors that appeared or disappeared', () => {
    const now = row('2026-05-03', 10, { usageFrequency: f(79, 0.4), licenseUtilization: f(40, 0.3), support: f(90, 0.3), nps: f(20, 0) });
    expect(factorMoves(now, then, 1)).toEqual(['License utilization −3.0 points (50 % → 40 %)', 'NPS now counted: 20 % (0.0 points)']);
  });
});

describe('happenedLines', () => {
  const h: Happening[] = [
    { kind: 'answer', at: '2026-05-03T10:00:00Z', survey: 'nps', score: 3, who: 'Jane Doe' },
    { kind: 'answer', at: '2026-05-02T10:00:00Z', survey: 'csat', score: 2, who: null },
    { kind: 'ticketOpened', at: '2026-05-03T08:00:00Z', highPriority: true },
    { kind: 'ticketOpened', at: '2026-05-03T09:00:00Z', highPriority: false },
    { kind: 'ticketClosed', at: '2026-05-03T09:30:00Z' },
    { kind: 'event', at: '2026-05-03T23:30:00Z', summary: 'Jane Doe (Champion) left Acme.' },
    { kind: 'event', at: '2026-05-01T12:00:00Z', summary: 'Too early' },
  ];

  it.each<[string, string, string, string[]]>([
    ['one day in UTC', 'UTC', '2026-05-02', [
      'NPS 3 from Jane Doe on May 3', '2 tickets opened (1 high priority), the latest on May 3', '1 ticket closed',
      'Jane Doe (Champion) left Acme on May 3',
    ]],
    // 23:30 UTC on May 3 is already May 4 in Tokyo: outside the window ending on May 3
    ['one day in Tokyo', 'Asia/Tokyo', '2026-05-02', [
      'NPS 3 from Jane Doe on May 3', '2 tickets opened (1 high priority), the latest on May 3', '1 ticket closed',
    ]],
    ['two days in UTC, anonymous answer without a name', 'UTC', '2026-05-01', [
      'NPS 3 from Jane Doe on May 3', 'CSAT 2 on May 2', '2 tickets opened (1 high priority), the latest on May 3', '1 ticket closed',
      'Jane Doe (Champion) left Acme on May 3',
    ]],
  ])('%s', (_name, tz, after, expected) => {
    expect(happenedLines(h, after, '2026-05-03', tz)).toEqual(expected);
  });

  it('in New York, 01:00 UTC on May 3 is still May 2', () => {
    expect(localDay('2026-05-03T01:00:00Z', 'America/New_York')).toBe('2026-05-02');
    expect(happenedLines([{ kind: 'ticketOpened', at: '2026-05-03T01:00:00Z', highPriority: false }], '2026-05-01', '2026-05-02', 'America/New_York'))
      .toEqual(['1 ticket opened on May 2']);
  });

  it('lists at most maxEvents events and counts the rest', () => {
    const events: Happening[] = Array.from({ length: 4 }, (_, i) => ({ kind: 'event', at: `2026-05-03T1${i}:00:00Z`, summary: `E${i}` }));
    expect(happenedLines(events, '2026-05-02', '2026-05-03', 'UTC', 2)).toEqual(['E3 on May 3', 'E2 on May 3', '2 more events on the timeline']);
  });
});

describe('explainChange', () => {
  const then = row('2026-05-02', 68, { usageFrequency: f(80, 0.5), support: f(56, 0.5) });
  const nps3: Happening = { kind: 'answer', at: '2026-05-03T10:00:00Z', survey: 'nps', score: 3, who: 'Jane Doe' };
  const opts = { since: 'yesterday' as const, timeZone: 'UTC' };

  it.each<[string, ScoreRow, ScoreRow | null, Happening[], Partial<ReturnType<typeof explainChange>>]>([
    ['score down with a reason', row('2026-05-03', 56, { usageFrequency: f(56, 0.5), support: f(56, 0.5) }), then, [nps3], {
      delta: -12, headline: 'Down 12 points, from 68 to 56.', comparedDay: '2026-05-02',
      summary: '−12: Usage frequency −12.0 points (80 % → 56 %); NPS 3 from Jane Doe on May 3',
    }],
    ['score up', row('2026-05-03', 69, { usageFrequency: f(82, 0.5), support: f(56, 0.5) }), then, [], {
      delta: 1, headline: 'Up 1 point, from 68 to 69.', summary: '+1: Usage frequency +1.0 points (80 % → 82 %)',
    }],
    ['same score, nothing happened', { ...then, day: '2026-05-03' }, then, [], {
      delta: 0, headline: 'Unchanged at 68.', reasons: [], summary: '±0: no factor moved and nothing was recorded',
    }],
    ['no score now', row('2026-05-03', null, { usageFrequency: f(null, 0), support: f(null, 0) }), then, [], {
      delta: null, headline: 'Not enough data now (it was 68).',
    }],
    ['no baseline', { ...then, day: '2026-05-03' }, null, [nps3], {
      delta: null, comparedDay: null, reasons: [], headline: 'No score from a day or more before 2026-05-03 to compare with yet.',
    }],
    ['config changed', row('2026-05-03', 68, { usageFrequency: f(80, 0.5), support: f(56, 0.5) }, 2), then, [], {
      reasons: ['The health settings changed (version 1 → 2)'],
    }],
  ])('%s', (_name, latest, baseline, happenings, expected) => {
    expect(explainChange(latest, baseline, happenings, opts)).toMatchObject(expected);
  });

  it('says "Since last week" for the weekly comparison', () => {
    expect(explainChange(then, null, [], { since: 'last week', timeZone: 'UTC' }).title).toBe('Since last week');
  });
});
