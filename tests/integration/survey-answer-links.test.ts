import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, stakeholders, surveyInvitations, surveyResponses } from '@/db/schema';
import { GET, POST } from '@/app/s/[token]/route';
import { GET as UNSUB_GET, POST as UNSUB_POST } from '@/app/s/[token]/unsubscribe/route';
import { makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { doNotSurvey, eventsOf, formPost, getRequest, makeLink, makeSurvey, paramsOf, responsesOf } from './survey-answer-fixtures';

const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? null;

describe('the anonymous link', () => {
  it('takes one answer per browser: a new cookie is set once; two cookies give two rows, the same cookie replaces; no account, no event', async () => {
    const { org } = await makeOrg({ roles: [] });
    const account = await makeAccount(org.id);
    const survey = await makeSurvey(org.id, { kind: 'csat', question: 'How satisfied are you with support?' });
    const link = await makeLink(survey, { expiresAt: null });

    const first = await POST(formPost('/', { score: '2', comment: 'slow' }), paramsOf(link.token));
    expect(first.status).toBe(303);
    const setCookie = first.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tenure_respondent=[A-Za-z0-9_-]{22}; Path=\/s\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    const browserA = cookieOf(first)!;

    const second = await POST(formPost('/', { score: '5' }), paramsOf(link.token));
    const browserB = cookieOf(second)!;
    expect(browserB).not.toBe(browserA);
    let rows = await responsesOf(org.id, link.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.accountId === null && r.stakeholderId === null)).toBe(true);
    // the cookie id itself is never stored, only a hash of it with the invitation
    expect(rows.map((r) => r.respondentKey).every((k) => /^[0-9a-f]{64}$/.test(k) && !k.includes(browserA.split('=')[1]))).toBe(true);

    const again = await POST(formPost('/', { score: '4', comment: 'better' }, { cookie: `other=1; ${browserA}` }), paramsOf(link.token));
    expect(again.status).toBe(303);
    expect(again.headers.get('set-cookie')).toBeNull();
    rows = await responsesOf(org.id, link.id);
    expect(rows.map((r) => r.score).sort()).toEqual([4, 5]);
    expect(rows.find((r) => r.score === 4)?.comment).toBe('better');

    const page = await (await GET(getRequest('/', { cookie: browserA }), paramsOf(link.token))).text();
    expect(page).toContain('<input type="radio" name="score" value="4" checked>');
    expect(page).not.toContain('/unsubscribe');
    expect(await db.select().from(accountEvents).where(eq(accountEvents.orgId, org.id))).toEqual([]);
    expect(await eventsOf(org.id, account.id, 'survey.answered')).toEqual([]);
  });
});

describe('tenancy', () => {
  it('a token of org A writes only to org A, whatever ids of org B the form carries', async () => {
    const a = (await makeOrg({ roles: [], name: 'Org A' })).org;
    const b = (await makeOrg({ roles: [], name: 'Org B' })).org;
    const accountA = await makeAccount(a.id);
    const personA = await makeStakeholder(a.id, accountA.id, { name: 'Ann' });
    const surveyA = await makeSurvey(a.id);
    const linkA = await makeLink(surveyA, { accountId: accountA.id, stakeholderId: personA.id });
    const accountB = await makeAccount(b.id);
    const personB = await makeStakeholder(b.id, accountB.id, { name: 'Bob' });
    const surveyB = await makeSurvey(b.id);
    const linkB = await makeLink(surveyB, { accountId: accountB.id, stakeholderId: personB.id });

    const res = await POST(formPost('/', {
      score: '1', comment: 'from A', orgId: b.id, surveyId: surveyB.id, invitationId: linkB.id, accountId: accountB.id, stakeholderId: personB.id,
    }), paramsOf(linkA.token));
    expect(res.status).toBe(303);
    await UNSUB_POST(formPost('/', { stakeholderId: personB.id, orgId: b.id }), paramsOf(linkA.token));

    expect(await responsesOf(a.id, linkA.id)).toMatchObject([{ orgId: a.id, surveyId: surveyA.id, accountId: accountA.id, stakeholderId: personA.id, score: 1 }]);
    expect(await db.select().from(surveyResponses).where(eq(surveyResponses.orgId, b.id))).toEqual([]);
    expect(await db.select().from(accountEvents).where(eq(accountEvents.orgId, b.id))).toEqual([]);
    const [invB] = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.orgId, b.id), eq(surveyInvitations.id, linkB.id)));
    expect(invB.respondedAt).toBeNull();
    expect(await doNotSurvey(b.id, personB.id)).toBe(false);
    expect(await doNotSurvey(a.id, personA.id)).toBe(true);
    expect((await eventsOf(a.id, accountA.id, 'survey.answered')).map((e) => e.summary)).toEqual(['NPS 1 from Ann: “from A”']);
  });
});

describe('unsubscribe (/s/{token}/unsubscribe)', () => {
  it('GET shows a confirm button and changes nothing; POST sets do_not_survey with an event; GET then says so', async () => {
    const { org } = await makeOrg({ roles: [], name: 'Umbrella' });
    const account = await makeAccount(org.id);
    const person = await makeStakeholder(org.id, account.id, { name: 'Ada Wong' });
    const survey = await makeSurvey(org.id, { status: 'closed' });
    const link = await makeLink(survey, { accountId: account.id, stakeholderId: person.id, expiresAt: new Date(Date.now() - 86400_000) });

    const confirm = await UNSUB_GET(getRequest('/'), paramsOf(link.token));
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('<h1>Stop survey emails from Umbrella?</h1>');
    expect(page).toContain(`<form method="post" action="/s/${link.token}/unsubscribe"><button type="submit">Yes, stop sending me surveys</button></form>`);
    await UNSUB_GET(getRequest('/'), paramsOf(link.token));
    expect(await doNotSurvey(org.id, person.id)).toBe(false);
    expect(await eventsOf(org.id, account.id, 'survey.unsubscribed')).toEqual([]);

    const res = await UNSUB_POST(formPost('/', {}), paramsOf(link.token));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${link.token}/unsubscribe`);
    expect(await doNotSurvey(org.id, person.id)).toBe(true);
    expect(await eventsOf(org.id, account.id, 'survey.unsubscribed')).toMatchObject([{ actorType: 'system', summary: 'Ada Wong unsubscribed from surveys' }]);

    await UNSUB_POST(formPost('/', {}), paramsOf(link.token));
    expect(await eventsOf(org.id, account.id, 'survey.unsubscribed')).toHaveLength(1);
    const done = await (await UNSUB_GET(getRequest('/'), paramsOf(link.token))).text();
    expect(done).toContain('<h1>You are unsubscribed</h1>');
    expect(done).toContain('Umbrella will not send you surveys any more.');
  });

  it('the anonymous link is "not tied to a person"; an unknown token is a 404 page', async () => {
    const { org } = await makeOrg({ roles: [] });
    const link = await makeLink(await makeSurvey(org.id));
    for (const res of [await UNSUB_GET(getRequest('/'), paramsOf(link.token)), await UNSUB_POST(formPost('/', {}), paramsOf(link.token))]) {
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<h1>This link is not tied to a person</h1>');
    }
    expect(await db.select().from(stakeholders).where(and(eq(stakeholders.orgId, org.id), eq(stakeholders.doNotSurvey, true)))).toEqual([]);
    const unknown = await UNSUB_POST(formPost('/', {}), paramsOf('BBBBBBBBBBBBBBBBBBBBBB'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<h1>We could not find this survey</h1>');
  });
});
