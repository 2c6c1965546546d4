import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a CSM opens Renewals, switches the window and records an outcome from the list', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Renewals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renewals' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Next 90 days/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /My renewals/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('renewal-quarter')).toHaveCount(4);

  // every pending renewal of the org: the demo seed has some; other specs may have decided a few
  await page.goto('/demo/renewals?window=pending&owner=all');
  await expect(page.getByRole('heading', { level: 2, name: /^All pending/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /All pending/ })).toHaveAttribute('aria-current', 'true');
  const first = page.locator('tr[data-renewal-id]').first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('cell').nth(4)).toHaveText(/^\$[\d,]+(\.\d\d)?$/);
  await expect(page.getByTestId('month-row').first()).toContainText(/ARR due \$[\d,]/);

  // record on a pending row of the next 90 days (whole org): decided renewals stay in that window
  await page.goto('/demo/renewals?owner=all');
  // the list exports as CSV under the same filters
  const csv = await page.request.get((await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[0]).toBe('due_date,account,account_external_id,owner,owner_email,arr_due,renewed_arr,currency,outcome,days_until_due');
  const pendingRow = page.locator('tr[data-renewal-id]').filter({ has: page.getByRole('button', { name: 'Record outcome' }) }).first();
  const id = await pendingRow.getAttribute('data-renewal-id');
  expect(id).toBeTruthy();
  const row = page.locator(`tr[data-renewal-id="${id}"]`);
  await expect(row.getByTestId('outcome')).toHaveText('Pending');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await row.getByRole('button', { name: 'Record outcome' }).click();
  await row.getByLabel('Outcome', { exact: true }).selectOption('churned');
  // a churned renewal is a churn: it asks why (the MRR goes to 0 at the due date) instead of the renewed ARR
  await expect(row.getByLabel(/^Renewed ARR/)).toHaveCount(0);
  await row.getByLabel(/^Churn reason/).selectOption('Budget cuts');
  await row.getByRole('button', { name: 'Save outcome' }).click();
  await expect(row.getByTestId('outcome')).toContainText('Churned');
  await expect(row.getByRole('button', { name: 'Record outcome' })).toHaveCount(0);
  await expect(row).toContainText('Decided');
});

test('a viewer sees the list without forms, and the page has no axe violations', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.goto('/demo/renewals?window=pending');
  await expect(page.getByRole('heading', { level: 1, name: 'Renewals' })).toBeVisible();
  await expect(page.locator('tr[data-renewal-id]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record outcome' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Action' })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
