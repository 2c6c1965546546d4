import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a CSM sees the shell of Acme Analytics and opens an account', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await expect(page.getByRole('complementary').getByText('Acme Analytics')).toBeVisible();
  for (const item of ['Dashboard', 'Accounts', 'Renewals', 'Alerts', 'Surveys', 'Settings']) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item })).toBeVisible();
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  const first = page.locator('tbody a').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stakeholders' })).toBeVisible();
  await expect(page.getByText('Account created')).toBeVisible();
});

test('a member of another org gets 404 on every demo URL', async ({ page }) => {
  await signIn(page, 'other@demo.test');
  await expect(page).toHaveURL(/\/other$/);
  for (const path of ['/demo', '/demo/accounts', '/demo/settings/members']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('a foreign account id is a 404 even for a member', async ({ page }) => {
  await signIn(page, 'other@demo.test');
  await page.goto('/other/accounts');
  const href = await page.locator('tbody a').first().getAttribute('href');
  const accountId = href!.split('/').pop();
  await page.context().clearCookies();
  await signIn(page, 'csm@demo.test');
  const res = await page.goto(`/demo/accounts/${accountId}`);
  expect(res?.status()).toBe(404);
  const bad = await page.goto('/demo/accounts/not-a-uuid');
  expect(bad?.status()).toBe(404);
});
