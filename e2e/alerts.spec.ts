import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, shot, signIn, unique } from './helpers';

// The playbooks → alerts journey on the demo org, with its own playbook (a unique name) so it does not depend on
// other specs' data and can run again on the same database.

// the inbox journey is long, and the machine may be building other checkouts at the same time
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const playbookName = `E2E health below 100 ${unique()}`;
let playbookId = '';

test('an admin creates a playbook; a bad webhook URL is refused next to the field and the input is kept', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/settings');
  await page.getByRole('link', { name: 'Manage playbooks' }).click();
  await expect(page.getByRole('heading', { name: 'Playbooks', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Playbooks' })).toContainText('Health below 40');
  await expectNoAxeViolations(page);

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create playbook' }) });
  await form.getByLabel('Name').fill(playbookName);
  await form.getByLabel('When').selectOption('health_below');
  await form.getByLabel('Health score below (points)').fill('100');
  await form.getByLabel('Alert priority').selectOption('urgent');
  // the e2e server allows private addresses (the mission journey's receiver); the guard has integration tests
  await form.getByLabel('Webhook URL (optional)').fill('ftp://hooks.example.com/x');
  await form.getByRole('button', { name: 'Create playbook' }).click();
  await expect(form.getByLabel('Webhook URL (optional)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toHaveValue(playbookName);

  await form.getByLabel('Webhook URL (optional)').fill('');
  await form.getByRole('button', { name: 'Create playbook' }).click();
  await expect(page.getByText('Playbook created.')).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: playbookName });
  await expect(item).toContainText('Health score below 100');
  const href = await item.getByRole('link', { name: /open alerts?$/ }).getAttribute('href');
  playbookId = new URL(href!, 'http://x').searchParams.get('playbook')!;
  expect(playbookId).toMatch(/^[0-9a-f-]{36}$/);
  await shot(page, 'playbooks');
});

test('a CSM filters the inbox, snoozes one alert with a date and reason and resolves another with a note', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await expect(page.getByRole('link', { name: /^Alerts \d+ open assigned to you$/ })).toBeVisible();
  await page.getByRole('link', { name: /^Alerts/ }).click();
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'inbox');
  // on a phone the navigation wraps: the badge is on screen, not scrolled off to the right
  await page.setViewportSize({ width: 390, height: 800 });
  const badge = page.getByRole('navigation', { name: 'Main' }).getByText(/^\d+/).first();
  const box = (await badge.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByLabel('Assigned to').selectOption('1');
  await page.getByLabel('Playbook').selectOption(playbookId);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`mine=1.*playbook=${playbookId}|playbook=${playbookId}.*mine=1`));
  const list = page.getByRole('list', { name: 'Alerts' });
  const cards = list.getByRole('article');
  await expect(cards.first()).toContainText('below 100');
  expect(await cards.count()).toBeGreaterThanOrEqual(2);
  await expect(cards.first()).toContainText('assigned to Casey Morgan');

  const first = cards.nth(0);
  const snoozedLabel = (await first.getAttribute('aria-label'))!;
  await first.locator('summary', { hasText: 'Snooze' }).click();
  await first.getByLabel('Reason').fill('Waiting for the QBR on Friday');
  await first.getByRole('button', { name: 'Snooze alert' }).click();
  const snoozed = page.getByRole('article', { name: snoozedLabel });
  await expect(snoozed).toContainText('Snoozed until');
  await expect(snoozed).toContainText('Waiting for the QBR on Friday');

  // open alerts sort before snoozed ones, so the first card is still open
  const other = list.getByRole('article').first();
  const resolvedLabel = (await other.getAttribute('aria-label'))!;
  expect(resolvedLabel).not.toBe(snoozedLabel);
  await other.locator('summary', { hasText: 'Resolve' }).click();
  await other.getByRole('button', { name: 'Resolve alert' }).click();
  await expect(other.getByText('Write what was done.')).toBeVisible();
  await other.getByLabel('What was done').fill('Called the sponsor; plan agreed');
  await other.getByRole('button', { name: 'Resolve alert' }).click();
  await expect(page.getByRole('article', { name: resolvedLabel })).toHaveCount(0);

  await page.getByLabel('Status').selectOption('resolved');
  await page.getByRole('button', { name: 'Apply' }).click();
  const resolvedCard = page.getByRole('article', { name: resolvedLabel });
  await expect(resolvedCard).toContainText('by Casey Morgan: Called the sponsor; plan agreed');
  await expectNoAxeViolations(page);

  // the account page lists the account's alerts, and its timeline says who resolved one
  await resolvedCard.getByRole('link').first().click();
  const section = page.getByRole('region', { name: /^Alerts \(/ });
  await expect(section.getByRole('list', { name: 'Resolved alerts' })).toContainText('Called the sponsor; plan agreed');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Alert resolved: Called the sponsor; plan agreed');
  await shot(page, 'account');
});

test('a viewer reads the inbox but cannot act', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.goto(`/demo/alerts?playbook=${playbookId}`);
  await expect(page.getByText('You can read alerts; CSMs and admins assign, snooze and resolve them.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Alerts' }).getByRole('article').first()).toContainText('below 100');
  await expect(page.locator('summary', { hasText: 'Snooze' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Resolve alert' })).toHaveCount(0);
  await page.goto('/demo/settings/playbooks');
  await expect(page.getByText('Only admins and owners can create or change playbooks.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create playbook' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
