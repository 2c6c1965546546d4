import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers';

test('a signed-out visitor to an org URL is sent to the sign-in page', async ({ page }) => {
  await page.goto('/demo/accounts');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdemo/);
  await expect(page.getByRole('heading', { name: 'Sign in to Tenure' })).toBeVisible();
});

test('a wrong password gets one generic message, the right one signs in', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('csm@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form [role=alert]')).toHaveText('Email or password is incorrect.');

  await page.getByLabel('Email').fill('nobody@demo.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form [role=alert]')).toHaveText('Email or password is incorrect.');

  await signIn(page, 'csm@demo.test');
  await expect(page).toHaveURL(/\/demo$/);
});

test('sign-up creates an org the new user owns; sign-out ends the session', async ({ page }) => {
  const id = unique();
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Dana Founder');
  await page.getByLabel('Email').fill(`dana-${id}@example.test`);
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Company name').fill(`Globex ${id}`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveValue(`Globex ${id}`); // nothing typed is lost

  await page.getByLabel('Password').fill('a-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new RegExp(`/globex-${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Globex ${id}` })).toBeVisible();
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  await expect(page.getByRole('complementary')).toContainText(`dana-${id}@example.test · Owner`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`/globex-${id}`);
  await expect(page).toHaveURL(/\/login/);
});

test('the owner deletes a whole organization after typing its address; its pages are gone', async ({ page }) => {
  const id = unique();
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Erin Owner');
  await page.getByLabel('Email').fill(`erin-${id}@example.test`);
  await page.getByLabel('Password').fill('a-long-password');
  await page.getByLabel('Company name').fill(`Initrode ${id}`);
  await page.getByRole('button', { name: 'Create account' }).click();
  const slug = `initrode-${id}`;
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));

  await page.goto(`/${slug}/settings`);
  const danger = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Delete this organization' }) });
  await danger.getByLabel(`Type ${slug} to confirm`).fill('demo');
  await danger.getByRole('button', { name: 'Delete organization' }).click();
  await expect(danger.getByText(`Type ${slug} to confirm.`)).toBeVisible();
  await danger.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await danger.getByRole('button', { name: 'Delete organization' }).click();
  // the owner now belongs to no org: home sends them to create one
  await expect(page).toHaveURL(/\/signup$/);
  const gone = await page.goto(`/${slug}`);
  expect(gone?.status()).toBe(404);
});
