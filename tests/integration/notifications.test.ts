import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { playbooks } from '@/db/schema';
import { checkWebhookUrl, isPrivateAddress } from '@/lib/notifications/address-guard';
import { backoffSeconds, deliverNotification, MAX_ATTEMPTS } from '@/lib/notifications/deliver';
import { makeAccount, makeOrg } from './fixtures';
import { alertsOf, evaluate, makePlaybook, NOW, notificationsOf, setHealth, TODAY } from './playbooks-fixtures';

// A local webhook receiver on 127.0.0.1: answers with the next status in `script` (then 200) and keeps the bodies.
const received: { status: number; body: string; contentType?: string }[] = [];
let script: number[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = script.shift() ?? 200;
      received.push({ status, body, contentType: req.headers['content-type'] });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** An org whose "health below 40" playbook posts to `hook`; one account at 30 evaluated at NOW. Returns the queued notification. */
async function firedWebhook(hook: string) {
  const t = await makeOrg({ roles: ['csm'] });
  const account = await makeAccount(t.org.id, { ownerId: t.users.csm.id, name: 'Globex' });
  const playbook = await makePlaybook(t.org.id, 'health_below', { threshold: 40 }, { name: 'At risk', webhookUrl: hook, notifyEmail: true });
  await setHealth(t.org.id, account.id, TODAY, 30);
  const result = await evaluate(t.org.id, [account.id]);
  const [alert] = await alertsOf(t.org.id, account.id);
  const rows = await notificationsOf(t.org.id, alert.id);
  return { t, orgId: t.org.id, account, playbook, alert, result, rows, webhook: rows.find((n) => n.channel === 'webhook')! };
}

describe('notification queue', () => {
  it('queues one email (to the assignee) and one webhook per newly opened alert, none for a repeat', async () => {
    const { t, orgId, account, result, rows } = await firedWebhook(url);
    expect(rows.map((n) => [n.channel, n.target, n.status]).sort()).toEqual([['email', t.users.csm.email, 'pending'], ['webhook', url, 'pending']]);
    expect(result.notifications.sort()).toEqual(rows.map((n) => n.id).sort());
    expect(rows[0].body).toContain('Globex: Health is 30, below 40');
    await setHealth(orgId, account.id, TODAY, 29);
    expect((await evaluate(orgId, [account.id])).notifications).toEqual([]);
  });

  it('retries a failing webhook with backoff, records the last failure on the playbook, then delivers a Slack-style body', async () => {
    const { orgId, playbook, webhook } = await firedWebhook(url);
    script = [500];
    received.length = 0;
    const first = await deliverNotification(orgId, webhook.id, { now: NOW, allowPrivate: true });
    expect(first).toMatchObject({ status: 'pending', error: 'The webhook answered HTTP 500.' });
    expect(first.retryAt!.getTime() - NOW.getTime()).toBe(backoffSeconds(1) * 1000);
    const [pb] = await db.select().from(playbooks).where(eq(playbooks.id, playbook.id));
    expect(pb.lastNotificationError).toBe('Webhook: The webhook answered HTTP 500.');
    expect(pb.lastNotificationErrorAt?.toISOString()).toBe(NOW.toISOString());

    // not due yet: nothing is sent
    expect((await deliverNotification(orgId, webhook.id, { now: new Date(NOW.getTime() + 29_000), allowPrivate: true })).status).toBe('skipped');
    const second = await deliverNotification(orgId, webhook.id, { now: first.retryAt, allowPrivate: true });
    expect(second.status).toBe('sent');
    expect(received.map((r) => r.status)).toEqual([500, 200]);
    expect(received[1].contentType).toBe('application/json');
    expect(JSON.parse(received[1].body)).toEqual({ text: expect.stringContaining('Globex: Health is 30, below 40') });
    const [row] = (await notificationsOf(orgId, webhook.alertId)).filter((n) => n.id === webhook.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    // delivered once: a late duplicate job does nothing
    expect((await deliverNotification(orgId, webhook.id, { now: new Date(NOW.getTime() + 3_600_000), allowPrivate: true })).status).toBe('skipped');
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    const { orgId, webhook } = await firedWebhook(url);
    script = Array(MAX_ATTEMPTS).fill(503);
    let now = NOW;
    const statuses: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const out = await deliverNotification(orgId, webhook.id, { now, allowPrivate: true });
      statuses.push(out.status);
      now = out.retryAt ?? now;
    }
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'pending', 'failed']);
    const [row] = (await notificationsOf(orgId, webhook.alertId)).filter((n) => n.id === webhook.id);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'The webhook answered HTTP 503.' });
  });

  it('refuses to post to the local receiver when private webhooks are not allowed', async () => {
    const { orgId, webhook } = await firedWebhook(url);
    received.length = 0;
    const out = await deliverNotification(orgId, webhook.id, { now: NOW, allowPrivate: false });
    expect(out).toMatchObject({ status: 'pending', error: '127.0.0.1 is a loopback or private address; webhooks must go to a public address.' });
    expect(received).toEqual([]);
  });
});

describe('private-address guard', () => {
  it.each([
    ['10.1.2.3', true], ['127.0.0.1', true], ['127.9.9.9', true], ['::1', true], ['169.254.169.254', true], ['172.16.0.1', true],
    ['172.31.255.255', true], ['192.168.1.1', true], ['100.64.0.1', true], ['0.0.0.0', true], ['::ffff:127.0.0.1', true],
    ['::ffff:a00:1', true], ['fd00::1', true], ['fe80::1', true], ['::', true],
    ['93.184.216.34', false], ['172.32.0.1', false], ['8.8.8.8', false], ['2606:4700:4700::1111', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses loopback, private and localhost URLs without the config, and allows them with it', async () => {
    for (const u of ['http://127.0.0.1:8080/x', 'http://10.0.0.8/x', 'http://[::1]/x', 'http://169.254.169.254/latest', 'http://localhost:3000/x', 'https://api.localhost/x', 'http://[::ffff:127.0.0.1]/']) {
      await expect(checkWebhookUrl(u, false), u).rejects.toThrow(/loopback or private address/);
    }
    await expect(checkWebhookUrl('http://localhost:3000/x', true)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('ftp://example.com/x', true)).rejects.toThrow('Use an http:// or https:// URL.');
  });

  it('checks every address a name resolves to, not the name', async () => {
    const spy = vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) => (host === 'sneaky.example.com'
      ? [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }]
      : [{ address: '93.184.216.34', family: 4 }])) as never);
    try {
      await expect(checkWebhookUrl('https://sneaky.example.com/hook', false)).rejects.toThrow('sneaky.example.com is a loopback or private address');
      await expect(checkWebhookUrl('https://hooks.example.com/hook', false)).resolves.toBeInstanceOf(URL);
    } finally {
      spy.mockRestore();
    }
  });
});
