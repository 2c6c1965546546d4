import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents } from '@/db/schema';
import { GET, POST } from '@/app/s/[token]/route';
import { GET as THANKS } from '@/app/s/[token]/thanks/route';
import { rules } from '@/lib/rate-limit';
import { makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { formPost, getRequest, invitationRow, makeLink, makeSurvey, paramsOf, randomIp, responsesOf } from './survey-answer-fixtures';

async function personLink(surveyOverrides: Parameters<typeof makeSurvey>[1] = {}, expiresAt?: Date | null) {
  const { org } = await makeOrg({ roles: [], name: 'Initech' });
  const account = await makeAccount(org.id);
  const person = await makeStakeholder(org.id, account.id, { name: 'Bill Lumbergh' });
  const survey = await makeSurvey(org.id, surveyOverrides);
  const link = await makeLink(survey, { accountId: account.id, stakeholderId: person.id, expiresAt });
  return { org, account, link };
}

async function nothingStored(orgId: string, invitationId: string) {
  expect(await responsesOf(orgId, invitationId)).toEqual([]);
  expect((await invitationRow(orgId, invitationId)).respondedAt).toBeNull();
  expect(await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.kind, 'survey.answered')))).toEqual([]);
}

describe('links that take no answers', () => {
  const cases = [
    { name: 'expired', survey: {}, expiresAt: new Date(Date.now() - 60_000), post: 410, heading: 'This survey link has expired' },
    { name: 'closed', survey: { status: 'closed' as const }, expiresAt: undefined, post: 410, heading: 'This survey is closed' },
    { name: 'draft', survey: { status: 'draft' as const }, expiresAt: undefined, post: 409, heading: 'This survey is not open yet' },
  ];
  for (const c of cases) {
    it(`a ${c.name} link shows "${c.heading}" on GET and POST and stores nothing`, async () => {
      const { org, link } = await personLink(c.survey, c.expiresAt);
      const get = await GET(getRequest('/'), paramsOf(link.token));
      expect(get.status).toBe(200);
      const page = await get.text();
      expect(page).toContain(`<h1>${c.heading}</h1>`);
      expect(page).toContain('<p class="org">Initech</p>');
      expect(page).not.toContain('<form');
      const post = await POST(formPost('/', { score: '7' }), paramsOf(link.token));
      expect(post.status).toBe(c.post);
      expect(await post.text()).toContain(`<h1>${c.heading}</h1>`);
      await nothingStored(org.id, link.id);
    });
  }

  it('an unknown or malformed token is a 404 page with a human sentence on every route, never an error', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'not a token!', "x'; drop table surveys; --", 'a'.repeat(500)]) {
      for (const res of [
        await GET(getRequest('/'), paramsOf(token)),
        await POST(formPost('/', { score: '7' }), paramsOf(token)),
        await THANKS(getRequest('/'), paramsOf(token)),
      ]) {
        expect(res.status).toBe(404);
        const page = await res.text();
        expect(page).toContain('<h1>We could not find this survey</h1>');
        expect(page).toContain('The link may be mistyped or incomplete.');
        expect(page).not.toMatch(/Error:|at .*\.ts|postgres|drizzle/i);
      }
    }
  });
});

describe('invalid answers', () => {
  const long = 'x'.repeat(2001);
  const cases: { kind: 'nps' | 'csat' | 'ces'; fields: Record<string, string>; field: string; message: string }[] = [
    { kind: 'nps' as const, fields: { comment: 'kept text' }, field: 'score', message: 'Choose a score.' },
    { kind: 'nps' as const, fields: { score: '', comment: 'kept text' }, field: 'score', message: 'Choose a score.' },
    { kind: 'nps' as const, fields: { score: '11', comment: 'kept text' }, field: 'score', message: 'Choose a score from 0 to 10.' },
    { kind: 'nps' as const, fields: { score: '-1', comment: 'kept text' }, field: 'score', message: 'Choose a score from 0 to 10.' },
    { kind: 'nps' as const, fields: { score: '3.5', comment: 'kept text' }, field: 'score', message: 'Choose a score from 0 to 10.' },
    { kind: 'nps' as const, fields: { score: 'ten', comment: 'kept text' }, field: 'score', message: 'Choose a score.' },
    { kind: 'csat' as const, fields: { score: '0', comment: 'kept text' }, field: 'score', message: 'Choose a score from 1 to 5.' },
    { kind: 'csat' as const, fields: { score: '6', comment: 'kept text' }, field: 'score', message: 'Choose a score from 1 to 5.' },
    { kind: 'ces' as const, fields: { score: '8', comment: 'kept text' }, field: 'score', message: 'Choose a score from 1 to 7.' },
    { kind: 'nps' as const, fields: { score: '4', comment: long }, field: 'comment', message: 'Keep your answer to 2,000 characters or fewer.' },
  ];
  for (const c of cases) {
    it(`${c.kind} ${JSON.stringify(c.fields).slice(0, 40)} → "${c.message}" next to the ${c.field}, comment kept, nothing stored`, async () => {
      const { org, link } = await personLink({ kind: c.kind });
      const res = await POST(formPost('/', c.fields), paramsOf(link.token));
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain('<title>Error: Your feedback · Initech</title>');
      expect(page).toContain('<div class="problem" role="alert">There is a problem with your answer');
      expect(page).toContain(`<p class="error" id="${c.field}-error"><span class="sr-only">Error: </span>${c.message}</p>`);
      if (c.field === 'score') expect(page).toContain('<fieldset aria-describedby="score-error">');
      else expect(page).toMatch(/<textarea [^>]*aria-describedby="comment-error comment-hint" aria-invalid="true" autofocus>/);
      expect(page).toContain(`>${c.fields.comment}</textarea>`);
      await nothingStored(org.id, link.id);
    });
  }

  it('re-shows a typed comment escaped, and keeps the chosen score when only the comment is wrong', async () => {
    const { link } = await personLink();
    const page = await (await POST(formPost('/', { comment: '<script>alert("x")</script> & more' }), paramsOf(link.token))).text();
    expect(page).toContain('>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</textarea>');
    expect(page).not.toContain('<script>');
    const again = await (await POST(formPost('/', { score: '2', comment: 'y'.repeat(2001) }), paramsOf(link.token))).text();
    expect(again).toContain('<input type="radio" name="score" value="2" checked>');
  });

  it('refuses a body far larger than any answer with a 413 page', async () => {
    const { org, link } = await personLink();
    const res = await POST(formPost('/', { score: '5', comment: 'z'.repeat(70_000) }), paramsOf(link.token));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('<h1>Your answer is too long</h1>');
    await nothingStored(org.id, link.id);
  });
});

describe('rate limits', () => {
  it('a link takes 10 submissions a minute; the 11th gets a polite 429 with Retry-After', async () => {
    const { org, link } = await personLink();
    for (let i = 0; i < 10; i++) {
      const res = await POST(formPost('/', { score: String(i) }, { 'x-forwarded-for': randomIp() }), paramsOf(link.token));
      expect(res.status).toBe(303);
    }
    const res = await POST(formPost('/', { score: '10' }, { 'x-forwarded-for': randomIp() }), paramsOf(link.token));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await res.text();
    expect(page).toContain('<h1>Please wait a moment</h1>');
    expect(page).toMatch(/Please try again in 1 minute\./);
    expect(await responsesOf(org.id, link.id)).toMatchObject([{ score: 9 }]);
  });

  it('one IP gets 20 submissions a minute across links (the x-forwarded-for entry the proxy appended counts); the 21st is refused', async () => {
    expect(rules.surveyIp).toEqual({ points: 20, durationSec: 60 });
    const { link: a } = await personLink();
    const { link: b } = await personLink();
    const { link: c } = await personLink();
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const token = [a, b, c][i % 3].token;
      // what the client typed comes first and changes every time: it must not buy more attempts
      statuses.push((await POST(formPost('/', { score: '5' }, { 'x-forwarded-for': `${randomIp()}, ${ip}` }), paramsOf(token))).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
    // another client is not affected
    expect((await POST(formPost('/', { score: '5' }), paramsOf(a.token))).status).toBe(303);
  });
});
