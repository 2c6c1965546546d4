import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'tenure-demo';

/** Signs in through the real form and waits until the app shell shows. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** A unique suffix so journeys that create users and orgs can run again on the same database. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * No axe violations on the page as it is now. After a client-side navigation the new page's <title> is streamed in a
 * moment after its content, so this waits for a title first (axe would report "document-title" in between).
 */
export async function expectNoAxeViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * SCREENSHOT_DIR set: full-page screenshots of the page at each width (desktop and phone by default), for a person
 * to look at; nothing otherwise. The viewport is back at 1280 × 720 afterwards.
 */
export async function shot(page: Page, name: string, widths: readonly number[] = [1280, 390]) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
