import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { getDatabase } from '@/db';
import { purgeIdempotencyKeys } from '@/lib/api/idempotency';
import { env } from '@/lib/env';
import { runHealthSweep } from './health-sweep';
import { registerNotificationJobs } from './notifications';
import { registerSurveyEmailJobs, startSurveyEmailSweep } from './survey-emails';
import { startNotificationSweep } from '@/lib/notifications/queue';
import { chooseRunner, type JobRunner } from './runner';

// Background jobs: the health sweep every 15 minutes (each org gets its rows once its day begins). With a shared
// PostgreSQL (DATABASE_URL), pg-boss schedules it so exactly one instance runs each job; on the embedded default a
// timer in this process does (PGlite is one process anyway).

const SWEEP = 'health-sweep';
const EVERY_MS = 15 * 60_000;

type Jobs = { runner: JobRunner; boss?: PgBoss; timer?: NodeJS.Timeout };
// Next can evaluate this module more than once: one scheduler per process.
const holder = globalThis as unknown as { __tenureJobs?: Jobs };

let sweeping = false;
async function sweepOnce(): Promise<void> {
  if (sweeping) return; // a slow sweep is not overtaken by the next tick
  sweeping = true;
  try {
    const handle = getDatabase();
    const r = await runHealthSweep(handle.db);
    await purgeIdempotencyKeys(handle.db);
    // PGlite has no autovacuum: refresh the planner's statistics once a day (the first sweep of a new day), so the
    // set-based health and KPI queries keep good plans as the embedded database grows
    if (handle.driver === 'pglite' && r.orgs > 0) await handle.db.execute(sql`analyze`);
    if (r.orgs > 0) console.info(`[tenure] health sweep: ${r.accounts} accounts in ${r.orgs} org(s)${r.failed ? `, ${r.failed} failed` : ''}`);
  } finally {
    sweeping = false;
  }
}

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 2 });
  boss.on('error', (err) => console.error('[tenure] job queue error', err));
  await boss.start();
  // 'singleton': at most one sweep job active at a time, whatever the number of instances
  await boss.createQueue(SWEEP, { name: SWEEP, policy: 'singleton' });
  await boss.schedule(SWEEP, '*/15 * * * *');
  await boss.work(SWEEP, async () => { await sweepOnce(); });
  // a first sweep now rather than at the next quarter hour; one per minute across instances
  await boss.send(SWEEP, {}, { singletonKey: 'boot', singletonSeconds: 60 });
  await registerNotificationJobs(boss);
  await registerSurveyEmailJobs(boss);
  return boss;
}

/** Starts the scheduler this process should run (see chooseRunner); a second call does nothing. */
export async function startJobs(): Promise<JobRunner> {
  if (holder.__tenureJobs) return holder.__tenureJobs.runner;
  // NEXT_PHASE and VITEST are set by the tools, not by the operator, so lib/env.ts does not model them
  const runner = chooseRunner({ DATABASE_URL: env.DATABASE_URL, NEXT_PHASE: process.env.NEXT_PHASE, VITEST: process.env.VITEST });
  const jobs: Jobs = { runner };
  holder.__tenureJobs = jobs;
  if (runner === 'pg-boss') jobs.boss = await startBoss(env.DATABASE_URL!);
  if (runner === 'in-process') {
    const tick = () => void sweepOnce().catch((err) => console.error('[tenure] health sweep failed', err));
    tick();
    jobs.timer = setInterval(tick, EVERY_MS);
    jobs.timer.unref(); // never keeps the process alive on its own
    startNotificationSweep();
    startSurveyEmailSweep();
  }
  return runner;
}

/** Stops the scheduler (graceful shutdown, tests). */
export async function stopJobs(): Promise<void> {
  const jobs = holder.__tenureJobs;
  holder.__tenureJobs = undefined;
  if (jobs?.timer) clearInterval(jobs.timer);
  await jobs?.boss?.stop({ graceful: true });
}
