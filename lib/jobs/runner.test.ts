import { describe, expect, it } from 'vitest';
import { chooseRunner } from './runner';

describe('chooseRunner', () => {
  it.each([
    [{ DATABASE_URL: 'postgres://db/tenure' }, 'pg-boss'],
    [{}, 'in-process'],
    [{ DATABASE_URL: '' }, 'in-process'],
    [{ DATABASE_URL: 'postgres://db/tenure', NEXT_PHASE: 'phase-production-build' }, 'none'],
    [{ NEXT_PHASE: 'phase-production-build' }, 'none'],
    [{ DATABASE_URL: 'postgres://db/tenure', VITEST: 'true' }, 'none'],
    [{ NEXT_PHASE: 'phase-production-server' }, 'in-process'],
  ] as const)('%o → %s', (env, expected) => {
    expect(chooseRunner(env)).toBe(expected);
  });
});
