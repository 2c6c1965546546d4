import { expect, test, type Browser } from '@playwright/test';
import { signIn, unique } from './helpers';

async function inviteAs(browser: Browser, email: string, role: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/settings/members');
  await page.getByLabel('Email to invite').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Invite' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  await expect(page.getByText(email)).toBeVisible(); // listed as pending
  return { link: new URL(link).pathname, admin: page, close: () => ctx.close() };
}

test('an invitee signs up with the invited email and joins with the role', async ({ browser }) => {
  const email = `newcsm-${unique()}@demo.test`;
  const { link, admin, close } = await inviteAs(browser, email, 'csm');

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Join Acme Analytics' })).toBeVisible();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Your name').fill('Nina Newcomer');
  await page.getByLabel('Password').fill('newcomer-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/demo$/);
  await expect(page.getByRole('complementary')).toContainText(`${email} · CSM`);

  // The link is spent.
  await page.goto(link);
  await expect(page.getByText('This invitation link is invalid, expired or already used.')).toBeVisible();

  // The admin sees the new member, gives them a reset link, and it works once.
  await admin.reload();
  const row = admin.getByRole('listitem').filter({ hasText: email });
  await row.getByRole('button', { name: 'Reset link' }).click();
  const reset = new URL(await admin.getByLabel('Reset link for Nina Newcomer').inputValue()).pathname;
  const anon = await browser.newContext();
  const r = await anon.newPage();
  await r.goto(reset);
  await r.getByLabel('New password', { exact: true }).fill('brand-new-password');
  await r.getByLabel('Repeat the new password').fill('brand-new-password');
  await r.getByRole('button', { name: 'Set new password' }).click();
  await expect(r.getByText('Your password is changed.')).toBeVisible();
  await signIn(r, email, 'brand-new-password');
  await r.goto(reset);
  await expect(r.getByText('This reset link is invalid, expired or already used.')).toBeVisible();
  await Promise.all([ctx.close(), anon.close(), close()]);
});

test('an invitation link opened by someone signed in with another email is refused', async ({ browser }) => {
  const { link, close } = await inviteAs(browser, `someone-${unique()}@demo.test`, 'viewer');
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'other@demo.test');
  await page.goto(link);
  await expect(page.getByText(/You are signed in as other@demo.test/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Join/ })).toHaveCount(0);
  await Promise.all([ctx.close(), close()]);
});

test('a CSM sees members but no controls to change them', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/settings/members');
  await expect(page.getByText('viewer@demo.test')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(0);
});
