import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { surveyDocument, type SurveyView } from '@/components/survey-public/document';
import {
  closedView, expiredView, noPersonView, notOpenView, rateLimitedView, tooLateView, unsubscribedView,
} from '@/components/survey-public/pages';
import { shot } from './helpers';
import { freshSurveyLinks } from './survey-link';

// The customer's side of a survey: no sign-in, works without JavaScript, by keyboard, on a phone.
// Journeys sign in once to find links, then take screenshots at three widths: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

const axeClean = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

const scoreButton = (page: Page, n: number) => page.getByRole('radio', { name: new RegExp(`^${n}\\b`) });

test('a customer opens a link without signing in, answers 3 with a comment and sees the thank-you page', async ({ browser }) => {
  const [link] = await freshSurveyLinks(browser, 1);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('group')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(11);
  await expect(page.locator('script[src]')).toHaveCount(0);
  await axeClean(page);
  await shot(page, 'survey-form', [1280, 390, 360]);

  // sent without a score: the page comes back with the message next to the scale
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.locator('#score-error')).toHaveText('Error: Choose a score.');
  await axeClean(page);
  await shot(page, 'survey-error', [1280, 390, 360]);

  // the radio lies, invisible, over its drawn button: a click on the button lands on it
  await scoreButton(page, 3).click();
  await expect(scoreButton(page, 3)).toBeChecked();
  await page.getByRole('textbox').fill('Setup took too long');
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page).toHaveURL(`${link}/thanks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await axeClean(page);
  await shot(page, 'survey-thanks', [1280, 390, 360]);

  // opening the link again within 24 hours shows the answer, ready to change
  await page.goto(link);
  await expect(scoreButton(page, 3)).toBeChecked();
  await expect(page.getByRole('textbox')).toHaveValue('Setup took too long');
  await expect(page.getByRole('button', { name: 'Update my answer' })).toBeVisible();
  await context.close();
});

test('without JavaScript: a missing score is explained next to the scale, the comment is kept, then the answer goes through', async ({ browser }) => {
  const [link] = await freshSurveyLinks(browser, 1);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('textbox').fill('Great support team');
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.locator('#score-error')).toHaveText('Error: Choose a score.');
  await expect(page.getByRole('alert')).toContainText('There is a problem with your answer');
  await expect(page.getByRole('textbox')).toHaveValue('Great support team');
  // (axe needs JavaScript in the page: the first journey scans this same error page)

  await scoreButton(page, 3).click();
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page).toHaveURL(`${link}/thanks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await context.close();
});

test('by keyboard alone: Tab into the scale, Space and arrow keys to choose, Tab to the comment, Enter to send', async ({ browser }) => {
  const [link] = await freshSurveyLinks(browser, 1);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.keyboard.press('Tab');
  await expect(scoreButton(page, 0)).toBeFocused();
  // the focused radio is invisible; its drawn button carries the focus ring
  const ring = await page.locator('input[name="score"]:focus + .box').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(scoreButton(page, 3)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Typed with the keyboard');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send my answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${link}/thanks`);
  await context.close();
});

test('an unknown link gets a 404 page with a human sentence', async ({ page }) => {
  const res = await page.goto('/s/AAAAAAAAAAAAAAAAAAAAAA');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find this survey' })).toBeVisible();
  await expect(page.getByText('The link may be mistyped or incomplete.')).toBeVisible();
  await axeClean(page);
  await shot(page, 'survey-unknown', [1280, 390, 360]);
});

test('the unsubscribe link asks before it changes anything, then confirms', async ({ browser }) => {
  const [link] = await freshSurveyLinks(browser, 1);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${link}/unsubscribe`);
  await expect(page.getByRole('heading', { level: 1, name: /^Stop survey emails from / })).toBeVisible();
  await axeClean(page);
  await shot(page, 'survey-unsubscribe', [1280, 390, 360]);
  await page.getByRole('button', { name: 'Yes, stop sending me surveys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You are unsubscribed' })).toBeVisible();
  await context.close();
});

// Expired, closed, not-open, too-late and rate-limited links cannot be made from the demo data in a browser
// journey; their markup is the same documents the route handlers send (integration tests check which one is sent).
const statePages: [string, SurveyView][] = [
  ['expired', expiredView('Acme Analytics')], ['closed', closedView('Acme Analytics')], ['not-open', notOpenView('Acme Analytics')],
  ['too-late', tooLateView()], ['rate-limited', rateLimitedView(42)], ['unsubscribed', unsubscribedView('Acme Analytics')], ['no-person', noPersonView()],
];
for (const [name, view] of statePages) {
  test(`the ${name} page has a heading, reads well on a phone and passes axe`, async ({ page }) => {
    await page.setContent(surveyDocument(view, 'Acme Analytics'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(view.title === 'Nothing to unsubscribe' ? 'This link is not tied to a person' : /.+/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await axeClean(page);
    await shot(page, `survey-${name}`, [1280, 390, 360]);
  });
}
