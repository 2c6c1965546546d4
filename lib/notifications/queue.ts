import { deliverDue, deliverNotification, type DeliveryOptions } from './deliver';

// Where queued notifications go after the transaction that wrote them has committed. With DATABASE_URL the
// pg-boss queue (lib/jobs/notifications.ts registers itself here), so exactly one instance sends each; on the
// embedded database, this process (a timer per retry plus a sweep that picks up whatever a restart left behind).
// Either way the alert_notifications row is the source of truth: attempts, next attempt, last error.

export type NotificationJob = { orgId: string; id: string };

/** What a queue backend needs: accept jobs now, or at a later time for a retry. */
export type NotificationTransport = {
  send: (jobs: NotificationJob[]) => Promise<void>;
  sendAt: (job: NotificationJob, at: Date) => Promise<void>;
};

const holder = globalThis as unknown as { __tenureNotify?: NotificationTransport; __tenureNotifySweep?: NodeJS.Timeout };

/** Installs the pg-boss backend (or undefined: back to in-process). */
export function useNotificationTransport(transport: NotificationTransport | undefined): void {
  holder.__tenureNotify = transport;
}

/** Runs one delivery job and schedules its retry on the active backend when it failed but has attempts left. */
export async function runNotificationJob(job: NotificationJob, opts: DeliveryOptions = {}): Promise<void> {
  const outcome = await deliverNotification(job.orgId, job.id, opts);
  if (outcome.status === 'pending' && outcome.retryAt) await schedule(job, outcome.retryAt);
}

async function schedule(job: NotificationJob, at: Date): Promise<void> {
  if (holder.__tenureNotify) return holder.__tenureNotify.sendAt(job, at);
  const wait = Math.max(0, at.getTime() - Date.now());
  // unref: a pending retry must not keep a script or test process alive; the sweep catches it after a restart
  setTimeout(() => void runNotificationJob(job).catch(logFailure), wait).unref();
}

const logFailure = (err: unknown) => console.error('[tenure] notification delivery failed', err);

/**
 * Hands notifications (ids from evaluatePlaybooks) to the queue. Call it after the transaction that wrote them has
 * committed; it returns at once and the sending happens after the request.
 */
export async function queueNotifications(orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const jobs = ids.map((id) => ({ orgId, id }));
  if (holder.__tenureNotify) return holder.__tenureNotify.send(jobs);
  setImmediate(() => {
    void (async () => {
      for (const job of jobs) await runNotificationJob(job);
    })().catch(logFailure);
  });
}

/** In-process only: every minute, attempt whatever is due (retries after a restart, rows a caller never queued). */
export function startNotificationSweep(intervalMs = 60_000): void {
  if (holder.__tenureNotifySweep || holder.__tenureNotify) return;
  holder.__tenureNotifySweep = setInterval(() => void sweepOnce().catch(logFailure), intervalMs);
  holder.__tenureNotifySweep.unref();
}

/** One sweep: attempts every due notification once; a failure gets its next attempt time on its row for the next sweep. */
export async function sweepOnce(opts: DeliveryOptions = {}): Promise<void> {
  await deliverDue(opts);
}
