import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import { publicUrl } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { surveyToken } from './token';

// Survey emails go out in the background, never in the request that sends the survey: the send writes its links
// as 'queued' in its transaction (the table is the queue), then kicks the sender. The sender claims a batch of due
// rows (a lease on next_email_at, `skip locked`, so two workers never send the same email), sends them one by one
// and records 'sent', a retry after a backoff, or 'failed' after the last attempt. With DATABASE_URL a pg-boss job
// runs it on one instance (lib/jobs/survey-emails.ts); on the embedded database this process does. The minute
// sweep of each runner drains whatever a restart or a retry left due.

export const MAX_EMAIL_ATTEMPTS = 3;
/** Seconds before retry n (after the n-th failed attempt): 1 min, 5 min. */
export const emailBackoffSeconds = (attempt: number) => 60 * 5 ** (attempt - 1);
const LEASE_SECONDS = 120;
const BATCH = 20;

/** The email of one link: the question, the link, when it expires, and the unsubscribe link. */
export function surveyEmail(orgName: string, question: string, token: string, expiryDays: number) {
  const origin = publicUrl().replace(/\/$/, '');
  return {
    subject: `${orgName} would like your feedback`,
    text: `${question}\n\nAnswer here (one click, no sign-in): ${origin}/s/${token}\n\nThe link works for ${expiryDays} days.\n\n`
      + `Don't want survey emails from ${orgName}? ${origin}/s/${token}/unsubscribe\n`,
  };
}

type Claimed = { org_id: string; id: string; email: string; attempts: number; org_name: string; question: string; expiry_days: number };

/** Claims up to BATCH due emails of any org as of `now`: each claimed row's next attempt moves past the lease. */
async function claim(now: Date): Promise<Claimed[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return queryRows<Claimed>(db, sql`
    with due as (
      select i.org_id, i.id from survey_invitations i
      where i.delivery = 'queued' and i.next_email_at <= ${at}
      order by i.next_email_at limit ${BATCH} for update skip locked
    )
    update survey_invitations i set email_attempts = i.email_attempts + 1,
      -- the lease runs on the clock, not on \`now\` (a long drain started earlier must not let others re-claim a row)
      next_email_at = greatest(${at}, clock_timestamp()) + make_interval(secs => ${LEASE_SECONDS})
    from due, surveys s, organizations o
    where i.org_id = due.org_id and i.id = due.id and s.org_id = i.org_id and s.id = i.survey_id and o.id = i.org_id
    returning i.org_id, i.id, i.email, i.email_attempts as attempts, o.name as org_name, s.question, s.link_expiry_days as expiry_days`);
}

async function record(row: Claimed, now: Date, error: string | null): Promise<'sent' | 'retry' | 'failed'> {
  const outcome = error === null ? 'sent' : row.attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'retry';
  const next = outcome === 'retry' ? new Date(now.getTime() + emailBackoffSeconds(row.attempts) * 1000).toISOString() : null;
  await db.execute(sql`update survey_invitations set
      delivery = ${outcome === 'retry' ? 'queued' : outcome}, delivery_error = ${error === null ? null : error.slice(0, 300)},
      next_email_at = ${next}::timestamptz
    where org_id = ${row.org_id} and id = ${row.id}`);
  return outcome;
}

export type DrainResult = { sent: number; retrying: number; failed: number };

/** Sends every survey email due at `now` (default: the current time), batch after batch; returns what happened. */
export async function drainSurveyEmails(opts: { now?: Date } = {}): Promise<DrainResult> {
  const now = opts.now ?? new Date();
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  for (let rows = await claim(now); rows.length > 0; rows = await claim(now)) {
    for (const row of rows) {
      let error: string | null = null;
      try {
        await sendMail({ to: row.email, ...surveyEmail(row.org_name, row.question, surveyToken(row.id), Number(row.expiry_days)) });
      } catch (err) {
        error = err instanceof Error ? err.message : 'Unknown error';
      }
      const outcome = await record(row, now, error);
      if (outcome === 'sent') result.sent += 1;
      else if (outcome === 'retry') result.retrying += 1;
      else result.failed += 1;
    }
  }
  return result;
}

const holder = globalThis as unknown as { __tenureSurveyMailKick?: () => Promise<void>; __tenureSurveyMailRunning?: Promise<unknown> };

/** Installs the pg-boss kick (lib/jobs/survey-emails.ts), or undefined: back to this process. */
export function useSurveyEmailKick(kick: (() => Promise<void>) | undefined): void {
  holder.__tenureSurveyMailKick = kick;
}

const logFailure = (err: unknown) => console.error('[tenure] survey emails failed', err);

/**
 * Starts sending the queued survey emails after the request: call it once the transaction that queued them has
 * committed. Returns at once. In this process drains run one after another, never side by side: a kick during a
 * drain adds one more drain after it (which finds the new rows).
 */
export async function kickSurveyEmails(): Promise<void> {
  if (holder.__tenureSurveyMailKick) return holder.__tenureSurveyMailKick();
  holder.__tenureSurveyMailRunning = (holder.__tenureSurveyMailRunning ?? Promise.resolve())
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(() => drainSurveyEmails())
    .catch(logFailure);
}

/** The in-process drain chain, for tests that kick and then wait for the emails. */
export const surveyEmailsIdle = (): Promise<unknown> => holder.__tenureSurveyMailRunning ?? Promise.resolve();
