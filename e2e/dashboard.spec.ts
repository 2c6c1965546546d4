import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { shot, signIn, unique } from './helpers';

const card = (page: Page, label: string) => page.getByRole('article', { name: label, exact: true });
test('a CSM sees KPI cards and charts, and switching scope and period changes the numbers', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Analytics' })).toBeVisible();
  const arr = card(page, 'ARR').getByTestId('kpi-value');
  await expect(arr).toHaveText(/^\$[\d,]+$/);
  await expect(card(page, 'NRR').getByTestId('kpi-value')).toHaveText(/^\d+\.\d%$/);
  // survey scores of the period, and the org's NPS by month with its numbers in words
  await expect(card(page, 'NPS').getByTestId('kpi-value')).toHaveText(/^-?\d/);
  await expect(card(page, 'CSAT').getByTestId('kpi-value')).toHaveText(/^\d+\.\d%$/);
  await expect(page.getByText(/^NPS -?\d+ in \w{3} \d{4} from \d+ answers; \d+ of the last 12 months had NPS answers/)).toBeVisible();
  await expect(card(page, 'ARR')).toContainText(/(up|down) \$[\d,]+ vs previous period|Unchanged/);
  await expect(page.getByText(/^Gained \$[\d,]+ MRR and lost \$[\d,]+ MRR in the period\.$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Upcoming renewals (next 90 days)' })).toBeVisible();
  // the retention trend: a caption with the latest month's numbers, and every month in the screen-reader table
  const retention = page.getByText(/^\w{3} \d{4}: NRR \d+\.\d%, GRR \d+\.\d%\. Monthly NRR ranged from \d+\.\d% to \d+\.\d%/);
  await expect(retention).toBeVisible();
  const retentionTable = page.getByRole('table', { name: 'NRR and GRR of each month' });
  // the last 12 months touch 12 or 13 calendar months (a header row on top)
  await expect(retentionTable.getByRole('row').nth(12)).toBeAttached();
  expect(await retentionTable.getByRole('row').count()).toBeLessThanOrEqual(14);
  // the quick ratio's change is a signed difference, never a percentage
  await expect(card(page, 'Quick ratio').getByTestId('kpi-change')).toHaveText(/^(▲|▼) [+-][\d,]+\.\d vs [\d,]+\.\d\d in the previous period \((good|bad)\)$|^— vs previous period/);
  await shot(page, 'dashboard-csm');
  const allArr = await arr.textContent();
  const allRetention = await retention.textContent();

  await page.getByLabel('Accounts', { exact: true }).selectOption('mine');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/scope=mine/);
  await expect(page.getByText(/^My accounts, last 12 months:/)).toBeVisible();
  await expect(arr).toHaveText(/^\$[\d,]+$/);
  expect(await arr.textContent()).not.toBe(allArr);
  expect(await retention.textContent()).not.toBe(allRetention);

  await page.getByLabel('Period').selectOption('last_quarter');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/period=last_quarter/);
  await expect(page.getByText(/^My accounts, last quarter:/)).toBeVisible();
  await expect(page.getByLabel('Accounts', { exact: true })).toHaveValue('mine');
  // a quarter has three monthly points
  await expect(retentionTable.getByRole('row')).toHaveCount(4);

  // a wrong custom range says why and falls back instead of failing
  await page.goto('/demo?period=custom&from=2026-03-01&to=2026-01-01');
  await expect(page.getByRole('alert').filter({ hasText: 'Custom range not used' })).toContainText('The start date must not be after the end date.');
  await expect(arr).toHaveText(/^\$[\d,]+$/);
});

test('a CSM follows an account from the dashboard to its usage', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo');
  const expansions = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Biggest expansions' }) });
  const link = expansions.getByRole('link').first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const usage = page.getByRole('region', { name: 'Usage' });
  await expect(usage.getByText('License utilization')).toBeVisible();
  await expect(usage.getByText(/^\d+ of 28$/)).toBeVisible();
  await expect(usage.getByRole('heading', { name: 'Active users and licensed seats, last 12 months' })).toBeVisible();
  await expect(usage.getByRole('table', { name: 'Usage by month' }).getByRole('row')).toHaveCount(13);
  const features = usage.getByRole('table', { name: 'Feature use in the last 30 days' });
  await expect(features.getByRole('row').nth(1)).toContainText(/Used|Not used/);
  await expect(usage.getByText(/^Used \d+ of \d+ tracked features in the 30 days up to/)).toBeVisible();
  if (process.env.SCREENSHOT_DIR) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await usage.screenshot({ path: `${process.env.SCREENSHOT_DIR}/account-usage-${width}.png` });
    }
  }
});

test('the dashboard has no axe violations', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo');
  await expect(card(page, 'ARR').getByTestId('kpi-value')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Biggest expansions' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a fresh org sees empty states, not zeros or errors', async ({ page }) => {
  const id = unique();
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Eve Empty');
  await page.getByLabel('Email').fill(`eve-${id}@example.test`);
  await page.getByLabel('Password').fill('a-long-password');
  await page.getByLabel('Company name').fill(`Empty ${id}`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Empty ${id}` })).toBeVisible();
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  await expect(card(page, 'ARR')).toContainText('—');
  await expect(card(page, 'ARR')).toContainText('No revenue change has been recorded before the period end.');
  await expect(card(page, 'NRR')).toContainText('—');
  await expect(page.getByText(/^No revenue recorded in this period\./)).toBeVisible();
  await expect(card(page, 'NPS')).toContainText('—');
  await expect(page.getByText(/^No NPS answers in the last 12 months\./)).toBeVisible();
  const renewals = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Upcoming renewals (next 90 days)' }) });
  await expect(renewals.getByText(/^No renewals pending in the next 90 days\./)).toBeVisible();
  await expect(page.getByTestId('kpi-value')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('$0');
  await shot(page, 'dashboard-empty');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
