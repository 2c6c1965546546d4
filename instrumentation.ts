// Next calls register() once per server process before it serves requests. The Node-only work
// lives in db/boot.ts, so the Edge build of this file uses no Node API.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootOrExit } = await import('./db/boot');
  await bootOrExit();
  // the daily health sweep: pg-boss with DATABASE_URL, a timer on the embedded default (lib/jobs/queue.ts)
  const { startJobs } = await import('./lib/jobs/queue');
  await startJobs().catch((err) => console.error('[tenure] background jobs did not start', err));
}
