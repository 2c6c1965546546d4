import type PgBoss from 'pg-boss';
import { runNotificationJob, sweepOnce, useNotificationTransport, type NotificationJob } from '@/lib/notifications/queue';

// The pg-boss side of alert notifications (DATABASE_URL set): one queue of delivery jobs and a sweep every minute
// for rows whose retry is due. Register once, after boss.start(), wherever the process starts its pg-boss
// (lib/jobs/queue.ts). pg-boss's own retry is not used: each attempt's outcome lives on the alert_notifications
// row, and a failure schedules the next job at the row's backoff time.

export const NOTIFY_QUEUE = 'alert-notification';
export const NOTIFY_SWEEP_QUEUE = 'alert-notification-sweep';

/** Creates the queues, starts their workers and routes queueNotifications() through pg-boss. */
export async function registerNotificationJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(NOTIFY_QUEUE);
  await boss.createQueue(NOTIFY_SWEEP_QUEUE, { name: NOTIFY_SWEEP_QUEUE, policy: 'singleton' });
  await boss.work<NotificationJob>(NOTIFY_QUEUE, async (jobs) => {
    for (const job of jobs) await runNotificationJob(job.data);
  });
  await boss.work(NOTIFY_SWEEP_QUEUE, async () => {
    await sweepOnce();
  });
  await boss.schedule(NOTIFY_SWEEP_QUEUE, '* * * * *');
  useNotificationTransport({
    send: async (jobs) => {
      await boss.insert(jobs.map((data) => ({ name: NOTIFY_QUEUE, data })));
    },
    sendAt: async (job, at) => {
      await boss.sendAfter(NOTIFY_QUEUE, job, {}, at);
    },
  });
}
