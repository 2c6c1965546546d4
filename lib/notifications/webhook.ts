import http from 'node:http';
import https from 'node:https';
import { checkWebhookUrl, guardedLookup } from './address-guard';

const TIMEOUT_MS = 10_000;

/** The body Slack incoming webhooks (and most chat tools' "Slack-compatible" ones) accept. */
export const slackBody = (subject: string, body: string) => JSON.stringify({ text: `*${subject}*\n${body}` });

/**
 * POSTs a JSON body to a webhook and resolves when it answers 2xx. Rejects with a short message otherwise (HTTP
 * status, timeout, refused address). Redirects are not followed: a redirect could point at a private address.
 */
export async function postWebhook(rawUrl: string, json: string, allowPrivate: boolean): Promise<void> {
  const url = await checkWebhookUrl(rawUrl, allowPrivate);
  const client = url.protocol === 'https:' ? https : http;
  await new Promise<void>((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), 'user-agent': 'Tenure-Alerts/1' },
      lookup: guardedLookup(allowPrivate) as never,
      timeout: TIMEOUT_MS,
    }, (res) => {
      res.resume(); // the body is not needed; drain it so the socket is released
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) resolve();
      else reject(new Error(`The webhook answered HTTP ${status}.`));
    });
    req.on('timeout', () => req.destroy(new Error(`The webhook did not answer within ${TIMEOUT_MS / 1000} seconds.`)));
    req.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EBLOCKED' ? err : new Error(`Could not reach the webhook (${err.code ?? err.message}).`)));
    req.end(json);
  });
}
