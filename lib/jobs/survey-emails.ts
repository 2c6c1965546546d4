import type PgBoss from 'pg-boss';
import { drainSurveyEmails, kickSurveyEmails, useSurveyEmailKick } from '@/lib/surveys/email-queue';

// Runs the survey email sender (lib/surveys/email-queue.ts) in the background. With pg-boss (DATABASE_URL) one queue
// whose 'stately' policy allows one active drain and one waiting, kicked after every send and every minute, so
// exactly one instance sends at a time; on the embedded database a minute timer in this process.

export const SURVEY_EMAIL_QUEUE = 'survey-emails';
const MINUTE_MS = 60_000;

/** Creates the queue, its worker and schedule, and routes kickSurveyEmails() through pg-boss. */
export async function registerSurveyEmailJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(SURVEY_EMAIL_QUEUE, { name: SURVEY_EMAIL_QUEUE, policy: 'stately' });
  await boss.work(SURVEY_EMAIL_QUEUE, async () => {
    await drainSurveyEmails();
  });
  await boss.schedule(SURVEY_EMAIL_QUEUE, '* * * * *');
  useSurveyEmailKick(async () => {
    await boss.send(SURVEY_EMAIL_QUEUE, {});
  });
}

const holder = globalThis as unknown as { __tenureSurveyMailTimer?: NodeJS.Timeout };

/** In-process: every minute, send whatever is due (retries, and anything a restart left queued). */
export function startSurveyEmailSweep(): void {
  if (holder.__tenureSurveyMailTimer) return;
  void kickSurveyEmails();
  holder.__tenureSurveyMailTimer = setInterval(() => void kickSurveyEmails(), MINUTE_MS);
  holder.__tenureSurveyMailTimer.unref();
}
