// Which scheduler runs background jobs in this process (pure, so the choice is unit-tested).

export type JobRunner = 'pg-boss' | 'in-process' | 'none';

/**
 * pg-boss when the app shares a PostgreSQL server (several instances: the queue makes each job run once);
 * an in-process timer on the embedded default (one process owns the database); nothing during `next build`
 * or under vitest, where no server runs.
 */
export function chooseRunner(e: { DATABASE_URL?: string; NEXT_PHASE?: string; VITEST?: string }): JobRunner {
  if (e.NEXT_PHASE === 'phase-production-build' || e.VITEST) return 'none';
  return e.DATABASE_URL ? 'pg-boss' : 'in-process';
}
