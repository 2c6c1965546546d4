import { describe, expect, it } from 'vitest';
import { parseSurveyAnswer, scalePoints, surveyTokenSchema } from './survey-answer';

describe('parseSurveyAnswer', () => {
  const ok = [
    ['nps', { score: '0' }, { score: 0, comment: undefined }],
    ['nps', { score: '10', comment: '  fast  ' }, { score: 10, comment: 'fast' }],
    ['csat', { score: '5', comment: '   ' }, { score: 5, comment: undefined }],
    ['ces', { score: '7', comment: 'x'.repeat(2000) }, { score: 7, comment: 'x'.repeat(2000) }],
  ] as const;
  for (const [kind, fields, data] of ok) {
    it(`${kind} ${JSON.stringify(fields).slice(0, 30)} is accepted`, () => {
      expect(parseSurveyAnswer(kind, fields)).toEqual({ ok: true, data });
    });
  }

  const bad = [
    ['nps', {}, { score: 'Choose a score.' }],
    ['nps', { score: '' }, { score: 'Choose a score.' }],
    ['nps', { score: null }, { score: 'Choose a score.' }],
    ['nps', { score: 'abc' }, { score: 'Choose a score.' }],
    ['nps', { score: '11' }, { score: 'Choose a score from 0 to 10.' }],
    ['nps', { score: '2.5' }, { score: 'Choose a score from 0 to 10.' }],
    ['csat', { score: '0' }, { score: 'Choose a score from 1 to 5.' }],
    ['ces', { score: '8' }, { score: 'Choose a score from 1 to 7.' }],
    ['nps', { score: '5', comment: 'x'.repeat(2001) }, { comment: 'Keep your answer to 2,000 characters or fewer.' }],
    ['nps', { comment: 'x'.repeat(2001) }, { score: 'Choose a score.', comment: 'Keep your answer to 2,000 characters or fewer.' }],
  ] as const;
  for (const [kind, fields, errors] of bad) {
    it(`${kind} ${JSON.stringify(fields).slice(0, 30)} → ${JSON.stringify(errors).slice(0, 60)}`, () => {
      expect(parseSurveyAnswer(kind, fields)).toEqual({ ok: false, errors });
    });
  }
});

describe('scales and tokens', () => {
  it('lists each kind\'s points', () => {
    expect(scalePoints('nps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scalePoints('csat')).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints('ces')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('accepts only base64url tokens of a sane length', () => {
    expect(surveyTokenSchema.safeParse('W-zR66RM42tV0QVytqrc0w').success).toBe(true);
    for (const t of ['short', 'has space in it ok!!', '../../etc/passwd0000', 'a'.repeat(65)]) expect(surveyTokenSchema.safeParse(t).success).toBe(false);
  });
});
