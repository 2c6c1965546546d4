import { expect, test, type Page } from '@playwright/test';
import { signIn, unique } from './helpers';

const main = (page: Page) => page.getByRole('main');
const column = (page: Page, index: number) => main(page).locator(`tbody tr td:nth-child(${index})`);

test('a CSM creates an account, fixes a renewal date before the start, then edits it and sees the change on the timeline', async ({ page }) => {
  const name = `E2E Harbor ${unique()}`;
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/accounts');
  await main(page).getByRole('link', { name: 'Add account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add account' })).toBeVisible();

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill('harbor-e2e.example');
  await page.getByLabel('Licensed seats').fill('33');
  await page.getByLabel('Contract start').fill('2026-03-17');
  await page.getByLabel('Next renewal date').fill('2026-03-01');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByText('The renewal date cannot be before the contract start.')).toBeVisible();
  await expect(page.getByLabel('Next renewal date')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name')).toHaveValue(name); // typed values survive the rejected save
  await expect(page.getByLabel('Licensed seats')).toHaveValue('33');

  await page.getByLabel('Next renewal date').fill('2027-03-17');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Account created')).toBeVisible();

  await main(page).getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Next renewal date')).toHaveValue('2027-03-17');
  await page.getByLabel('Next renewal date').fill('2027-04-01');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Renewal date changed from 2027-03-17 to 2027-04-01')).toBeVisible();

  // it is the CSM's own (owner defaults to the creator), so it is in "My accounts"
  await page.goto(`/demo/accounts?q=${encodeURIComponent(name)}`);
  await expect(main(page).getByRole('link', { name })).toBeVisible();
});

test('a CSM\'s list opens on "My accounts"; "All accounts" is one click away', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/accounts');
  const toggle = page.getByRole('navigation', { name: 'Whose accounts' });
  await expect(toggle.getByRole('link', { name: 'My accounts' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByLabel('Owner')).toHaveValue('me');
  const owners = await column(page, 3).allTextContents();
  expect(owners.length).toBeGreaterThan(0);
  expect(new Set(owners)).toEqual(new Set(['Casey Morgan']));

  await toggle.getByRole('link', { name: 'All accounts' }).click();
  await expect(page).toHaveURL(/owner=all/);
  await expect(toggle.getByRole('link', { name: 'All accounts' })).toHaveAttribute('aria-current', 'true');
  await expect(column(page, 3).filter({ hasText: 'Jordan Patel' }).first()).toBeVisible();
});

test('filters and sort live in the URL and survive a reload', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/accounts');
  await page.getByLabel('Segment').selectOption('enterprise');
  await page.getByLabel('Status').selectOption('all');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/segment=enterprise/);
  await expect(page).toHaveURL(/status=all/);

  await page.getByRole('button', { name: 'Seats' }).click();
  await expect(page).toHaveURL(/sort=seats/);
  await page.getByRole('button', { name: 'Seats' }).click();
  await expect(page).toHaveURL(/sort=-seats/);
  await page.reload();

  await expect(page.getByLabel('Segment')).toHaveValue('enterprise');
  await expect(page.getByLabel('Status')).toHaveValue('all');
  await expect(main(page).getByRole('columnheader', { name: 'Seats' })).toHaveAttribute('aria-sort', 'descending');
  const segments = await column(page, 4).allTextContents();
  expect(segments.length).toBeGreaterThan(0);
  expect(new Set(segments)).toEqual(new Set(['Enterprise']));
  const seats = (await column(page, 6).allTextContents()).map((s) => Number(s.replace(/[^\d]/g, '')));
  expect(seats).toEqual([...seats].sort((a, b) => b - a));

  const csv = await page.request.get(`/demo/accounts/export?${new URL(page.url()).searchParams}`);
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"/);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toContain('external_id,name,domain,owner_email');
  expect(lines.slice(1).every((l) => l.includes(',enterprise,'))).toBe(true);
});

test('a viewer sees no add or edit buttons, and a replayed create action is refused', async ({ page, browser }) => {
  // Capture a real create-account request from a CSM without letting it reach the server.
  const name = `E2E Replay ${unique()}`;
  const csm = await browser.newContext();
  const csmPage = await csm.newPage();
  await signIn(csmPage, 'csm@demo.test');
  await csmPage.goto('/demo/accounts/new');
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await csmPage.route('**/demo/accounts/new', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    captured = { headers: await req.allHeaders(), body: req.postDataBuffer()! };
    return route.abort();
  });
  await csmPage.getByLabel('Name').fill(name);
  await csmPage.getByRole('button', { name: 'Add account' }).click();
  await expect.poll(() => captured).toBeTruthy();
  const replay = (p: Page) => p.request.post('/demo/accounts/new', {
    headers: { 'next-action': captured!.headers['next-action'], 'content-type': captured!.headers['content-type'], accept: 'text/x-component' },
    data: captured!.body,
  });

  await signIn(page, 'viewer@demo.test');
  await page.goto('/demo/accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(main(page).getByRole('link', { name: 'Add account' })).toHaveCount(0);
  await expect(main(page).getByRole('link', { name: 'Import CSV' })).toHaveCount(0);
  await main(page).locator('tbody a').first().click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(main(page).getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(main(page).getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await page.goto('/demo/accounts/new');
  await expect(page.getByText('Only CSMs and admins can add accounts.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveCount(0);

  const refused = await replay(page);
  expect(await refused.text()).toContain('FORBIDDEN');
  await page.goto(`/demo/accounts?q=${encodeURIComponent(name)}`);
  await expect(page.getByText('No accounts match')).toBeVisible();

  // The same request from the CSM's session goes through: the refusal was the role, not the replay.
  await csmPage.unroute('**/demo/accounts/new');
  const accepted = await replay(csmPage);
  expect(await accepted.text()).not.toContain('FORBIDDEN');
  await page.reload();
  await expect(main(page).getByRole('link', { name })).toBeVisible();
  await csm.close();
});
