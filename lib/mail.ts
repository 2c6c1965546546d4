import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

export type Mail = { to: string; subject: string; text: string };

/** True when SMTP_URL is configured, so links can be emailed instead of shown to copy. */
export const smtpConfigured = () => Boolean(env.SMTP_URL);

let transport: nodemailer.Transporter | undefined;

/**
 * Sends a mail through SMTP when configured; otherwise writes it to the server log (the local
 * outbox) and returns false so the caller can show the link instead.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  if (!env.SMTP_URL) {
    console.info(`[tenure outbox] to=${mail.to} subject=${JSON.stringify(mail.subject)}\n${mail.text}`);
    return false;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  return true;
}
