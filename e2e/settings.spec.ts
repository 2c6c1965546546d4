import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers';

/** A number in [min, max] other than `not`, so a rerun on the same database still changes something. */
const another = (not: number, min: number, max: number) => {
  for (;;) {
    const n = min + Math.floor(Math.random() * (max - min + 1));
    if (n !== not) return n;
  }
};

test('an admin changes survey and alert settings and finds the change in the audit log', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/settings');
  const cooldown = page.getByLabel('Survey cooldown (days)');
  const hysteresis = page.getByLabel('Alert hysteresis margin (points)');
  const oldCooldown = Number(await cooldown.inputValue());
  const oldHysteresis = Number(await hysteresis.inputValue());
  const newCooldown = another(oldCooldown, 1, 365);
  const newHysteresis = another(oldHysteresis, 0, 50);

  // an out-of-range value is refused next to its field, and nothing typed is lost
  await cooldown.fill('400');
  await hysteresis.fill(String(newHysteresis));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use a number from 0 to 365.')).toBeVisible();
  await expect(cooldown).toHaveAttribute('aria-invalid', 'true');
  await expect(hysteresis).toHaveValue(String(newHysteresis));

  await cooldown.fill(String(newCooldown));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.reload();
  await expect(cooldown).toHaveValue(String(newCooldown));
  await expect(hysteresis).toHaveValue(String(newHysteresis));

  await page.getByRole('link', { name: 'Open the audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entry = page.getByRole('listitem').filter({ hasText: 'Alex Rivera' }).filter({ hasText: 'org.updated' }).first();
  await expect(entry).toContainText(new RegExp(`Survey cooldown days:\\s*from ${oldCooldown}\\s*→\\s*to ${newCooldown}`));
  await expect(entry).toContainText(new RegExp(`Alert hysteresis margin:\\s*from ${oldHysteresis}\\s*→\\s*to ${newHysteresis}`));

  // filtering by kind keeps the URL and shows only that kind
  await page.getByLabel('Kind').selectOption('org');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=org/);
  await expect(page.getByLabel('Kind')).toHaveValue('org');
  await expect(entry).toBeVisible();
  await page.getByLabel('Kind').selectOption('invitation');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=invitation/);
  await expect(page.locator('code', { hasText: /^org\./ })).toHaveCount(0);

  // a bad filter value in the URL falls back to the default instead of erroring
  await page.goto('/demo/settings/audit?kind=nonsense&from=2026-02-31&page=-1');
  await expect(page.getByLabel('Kind')).toHaveValue('');
  await expect(page.getByLabel('From')).toHaveValue('');
  await expect(page.locator('code', { hasText: 'org.updated' }).first()).toBeVisible();
});

test('a CSM sees the settings read-only and is refused the audit log', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/settings');
  await expect(page.getByText('Only admins and owners can change these settings.')).toBeVisible();
  await expect(page.getByText('Survey cooldown', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open the audit log' })).toHaveCount(0);

  await page.goto('/demo/settings/audit');
  await expect(page.getByRole('heading', { name: 'Only admins can see the audit log' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Audit entries, newest first' })).toHaveCount(0);
  await expect(page.getByLabel('Actor')).toHaveCount(0);
});

test('an owner changes their new org\'s address and lands on the new URL', async ({ page }) => {
  const id = unique();
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Sam Slug');
  await page.getByLabel('Email').fill(`sam-${id}@example.test`);
  await page.getByLabel('Password').fill('a-long-password');
  await page.getByLabel('Company name').fill(`Initech ${id}`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new RegExp(`/initech-${id}$`));

  await page.goto(`/initech-${id}/settings`);
  // "demo" is taken by another org: a field error, and the address stays
  await page.getByLabel('Address (slug)').fill('demo');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('That address is taken by another organization; choose another.')).toBeVisible();

  await page.getByLabel('Address (slug)').fill(`renamed-${id}`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page).toHaveURL(new RegExp(`/renamed-${id}/settings\\?saved=slug$`));
  await expect(page.getByText(`This org's address is now /renamed-${id}.`)).toBeVisible();
  await expect(page.getByLabel('Address (slug)')).toHaveValue(`renamed-${id}`);

  const old = await page.goto(`/initech-${id}/settings`);
  expect(old?.status()).toBe(404);
});
