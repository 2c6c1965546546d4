import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers';

test('a CSM adds a champion, logs a contact, writes a note and marks the champion as left', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/accounts');
  const first = page.getByRole('table').getByRole('link').first();
  const accountName = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: accountName })).toBeVisible();
  const accountUrl = page.url();

  const name = `Chloe Champion ${unique()}`;
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Role').selectOption('champion');
  await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click();
  // refused: the error is next to the field and what was typed is still there
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await page.getByLabel('Email').fill(`chloe-${unique()}@customer.test`);
  await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stakeholder added.' })).toBeVisible();

  const person = page.getByRole('list', { name: 'Stakeholders' }).getByRole('listitem').filter({ hasText: name });
  await expect(person).toContainText('Never contacted');
  await person.getByRole('button', { name: 'Log contact' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText(`Logged contact with ${name}`);
  await expect(person).toContainText('Last contacted');

  const note = `Call with ${name} ${unique()}\nThey plan to add 20 seats in Q3.`;
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Note added to the timeline.')).toBeVisible();
  await expect(timeline.getByText('They plan to add 20 seats in Q3.').first()).toBeVisible();
  await expect(page.getByLabel('Note')).toHaveValue('');

  // the note is corrected in place (any CSM may: teams cover for each other), then deleted after a confirm
  const firstLine = note.split('\n')[0];
  const entry = timeline.getByRole('listitem').filter({ hasText: firstLine });
  await entry.getByRole('button', { name: /^Edit/ }).click();
  const editor = entry.getByRole('form', { name: 'Edit note' });
  await editor.getByLabel('Note').fill('');
  await editor.getByRole('button', { name: 'Save note' }).click();
  await expect(editor.getByText('Write the note.')).toBeVisible();
  await editor.getByLabel('Note').fill(`${firstLine}\nThey plan to add 25 seats in Q3.`);
  await editor.getByRole('button', { name: 'Save note' }).click();
  await expect(entry).toContainText('They plan to add 25 seats in Q3.');
  await expect(entry).toContainText('edited');
  page.once('dialog', (dialog) => void dialog.accept());
  await entry.getByRole('button', { name: /^Delete/ }).click();
  await expect(timeline.getByText(firstLine)).toHaveCount(0);

  await person.getByRole('button', { name: 'Left the company' }).click();
  const warning = page.getByText('Warning: champion left.').locator('..');
  await expect(warning).toContainText(`${name} left today`);
  await expect(timeline).toContainText(`${name} (Champion) left ${accountName}`);
  await expect(person.getByRole('button', { name: 'Back at the company' })).toBeVisible();

  // a viewer reads the same page without any control
  await page.context().clearCookies();
  await signIn(page, 'viewer@demo.test');
  await page.goto(accountUrl);
  await expect(page.getByRole('list', { name: 'Stakeholders' })).toContainText(name);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(`Logged contact with ${name}`);
  await expect(page.getByRole('button', { name: 'Add stakeholder' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add note' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit note/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Log contact' })).toHaveCount(0);
  await expect(page.getByLabel('Note')).toHaveCount(0);
});
