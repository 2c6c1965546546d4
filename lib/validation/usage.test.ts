import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeUserKey, usageEventSchema } from './usage';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('normalizeUserKey', () => {
  it('hashes an email, lower-cased and trimmed, and keeps other ids as given', () => {
    expect(normalizeUserKey(' Ana@Example.COM ')).toBe(sha('ana@example.com'));
    expect(normalizeUserKey('ana@example.com')).toHaveLength(64);
    expect(normalizeUserKey(' User-42 ')).toBe('User-42');
  });

  it('parses an event: timestamps with a zone, lower-cased feature keys, sessions default 0', () => {
    const e = usageEventSchema.parse({ accountId: 'a', userKey: 'x@y.z', occurredAt: '2026-03-01T09:30:00+01:00', featureKey: 'Reports' });
    expect(e).toEqual({ accountId: 'a', userKey: sha('x@y.z'), occurredAt: new Date('2026-03-01T08:30:00Z'), featureKey: 'reports', sessions: 0 });
    expect(usageEventSchema.safeParse({ accountId: 'a', userKey: 'u', occurredAt: '2026-03-01T09:30:00' }).success).toBe(false);
  });
});
