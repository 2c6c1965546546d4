import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { signIn, unique } from './helpers';

// The product's promise end to end: an admin weighs NPS more; a customer answers a survey link with a 2 without
// signing in; within that request the account's health drops and a playbook opens an alert; the CSM finds it in the
// inbox with its reason and snoozes it; the webhook (a local receiver, which the e2e server allows) got one message.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

type Received = { path: string; body: { text?: string } };
const received: Received[] = [];
let receiver: http.Server;
let hookUrl = '';

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook/${unique()}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

const healthScore = async (page: Page) => {
  const badge = page.getByRole('region', { name: 'Health' }).locator('.tabular-nums').first();
  return Number(await badge.textContent());
};

async function setNpsWeight(page: Page, weight: number, comment: string) {
  await page.goto('/demo/settings/health');
  await page.getByRole('spinbutton', { name: 'NPS', exact: true }).fill(String(weight));
  await page.getByLabel('Comment (why this change)').fill(comment);
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText(/Version \d+ is active/)).toBeVisible({ timeout: 30_000 });
}

test('a detractor answer drops the health within the request, opens an alert the CSM snoozes, and posts one webhook', async ({ browser, page }) => {
  const playbook = `Detractor to webhook ${unique()}`;
  await signIn(page, 'admin@demo.test');
  await setNpsWeight(page, 40, `NPS weighs more ${unique()}`);

  await page.goto('/demo/settings/playbooks');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create playbook' }) });
  await form.getByLabel('Name').fill(playbook);
  await form.getByLabel('When').selectOption('detractor');
  await form.getByLabel('Webhook URL (optional)').fill(hookUrl);
  await form.getByRole('button', { name: 'Create playbook' }).click();
  await expect(page.getByText('Playbook created.')).toBeVisible();

  // an unanswered link from the open demo survey, and the account it belongs to
  await page.goto('/demo/surveys/outbox');
  const row = page.getByTestId('survey-link-row').filter({ hasText: 'Not answered' }).first();
  const path = new URL((await row.getByTestId('survey-link').getAttribute('href'))!, 'http://x').pathname;
  const accountHref = (await row.getByRole('link').first().getAttribute('href'))!;
  await page.goto(accountHref);
  const before = await healthScore(page);

  const customer = await browser.newContext();
  const answer = await customer.newPage();
  await answer.goto(path);
  await answer.getByRole('radio', { name: /^2\b/ }).check();
  await answer.getByRole('textbox').fill('Too many outages this month');
  await answer.getByRole('button', { name: 'Send my answer' }).click();
  await expect(answer.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await customer.close();

  await page.reload();
  const after = await healthScore(page);
  expect(after).toBeLessThan(before);

  // the CSM, in a browser of their own
  const csmContext = await browser.newContext();
  const csm = await csmContext.newPage();
  await signIn(csm, 'csm@demo.test');
  await csm.goto('/demo/alerts');
  await csm.getByLabel('Playbook').selectOption({ label: playbook });
  await csm.getByRole('button', { name: 'Apply' }).click();
  const alert = csm.getByRole('list', { name: 'Alerts' }).getByRole('article').first();
  await expect(alert).toContainText('NPS 2');
  await alert.locator('summary', { hasText: 'Snooze' }).click();
  await alert.getByLabel('Reason').fill('Call booked with the sponsor');
  await alert.getByRole('button', { name: 'Snooze alert' }).click();
  await expect(alert).toContainText('Snoozed until');
  await csmContext.close();

  await expect.poll(() => received.filter((r) => hookUrl.endsWith(r.path)).length, { timeout: 20_000 }).toBe(1);
  expect(received[0].body.text).toContain('NPS 2');

  await setNpsWeight(page, 15, `Back to the default NPS weight ${unique()}`);
});
