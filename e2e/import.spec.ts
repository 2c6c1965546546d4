import { expect, test, type Page } from '@playwright/test';
import { signIn, unique } from './helpers';

const HEADER = 'name,domain,external_id,owner_email,segment,stage,licensed_seats,contract_start,next_renewal_date';

/** Two accounts with unique names; `betaSeats` lets one row be wrong. */
function accountsCsv(tag: string, names: string[], betaSeats: string) {
  return [
    HEADER,
    `${names[0]},alpha-${tag}.example,IMP-${tag}-1,csm@demo.test,smb,onboarding,10,2026-01-01,2027-01-01`,
    `${names[1]},beta-${tag}.example,IMP-${tag}-2,,Mid-market,adopting,${betaSeats},2026-02-01,2027-02-01`,
  ].join('\n');
}

async function choose(page: Page, name: string, text: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** The org's account list searched for `q` across all owners (a CSM's list opens on their own book). */
async function searchAccounts(page: Page, q: string) {
  await page.goto(`/demo/accounts?owner=all&q=${encodeURIComponent(q)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
}

test('a CSM imports accounts from CSV: a bad row blocks everything, the fixed file goes in', async ({ page }) => {
  const tag = unique();
  const names = [`Imported ${tag} Alpha`, `Imported ${tag} Beta`];
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/accounts/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import from CSV' })).toBeVisible();

  await choose(page, `accounts-${tag}.csv`, accountsCsv(tag, names, '-5'));
  await expect(page.getByRole('heading', { name: `Preview of accounts-${tag}.csv` })).toBeVisible();
  const errors = page.getByRole('region', { name: /Errors/ });
  await expect(errors.getByRole('listitem')).toHaveText(['Row 3, licensed_seats: Seats cannot be negative.']);
  await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeDisabled();
  await expect(page.getByText('Fix the errors in your file and upload it again; nothing was imported.')).toBeVisible();

  await searchAccounts(page, `Imported ${tag}`);
  await expect(page.getByRole('link', { name: names[0] })).toHaveCount(0);
  await expect(page.getByRole('link', { name: names[1] })).toHaveCount(0);

  await page.goto('/demo/accounts/import');
  await choose(page, `accounts-${tag}.csv`, accountsCsv(tag, names, '25'));
  await expect(page.getByText('No errors found.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByText(`Imported accounts-${tag}.csv: 2 accounts created, 0 updated, 0 unchanged.`)).toBeVisible();

  await page.getByRole('link', { name: 'Go to the accounts list' }).click();
  await expect(page).toHaveURL(/\/demo\/accounts$/);
  await searchAccounts(page, `Imported ${tag}`);
  await expect(page.getByRole('link', { name: names[0] })).toBeVisible();
  await expect(page.getByRole('link', { name: names[1] })).toBeVisible();
});

test('a viewer is told that only CSMs and admins can import', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.goto('/demo/accounts/import');
  await expect(page.getByText('Only CSMs and admins can import.')).toBeVisible();
  await expect(page.getByLabel('CSV file')).toHaveCount(0);
});
