import { and, eq, sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import { alertNotifications, playbooks } from '@/db/schema';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { postWebhook, slackBody } from './webhook';

// One delivery attempt of a queued alert notification, with retries on a backoff. The row is claimed first
// (attempts + 1, next attempt pushed past the lease), so a timer and a sweep running at once never send twice.

export const MAX_ATTEMPTS = 5;
/** Seconds before retry n (after the n-th failed attempt): 30 s, 2 min, 8 min, 32 min. */
export const backoffSeconds = (attempt: number) => 30 * 4 ** (attempt - 1);
// a claimed row is retried after this if the process died mid-attempt
const LEASE_SECONDS = 120;

export type DeliveryOptions = {
  now?: Date;
  /** default: TENURE_ALLOW_PRIVATE_WEBHOOKS */
  allowPrivate?: boolean;
};

export type DeliveryOutcome = { id: string; status: 'sent' | 'pending' | 'failed' | 'skipped'; error?: string; retryAt?: Date };

type Claimed = { id: string; org_id: string; playbook_id: string; channel: 'email' | 'webhook'; target: string; subject: string; body: string; attempts: number };

/**
 * Makes one attempt at the org's notification `id` if it is pending and due at `now`: sent → status sent; failed →
 * pending again after backoffSeconds(attempts), or failed after MAX_ATTEMPTS; the error is kept on the row and on
 * its playbook. 'skipped' when it was not due or not pending (another worker has it, or it is done).
 */
export async function deliverNotification(orgId: string, id: string, opts: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const now = opts.now ?? new Date();
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<Claimed>(db, sql`
    update alert_notifications set attempts = attempts + 1, next_attempt_at = ${at} + make_interval(secs => ${LEASE_SECONDS})
    where org_id = ${orgId} and id = ${id} and status = 'pending' and next_attempt_at <= ${at}
    returning id, org_id, playbook_id, channel, target, subject, body, attempts`);
  if (!row) return { id, status: 'skipped' };
  try {
    if (row.channel === 'webhook') await postWebhook(row.target, slackBody(row.subject, row.body), opts.allowPrivate ?? env.TENURE_ALLOW_PRIVATE_WEBHOOKS);
    else await sendMail({ to: row.target, subject: row.subject, text: row.body });
  } catch (err) {
    return recordFailure(row, err instanceof Error ? err.message : 'Unknown error', now);
  }
  await db.update(alertNotifications).set({ status: 'sent', sentAt: now, lastError: null })
    .where(and(eq(alertNotifications.orgId, orgId), eq(alertNotifications.id, id)));
  return { id, status: 'sent' };
}

async function recordFailure(row: Claimed, message: string, now: Date): Promise<DeliveryOutcome> {
  const error = message.slice(0, 300);
  const last = row.attempts >= MAX_ATTEMPTS;
  const retryAt = new Date(now.getTime() + backoffSeconds(row.attempts) * 1000);
  await db.transaction(async (tx) => {
    await tx.update(alertNotifications)
      .set({ status: last ? 'failed' : 'pending', lastError: error, nextAttemptAt: last ? now : retryAt })
      .where(and(eq(alertNotifications.orgId, row.org_id), eq(alertNotifications.id, row.id)));
    const what = row.channel === 'webhook' ? 'Webhook' : `Email to ${row.target}`;
    await tx.update(playbooks)
      .set({ lastNotificationError: `${what}: ${error}${last ? ` (gave up after ${MAX_ATTEMPTS} attempts)` : ''}`, lastNotificationErrorAt: now })
      .where(and(eq(playbooks.orgId, row.org_id), eq(playbooks.id, row.playbook_id)));
  });
  return last ? { id: row.id, status: 'failed', error } : { id: row.id, status: 'pending', error, retryAt };
}

/** Pending notifications of every org that are due at `now`, oldest first (the retry sweep). */
export async function dueNotifications(now = new Date(), limit = 100): Promise<{ orgId: string; id: string }[]> {
  const rows = await queryRows<{ org_id: string; id: string }>(db, sql`
    select org_id, id from alert_notifications where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
    order by next_attempt_at limit ${limit}`);
  return rows.map((r) => ({ orgId: r.org_id, id: r.id }));
}

/** Attempts every due notification once (sequentially: a slow webhook must not open hundreds of sockets). */
export async function deliverDue(opts: DeliveryOptions = {}): Promise<DeliveryOutcome[]> {
  const out: DeliveryOutcome[] = [];
  for (const n of await dueNotifications(opts.now)) out.push(await deliverNotification(n.orgId, n.id, opts));
  return out;
}
