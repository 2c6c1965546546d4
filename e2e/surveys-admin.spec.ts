import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn, unique } from './helpers';

/** A fresh account with one reachable stakeholder and one without an email (so the preview skips someone). */
async function accountWithPeople(page: Page, u: string) {
  const accountName = `Survey Co ${u}`;
  await page.goto('/demo/accounts/new');
  await page.getByLabel('Name').fill(accountName);
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: accountName })).toBeVisible();
  for (const [name, email] of [[`Pat Reachable ${u}`, `pat-${u}@customer.test`], [`Sam Nomail ${u}`, '']]) {
    await page.getByRole('button', { name: 'Add stakeholder' }).click();
    await page.getByLabel('Name').fill(name);
    if (email) await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Stakeholder added.' })).toBeVisible();
  }
  return accountName;
}

test('an admin creates an NPS survey, previews and sends it to one account, and sees the links', async ({ page }) => {
  // the longest journey here: an account, two people, a survey, a send, five axe scans
  test.setTimeout(90_000);
  const u = unique();
  await signIn(page, 'admin@demo.test');
  const accountName = await accountWithPeople(page, u);

  await page.goto('/demo/surveys');
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Q4 relationship NPS' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'New survey' }).click();
  await expect(page.getByLabel('Question', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  // a rejected form keeps what was typed and names the field
  await page.getByLabel('Links expire after (days)').fill('0');
  await page.getByLabel('Internal name').fill(`E2E NPS ${u}`);
  await page.getByRole('button', { name: 'Create survey' }).click();
  await expect(page.getByText('Use a number from 1 to 365.')).toBeVisible();
  await expect(page.getByLabel('Internal name')).toHaveValue(`E2E NPS ${u}`);
  await page.getByLabel('Links expire after (days)').fill('14');
  await page.getByLabel('Status').selectOption('open');
  await page.getByRole('button', { name: 'Create survey' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `E2E NPS ${u}` })).toBeVisible();
  await expect(page.getByText('How likely are you to recommend Acme Analytics to a friend or colleague?')).toBeVisible();
  await expect(page.getByText('No links sent yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Send survey' }).click();
  // find the account by a part of its name (the list shows at most 500 at once), then choose it
  await page.getByLabel('Find an account').fill(accountName.slice(-8));
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByText(/^1 matching/)).toBeVisible();
  await page.getByLabel('Account', { exact: true }).selectOption({ label: accountName });
  await page.getByRole('button', { name: 'Preview recipients' }).click();
  await expect(page.getByTestId('recipient-row')).toHaveCount(1);
  await expect(page.getByTestId('recipient-row')).toContainText(`Pat Reachable ${u}`);
  const skipped = page.getByTestId('skipped-row').filter({ hasText: `Sam Nomail ${u}` });
  await expect(skipped).toContainText('No email address');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Send to 1 stakeholder' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sent to 1 stakeholder at 1 account.' })).toBeVisible();
  await page.getByRole('link', { name: 'See the links on the survey page' }).click();

  const row = page.getByTestId('survey-link-row').filter({ hasText: `Pat Reachable ${u}` });
  await expect(row.getByTestId('survey-link')).toHaveAttribute('href', /^\/s\/[A-Za-z0-9_-]{22}$/);
  await expect(row).toContainText('Not answered');
  await expect(page.getByTestId('survey-link-row')).toHaveCount(1);

  await page.getByRole('button', { name: 'Create anonymous link' }).click();
  await expect(page.getByTestId('anonymous-link')).toHaveAttribute('href', /^\/s\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole('button', { name: 'Create anonymous link' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/demo/surveys/outbox');
  const inOutbox = page.getByTestId('survey-link-row').filter({ hasText: `Pat Reachable ${u}` });
  await expect(inOutbox).toContainText(`E2E NPS ${u}`);
  await expect(inOutbox.getByTestId('survey-link')).toHaveAttribute('href', await row.getByTestId('survey-link').getAttribute('href') ?? '');
  await expectNoAxeViolations(page);
});

test('the results of a seeded survey show a score, distribution and comments, and filter by segment', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/surveys');
  await page.getByRole('link', { name: 'Relationship NPS 6' }).click();
  await expect(page.getByTestId('survey-score')).toHaveText(/^[+−-]?\d+$/);
  await expect(page.getByRole('table', { name: 'Answers per score' })).toContainText('Promoter');
  await page.getByLabel('Segment').selectOption('enterprise');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/segment=enterprise/);
  await expect(page.getByText('Filtered results leave out answers through the anonymous link')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a viewer sees results but no create, send or status controls', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.goto('/demo/surveys');
  await expect(page.getByRole('link', { name: 'Q4 relationship NPS' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New survey' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Q4 relationship NPS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Q4 relationship NPS' })).toBeVisible();
  for (const name of ['Close survey', 'Create anonymous link']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Send survey' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Export responses (CSV)' })).toBeVisible();
  await page.goto(`${page.url()}/send`);
  await expect(page.getByText('Only CSMs and admins can send surveys.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview recipients' })).toHaveCount(0);
});
