import { describe, expect, it } from 'vitest';
import { sessionStillValid } from './session-validity';

describe('sessionStillValid: a password reset signs out the sessions that signed in before it', () => {
  const reset = new Date('2026-11-25T10:00:00.000Z');
  it.each([
    ['nothing voided, any session', 1, null, true],
    ['nothing voided, a token without a sign-in time', undefined, null, true],
    ['signed in before the reset', reset.getTime() - 1, reset, false],
    ['signed in at the reset instant', reset.getTime(), reset, true],
    ['signed in after the reset', reset.getTime() + 60_000, reset, true],
    ['a token without a sign-in time after a reset', undefined, reset, false],
    ['a malformed sign-in time', Number.NaN, reset, false],
  ] as const)('%s', (_, authAt, validFrom, ok) => {
    expect(sessionStillValid(authAt, validFrom)).toBe(ok);
  });
});
