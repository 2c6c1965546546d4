import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Every page of the app, signed in as an admin and as a viewer (who sees read-only or "not allowed" variants), plus
// the public pages: no axe violation, and at phone width (390 px) nothing wider than the viewport.

const PHONE = { width: 390, height: 844 };

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}

/** Whether the page's content is wider than the viewport (a wide table or a long word not wrapping). */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shot(page: Page, name: string) {
  // SCREENSHOT_DIR set: full-page screenshots for a person to look at
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

/** Visits a page, waits for its title (streamed sections included), runs axe, checks 390 px. */
async function check(page: Page, name: string, url: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto(url);
  expect(response?.status(), `${name} answered`).toBeLessThan(400);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // streamed sections show skeletons (aria-busy) until their data arrives
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await noViolations(page, name);
  await shot(page, name);
  await page.setViewportSize(PHONE);
  await shot(page, name);
  expect(await scrollWidth(page), `${name} is wider than a 390 px phone`).toBeLessThanOrEqual(PHONE.width);
}

async function firstAccountUrl(page: Page): Promise<string> {
  await page.goto('/demo/accounts?owner=all');
  const href = await page.getByRole('table').getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/demo\/accounts\/[0-9a-f-]{36}$/);
  return href!;
}

for (const who of ['admin', 'viewer'] as const) {
  test(`every page is accessible and fits a phone, signed in as ${who}`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, `${who}@demo.test`);
    const account = await firstAccountUrl(page);
    const pages: [string, string][] = [
      ['dashboard', '/demo'],
      ['dashboard-custom', '/demo?period=custom&from=2025-01-01&to=2025-06-30&scope=enterprise'],
      ['accounts', '/demo/accounts'],
      ['accounts-filtered', '/demo/accounts?owner=all&segment=enterprise&stage=mature&sort=-seats'],
      ['accounts-none', '/demo/accounts?q=no-such-account-anywhere'],
      ['account', account],
      ['account-new', '/demo/accounts/new'],
      ['account-edit', `${account}/edit`],
      ['import', '/demo/accounts/import'],
      ['renewals', '/demo/renewals'],
      ['settings', '/demo/settings'],
      ['members', '/demo/settings/members'],
      ['audit', '/demo/settings/audit'],
    ];
    for (const [name, url] of pages) await check(page, `${who}-${name}`, url);
  });
}

test('the public pages are accessible and fit a phone', async ({ page }) => {
  await check(page, 'login', '/login');
  await check(page, 'signup', '/signup');
  await check(page, 'forgot', '/forgot');
});
