import { expect, test, type Page } from '@playwright/test';
import { signIn, unique } from './helpers';

const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const usd = (cents: number) => (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
const typed = (cents: number) => (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);

/** The date 12 months after "Mar 31, 2026" as the page writes it, the way PostgreSQL adds months (Feb 29 -> Feb 28). */
function twelveMonthsAfter(shown: string) {
  const d = new Date(`${shown} UTC`);
  const y = d.getUTCFullYear() + 1;
  const last = new Date(Date.UTC(y, d.getUTCMonth() + 1, 0)).getUTCDate();
  return dateFmt.format(new Date(Date.UTC(y, d.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

/**
 * One of csm@demo.test's own accounts that is paying and has a pending renewal, picked by what its
 * page shows. The list is walked from the end: other journeys use the first account.
 */
async function payingAccount(page: Page) {
  await page.goto('/demo/accounts?owner=me');
  const hrefs = await page.getByRole('table').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs.reverse()) {
    await page.goto(href);
    const revenue = page.getByRole('region', { name: 'Revenue' });
    if ((await revenue.getByText('Paying', { exact: true }).count()) && (await page.getByTestId('next-renewal').count())) return href;
  }
  throw new Error('csm@demo.test owns no paying account with a pending renewal');
}

test('a CSM records an expansion, churns and reactivates an account, and decides its renewal', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'csm@demo.test');
  const url = await payingAccount(page);
  const revenue = page.getByRole('region', { name: 'Revenue' });
  const timeline = page.getByRole('list', { name: 'Timeline' });
  const history = revenue.getByRole('table', { name: 'MRR history, newest first' });
  const fact = (name: string) => revenue.locator('dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');

  // an expansion: a refused amount keeps what was typed and says why next to the field
  const before = cents((await fact('Current MRR').textContent())!);
  const after = before + 10_000;
  await revenue.getByRole('button', { name: 'Record MRR change' }).click();
  await revenue.getByLabel('New MRR (USD)').fill('12.345');
  await revenue.getByRole('button', { name: 'Save MRR' }).click();
  await expect(revenue.getByText('Use at most 2 decimals.')).toBeVisible();
  await expect(revenue.getByLabel('New MRR (USD)')).toHaveValue('12.345');
  await revenue.getByLabel('New MRR (USD)').fill(typed(after));
  await revenue.getByRole('button', { name: 'Save MRR' }).click();
  await expect(fact('Current MRR')).toHaveText(usd(after));
  await expect(fact('ARR')).toHaveText(usd(after * 12));
  await expect(history.getByRole('row').nth(1)).toContainText('Expansion');
  await expect(history.getByRole('row').nth(1)).toContainText(`${usd(before)} → ${usd(after)}`);
  await expect(timeline).toContainText(`Expansion, MRR ${usd(before)} → ${usd(after)}`);

  // mark churned with a reason of our own
  const reason = `Merged into a parent ${unique()}`;
  await revenue.getByRole('button', { name: 'Mark churned' }).click();
  await revenue.getByLabel('Reason').selectOption('other');
  await revenue.getByRole('button', { name: 'Mark as churned' }).click();
  await expect(revenue.getByText('Say why the account churned.')).toBeVisible();
  await revenue.getByLabel('Other reason').fill(reason);
  await revenue.getByRole('button', { name: 'Mark as churned' }).click();
  await expect(fact('Status')).toHaveText(new RegExp(`^Churned since .*: ${reason}$`));
  await expect(fact('Current MRR')).toHaveText('$0');
  await expect(history.getByRole('row').nth(1)).toContainText('Churn');
  await expect(timeline).toContainText(`Churned: ${reason}, MRR ${usd(after)} → $0`);
  await expect(revenue.getByRole('button', { name: 'Mark churned' })).toHaveCount(0);

  // reactivate: the form offers the MRR it had before the churn
  await revenue.getByRole('button', { name: 'Reactivate' }).click();
  await expect(revenue.getByLabel('MRR (USD)')).toHaveValue((after / 100).toFixed(2));
  await revenue.getByRole('button', { name: 'Reactivate account' }).click();
  await expect(fact('Status')).toHaveText('Paying');
  await expect(fact('Current MRR')).toHaveText(usd(after));
  await expect(history.getByRole('row').nth(1)).toContainText('Reactivation');
  await expect(timeline).toContainText(`Reactivated, MRR $0 → ${usd(after)}`);

  // the renewal: a downgrade that renews everything is refused next to the field, a renewal is taken
  const renewals = page.getByRole('region', { name: 'Renewals' });
  const pending = (await page.getByTestId('next-renewal').textContent())!;
  const [, due, arr] = /Due (\w{3} \d{1,2}, \d{4}) .*ARR due (\S+)/.exec(pending)!;
  await renewals.getByRole('button', { name: 'Record outcome' }).click();
  await renewals.getByLabel('Outcome', { exact: true }).selectOption('downgraded');
  await renewals.getByLabel('Renewed ARR (USD)').fill(typed(cents(arr)));
  await renewals.getByRole('button', { name: 'Save outcome' }).click();
  await expect(renewals.getByText(`A downgrade renews less than the ${arr} due; this is a renewal.`)).toBeVisible();
  await renewals.getByLabel('Outcome', { exact: true }).selectOption('renewed');
  await renewals.getByRole('button', { name: 'Save outcome' }).click();
  await expect(page.getByTestId('next-renewal')).toContainText(`Due ${twelveMonthsAfter(due)}`);
  await expect(page.getByTestId('next-renewal')).toContainText(`ARR due ${arr}`);
  await expect(renewals.getByRole('list', { name: 'Decided renewals' }).getByRole('listitem').first()).toContainText(`Renewed · due ${due}`);
  await expect(timeline).toContainText(`Renewal due ${due} renewed: ARR ${arr} → ${arr}`);

  // a viewer sees the same numbers and no form
  await page.context().clearCookies();
  await signIn(page, 'viewer@demo.test');
  await page.goto(url);
  await expect(fact('Status')).toHaveText('Paying');
  await expect(fact('Current MRR')).toHaveText(usd(after));
  await expect(page.getByTestId('next-renewal')).toContainText(`Due ${twelveMonthsAfter(due)}`);
  for (const name of ['Record MRR change', 'Mark churned', 'Reactivate', 'Record outcome', 'Add a renewal', 'Open ticket', 'Close']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(page.getByLabel('New MRR (USD)')).toHaveCount(0);
});
