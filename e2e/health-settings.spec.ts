import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, unique } from './helpers';

// The health score settings: an admin drafts weights (slider and number stay in step, shares update live),
// previews on the server, saves with a comment; a CSM sees the same page read-only.

const WEIGHTS: Record<string, number> = {
  'Usage frequency': 20, 'License utilization': 15, 'Feature adoption': 10, 'Usage trend': 10,
  NPS: 30, CSAT: 5, CES: 5, Support: 10, Relationship: 10,
};

test('an admin drafts weights, previews the change with a backtest, saves it and sees the version', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/settings');
  await page.getByRole('link', { name: 'Adjust the health score' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health score' })).toBeVisible();

  for (const [label, w] of Object.entries(WEIGHTS)) await page.getByRole('spinbutton', { name: label, exact: true }).fill(String(w));
  // 115 in all: NPS 30 is 26.1 %
  await expect(page.getByText('Total weight 115')).toBeVisible();
  await expect(page.getByText('NPS share: 26.1 %')).toBeAttached();
  // the slider moves the number too: CSAT 5 → 6, total 116
  const csatSlider = page.getByRole('slider', { name: 'CSAT', exact: true });
  await csatSlider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('spinbutton', { name: 'CSAT', exact: true })).toHaveValue('6');
  await expect(page.getByText('Total weight 116')).toBeVisible();
  await expect(page.getByText('CSAT share: 5.2 %')).toBeAttached();

  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview of this draft' });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByText(/accounts change band|No account changes band/)).toBeVisible();
  await expect(preview.getByRole('table', { name: 'Accounts by band' })).toBeVisible();
  const backtest = preview.getByRole('table', { name: 'Backtest, last 12 months' });
  await expect(backtest.getByRole('row', { name: /Caught \(red 90 days before churn\)/ })).toBeVisible();
  await expect(backtest.getByRole('row', { name: /False alarms/ })).toContainText(/\d+ of \d+/);
  await expect(preview.getByText(/roles are taken as they are today/)).toBeVisible();
  await expectNoAxeViolations(page);

  const comment = `NPS matters more ${unique()}`;
  await page.getByLabel('Comment (why this change)').fill(comment);
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText(/Version \d+ is active: every account's score was recomputed with it\./)).toBeVisible({ timeout: 30_000 });
  const history = page.getByRole('list', { name: 'Saved versions, newest first' });
  await expect(history.getByText(comment)).toBeVisible();
  const newest = history.getByRole('listitem').first();
  await expect(newest).toContainText('Active');
  const saved = Number((await newest.getByText(/^Version \d+$/).textContent())!.replace('Version ', ''));

  // back to the default weights as a new version, then restore the NPS-heavy one and back again:
  // every step is a version, and the demo org ends on the defaults for the other journeys
  await page.getByRole('spinbutton', { name: 'NPS', exact: true }).fill('15');
  await page.getByRole('spinbutton', { name: 'CSAT', exact: true }).fill('5');
  await expect(page.getByText('Total weight 100')).toBeVisible();
  await page.getByLabel('Comment (why this change)').fill(`Back to the defaults ${unique()}`);
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText(`Version ${saved + 1} is active`)).toBeVisible({ timeout: 30_000 });
  // the form shows the active version's weights again
  await expect(page.getByRole('spinbutton', { name: 'NPS', exact: true })).toHaveValue('15');
  await page.getByRole('button', { name: `Restore version ${saved}`, exact: true }).click();
  await expect(history.getByRole('listitem').first()).toContainText(`Version ${saved + 2}`);
  await expect(history.getByRole('listitem').first()).toContainText(`Restored version ${saved}`);
  await expect(page.getByRole('spinbutton', { name: 'NPS', exact: true })).toHaveValue('30');
  await page.getByRole('button', { name: `Restore version ${saved + 1}`, exact: true }).click();
  await expect(history.getByRole('listitem').first()).toContainText(`Restored version ${saved + 1}`);
});

test('a CSM sees the weights read-only, with no save or preview', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/settings/health');
  await expect(page.getByRole('heading', { level: 1, name: 'Health score' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'NPS', exact: true })).toBeDisabled();
  await expect(page.getByRole('slider', { name: 'Usage frequency', exact: true })).toBeDisabled();
  await expect(page.getByLabel('Green from')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Preview' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
  await expect(page.getByText('Only admins and owners can change the health score.')).toBeVisible();
  await expectNoAxeViolations(page);
});
