import { describe, expect, it } from 'vitest';
import type { PlaybookParams, PlaybookTrigger } from '@/db/schema/playbooks';
import { alertReason, usageChange, type AlertFacts } from './reason';
import { monthMasks, usageWindows } from './usage-window';

const jane = { kind: 'nps' as const, score: 3, name: 'Jane Doe', role: 'champion', at: '2026-03-10T00:00:00Z' };

describe('alertReason', () => {
  it.each<[PlaybookTrigger, PlaybookParams, AlertFacts, string]>([
    ['health_below', { threshold: 40 }, { score: 34 }, 'Health is 34, below 40'],
    ['health_drop', { points: 15, days: 14 }, { peak: 72, score: 51, peakDay: '2026-03-06', today: '2026-03-15', signalAnswer: jane, users: 13, prevUsers: 20 },
      'Health fell from 72 to 51 in 9 days: NPS 3 from Jane Doe (champion), active users −35 %'],
    ['health_drop', { points: 15, days: 14 }, { peak: 60, score: 40, peakDay: '2026-03-14', today: '2026-03-15' }, 'Health fell from 60 to 40 in 1 day'],
    ['band_red', {}, { score: 35, prevBand: 'yellow' }, 'Health turned red (score 35, was yellow)'],
    ['detractor', { days: 30 }, { answers: [jane, { ...jane, kind: 'csat', score: 1, name: null, role: null }] }, 'NPS 3 from Jane Doe (champion) and 1 more low answer'],
    ['renewal_due', { days: 60 }, { dueDate: '2026-03-12', today: '2026-03-15', band: 'red', score: 30 }, 'Renewal overdue by 3 days (Mar 12, 2026) while health is red (30)'],
    ['low_utilization', { percent: 50 }, { users: 1, seats: 20 }, 'License utilization 5 % (1 active user of 20 seats), below 50 %'],
    ['usage_drop', { percent: 30 }, { users: 0, prevUsers: 7 }, 'Active users −100 % month over month (0 in the last 30 days, 7 the 30 before)'],
    ['champion_left', { days: 90 }, { champions: [{ name: 'Jane Doe', leftAt: '2026-03-12T09:00:00Z' }], users: 19, prevUsers: 20 }, 'Champion Jane Doe left on Mar 12, 2026'],
  ])('%s', (trigger, params, facts, expected) => {
    expect(alertReason(trigger, params, facts)).toBe(expected);
  });

  it('usageChange is null without a previous window', () => {
    expect(usageChange(5, 0)).toBeNull();
    expect(usageChange(13, 20)).toBe(-35);
  });
});

describe('usage windows', () => {
  it('maps day ranges to month bitmasks', () => {
    expect(monthMasks('2026-02-14', '2026-03-15')).toEqual([
      { month: '2026-02-01', mask: 2 ** 31 - 2 ** 13 }, { month: '2026-03-01', mask: 2 ** 15 - 1 },
    ]);
    const w = usageWindows('2026-03-15');
    expect(w.firstMonth).toBe('2026-01-01');
    expect(w.previous).toEqual([{ month: '2026-01-01', mask: 2 ** 31 - 2 ** 14 }, { month: '2026-02-01', mask: 2 ** 13 - 1 }]);
  });
});
