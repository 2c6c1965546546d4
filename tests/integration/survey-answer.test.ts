import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryRows } from '@/db';
import { surveyResponses } from '@/db/schema';
import { GET, POST } from '@/app/s/[token]/route';
import { GET as THANKS } from '@/app/s/[token]/thanks/route';
import { findSurveyLink, recordSurveyAnswer } from '@/lib/dal/survey-answer';
import { makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { eventsOf, formPost, getRequest, invitationRow, makeLink, makeSurvey, paramsOf, responsesOf } from './survey-answer-fixtures';

/** An org named "Acme Analytics" with an account, Jane Doe on it, an open NPS survey and Jane's link. */
async function janesLink(surveyOverrides: Parameters<typeof makeSurvey>[1] = {}) {
  const { org } = await makeOrg({ roles: [], name: 'Acme Analytics' });
  const account = await makeAccount(org.id, { name: 'Globex' });
  const jane = await makeStakeholder(org.id, account.id, { name: 'Jane Doe' });
  const survey = await makeSurvey(org.id, surveyOverrides);
  const link = await makeLink(survey, { accountId: account.id, stakeholderId: jane.id });
  return { org, account, jane, survey, link };
}

describe('the survey page (GET /s/{token})', () => {
  it('shows the org, the question, 0–10 as radios in a fieldset with the scale words, the labelled follow-up, and nothing else to post', async () => {
    const { link } = await janesLink();
    const res = await GET(getRequest(`/s/${link.token}`), paramsOf(link.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<title>Your feedback · Acme Analytics</title>');
    expect(page).toContain('<p class="org">Acme Analytics</p>');
    expect(page).toContain('<legend><h1>How likely are you to recommend Acme to a friend or colleague?</h1>');
    const values = [...page.matchAll(/<input type="radio" name="score" value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page).toContain('<span>0 · Not at all likely</span><span>10 · Extremely likely</span>');
    expect(page).toContain('<label class="text" for="comment">What is the main reason for your score?</label>');
    expect(page).toContain(`<form method="post" action="/s/${link.token}" data-survey-form>`);
    // only score and comment are posted: no hidden ids, no scripts, nothing loaded from elsewhere
    const posted = new Set([...page.matchAll(/<(?:input|textarea|select|button)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]));
    expect([...posted]).toEqual(['score', 'comment']);
    expect(page).not.toMatch(/type="hidden"|<script|<link |src=/);
    expect(page).toContain(`<a href="/s/${link.token}/unsubscribe">Do not send me surveys</a>`);
  });

  it('shows CSAT as 1–5 and CES as 1–7 with their words, and no comment box when the survey has no follow-up', async () => {
    const csat = await janesLink({ kind: 'csat', question: 'How satisfied are you with onboarding?', followUpQuestion: null });
    const page = await (await GET(getRequest('/'), paramsOf(csat.link.token))).text();
    expect([...page.matchAll(/name="score" value="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(page).toContain('<span>1 · Very dissatisfied</span><span>5 · Very satisfied</span>');
    expect(page).toContain('<span class="box">3</span><span class="sr-only">(Neutral)</span>');
    expect(page).not.toContain('<textarea');

    const ces = await janesLink({ kind: 'ces', question: 'Acme made it easy for me to export data.' });
    const cesPage = await (await GET(getRequest('/'), paramsOf(ces.link.token))).text();
    expect([...cesPage.matchAll(/name="score" value="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(cesPage).toContain('<span>1 · Strongly disagree</span><span>7 · Strongly agree</span>');
  });
});

describe('answering (POST /s/{token})', () => {
  it('stores one response with responded_at and a system event on the account, then redirects to the thank-you page', async () => {
    const { org, account, jane, survey, link } = await janesLink();
    const res = await POST(formPost(`/s/${link.token}`, { score: '3', comment: 'too slow' }), paramsOf(link.token));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${link.token}/thanks`);
    expect(res.headers.get('set-cookie')).toBeNull();

    const rows = await responsesOf(org.id, link.id);
    expect(rows).toMatchObject([{ surveyId: survey.id, respondentKey: 'invitation', accountId: account.id, stakeholderId: jane.id, score: 3, comment: 'too slow' }]);
    expect((await invitationRow(org.id, link.id)).respondedAt).toBeInstanceOf(Date);
    const events = await eventsOf(org.id, account.id, 'survey.answered');
    expect(events).toMatchObject([{ actorType: 'system', actorId: null, summary: 'NPS 3 from Jane Doe: “too slow”' }]);
    expect(events[0].data).toMatchObject({ surveyId: survey.id, invitationId: link.id, responseId: rows[0].id, score: 3, body: 'too slow', replaced: false });

    const thanks = await THANKS(getRequest(`/s/${link.token}/thanks`), paramsOf(link.token));
    expect(thanks.status).toBe(200);
    const text = await thanks.text();
    expect(text).toContain('<h1>Thank you</h1>');
    expect(text).toContain('Your answer was sent to Acme Analytics.');
  });

  it('a second answer within 24 hours replaces the first (still one row), and the page shows it to change', async () => {
    const { org, account, link } = await janesLink();
    await POST(formPost(`/s/${link.token}`, { score: '3', comment: 'too slow' }), paramsOf(link.token));
    const [first] = await responsesOf(org.id, link.id);
    const respondedAt = (await invitationRow(org.id, link.id)).respondedAt;

    const page = await (await GET(getRequest('/'), paramsOf(link.token))).text();
    expect(page).toContain('<input type="radio" name="score" value="3" checked>');
    expect(page).toContain('>too slow</textarea>');
    expect(page).toMatch(/You have answered already\. You can change your answer until \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\./);
    expect(page).toContain('Update my answer');

    const res = await POST(formPost(`/s/${link.token}`, { score: '9', comment: '' }), paramsOf(link.token));
    expect(res.status).toBe(303);
    const rows = await responsesOf(org.id, link.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, score: 9, comment: null, createdAt: first.createdAt });
    expect(rows[0].updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect((await invitationRow(org.id, link.id)).respondedAt).toEqual(respondedAt);
    expect((await eventsOf(org.id, account.id, 'survey.answered')).map((e) => e.summary))
      .toEqual(['NPS 3 from Jane Doe: “too slow”', 'NPS 9 from Jane Doe (changed answer)']);
  });

  it('refuses a change more than 24 hours after the first answer, politely, and keeps the answer', async () => {
    const { org, link } = await janesLink();
    await POST(formPost(`/s/${link.token}`, { score: '6', comment: 'ok' }), paramsOf(link.token));
    await db.update(surveyResponses).set({ createdAt: sql`now() - interval '25 hours'`, updatedAt: sql`now() - interval '25 hours'` }).where(eq(surveyResponses.invitationId, link.id));

    const res = await POST(formPost(`/s/${link.token}`, { score: '10', comment: 'changed my mind' }), paramsOf(link.token));
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain('<h1>You have already answered</h1>');
    expect(page).toContain('that time has passed');
    expect(await responsesOf(org.id, link.id)).toMatchObject([{ score: 6, comment: 'ok' }]);
    const get = await GET(getRequest('/'), paramsOf(link.token));
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<h1>You have already answered</h1>');
  });

  it('never stores the raw token: only its SHA-256 is on the invitation, and no row of the answer contains it', async () => {
    const { org, link } = await janesLink();
    await POST(formPost(`/s/${link.token}`, { score: '8', comment: 'fine' }), paramsOf(link.token));
    const rows = await queryRows<{ row: string }>(db, sql`
      select row_to_json(i)::text as row from survey_invitations i where i.org_id = ${org.id}
      union all select row_to_json(r)::text from survey_responses r where r.org_id = ${org.id}
      union all select row_to_json(e)::text from account_events e where e.org_id = ${org.id}`);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.row).not.toContain(link.token);
    expect((await findSurveyLink(link.token))?.invitationId).toBe(link.id);
  });

  it('two submits of one link at the same moment leave one response', async () => {
    const { org, link } = await janesLink();
    const outcomes = await Promise.all([
      recordSurveyAnswer(link.token, { score: '4' }, null),
      recordSurveyAnswer(link.token, { score: '5' }, null),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored']);
    expect(await responsesOf(org.id, link.id)).toHaveLength(1);
  });
});
