import { expect, type Browser } from '@playwright/test';
import { signIn } from './helpers';

// Survey links for the public-page journeys. By default they come from the demo org's outbox page
// (/demo/surveys/outbox, as csm@demo.test), which lists each sent link as <a data-testid="survey-link">.
// SURVEY_E2E_LINKS (comma-separated /s/… paths) runs the journeys against a server seeded by hand instead.

const used = new Set<string>();

/** `count` links not used by an earlier test of this run, each still open and unanswered. */
export async function freshSurveyLinks(browser: Browser, count: number): Promise<string[]> {
  const context = await browser.newContext();
  try {
    let candidates = (process.env.SURVEY_E2E_LINKS ?? '').split(',').filter(Boolean);
    if (candidates.length === 0) {
      const page = await context.newPage();
      await signIn(page, 'csm@demo.test');
      const res = await page.goto('/demo/surveys/outbox');
      expect(res?.status(), 'the outbox page /demo/surveys/outbox lists the demo survey links').toBe(200);
      const hrefs = await page.getByTestId('survey-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      candidates = hrefs.map((h) => new URL(h, 'http://x').pathname);
    }
    const fresh: string[] = [];
    // a link is fresh when its page shows the form and no earlier answer (other specs may have answered some)
    const probe = await browser.newContext();
    for (const path of candidates) {
      if (fresh.length === count) break;
      if (used.has(path) || !/^\/s\/[A-Za-z0-9_-]+$/.test(path)) continue;
      const res = await probe.request.get(path);
      const body = await res.text();
      if (res.status() === 200 && body.includes('data-survey-form') && !body.includes('You have answered already')) {
        used.add(path);
        fresh.push(path);
      }
    }
    await probe.close();
    expect(fresh.length, `${count} open, unanswered survey links`).toBe(count);
    return fresh;
  } finally {
    await context.close();
  }
}
