import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { GET as exportResponses } from '@/app/(app)/[org]/surveys/[surveyId]/export/route';
import { db } from '@/db';
import { auditLog, surveyInvitations, surveys } from '@/db/schema';
import { createAnonymousLinkAction, createSurveyAction, sendSurveyAction } from '@/lib/actions/surveys';
import { getSurveyResults } from '@/lib/dal/survey-results';
import { previewSend, sendSurvey } from '@/lib/dal/survey-send';
import { createAnonymousLink, createSurvey, getSurvey, listSurveyLinks, listSurveys, setSurveyStatus } from '@/lib/dal/surveys';
import { surveyTokenHash } from '@/lib/surveys/token';
import { auditEntries, expectAppError, makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { form, signIn } from './session';
import { insertAnswers, insertSurvey, times } from './surveys-helpers';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

describe('creating a survey', () => {
  it('fills the default questions with the org name and topic, and audits', async () => {
    const o = await makeOrg({ name: 'Globex' });
    const csm = await o.ctx('csm');
    const nps = await createSurvey(csm, { kind: 'nps', name: 'Q1 NPS', followUpQuestion: 'What is the main reason for your score?' });
    const csat = await createSurvey(csm, { kind: 'csat', name: 'Support CSAT', topic: 'our support', status: 'open', linkExpiryDays: '14' });
    const ces = await createSurvey(csm, { kind: 'ces', name: 'Onboarding CES', topic: 'set up my first dashboard' });

    expect(await getSurvey(csm, nps)).toMatchObject({
      kind: 'nps', name: 'Q1 NPS', status: 'draft', linkExpiryDays: 30, sent: 0, answered: 0, responseRate: null, anonymousPath: null,
      question: 'How likely are you to recommend Globex to a friend or colleague?', followUpQuestion: 'What is the main reason for your score?',
    });
    expect(await getSurvey(csm, csat)).toMatchObject({ status: 'open', linkExpiryDays: 14, question: 'How satisfied are you with our support?', followUpQuestion: null });
    expect((await getSurvey(csm, ces)).question).toBe('Globex made it easy for me to set up my first dashboard.');
    expect((await getSurvey(csm, nps)).score).toMatchObject({ value: null, n: 0, reason: 'No answer yet.' });
    const [entry] = await auditEntries(o.org.id, 'survey.created');
    expect(entry).toMatchObject({ entityType: 'survey', entityId: nps, actorId: o.users.csm.id });
    expect(entry.after).toMatchObject({ kind: 'nps', name: 'Q1 NPS', status: 'draft', linkExpiryDays: 30 });
  });

  it('puts each bad value under its field: kind, expiry, a CSAT without a topic', async () => {
    const o = await makeOrg();
    const csm = await o.ctx('csm');
    const bad = await expectAppError(createSurvey(csm, { kind: 'stars' as 'nps', name: '', linkExpiryDays: '0' }), 'VALIDATION');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['kind', 'linkExpiryDays', 'name']);
    expect(bad.fieldErrors?.kind).toEqual(['Choose NPS, CSAT or CES.']);
    expect(bad.fieldErrors?.linkExpiryDays).toEqual(['Use a number from 1 to 365.']);
    const long = await expectAppError(createSurvey(csm, { kind: 'nps', name: 'x', linkExpiryDays: '366' }), 'VALIDATION');
    expect(long.fieldErrors).toEqual({ linkExpiryDays: ['Use a number from 1 to 365.'] });
    const frac = await expectAppError(createSurvey(csm, { kind: 'nps', name: 'x', linkExpiryDays: '2.5' }), 'VALIDATION');
    expect(frac.fieldErrors).toEqual({ linkExpiryDays: ['Enter a whole number of days.'] });
    const topic = await expectAppError(createSurvey(csm, { kind: 'csat', name: 'x' }), 'VALIDATION');
    expect(Object.keys(topic.fieldErrors ?? {})).toEqual(['topic']);
    expect(await db.select().from(surveys).where(eq(surveys.orgId, o.org.id))).toEqual([]);
  });

  it('through the action: field errors for a CSM, FORBIDDEN for a viewer', async () => {
    const o = await makeOrg();
    signIn(o.users.csm);
    const res = await createSurveyAction(o.org.slug, null, form({ kind: 'ces', name: 'CES', linkExpiryDays: 'soon' }));
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(res.ok ? null : Object.keys(res.fieldErrors ?? {})).toEqual(['linkExpiryDays']);
    const ok = await createSurveyAction(o.org.slug, null, form({ kind: 'nps', name: 'NPS', followUpQuestion: '' }));
    expect(ok.ok).toBe(true);
    signIn(o.users.viewer);
    expect(await createSurveyAction(o.org.slug, null, form({ kind: 'nps', name: 'NPS' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await db.select().from(surveys).where(eq(surveys.orgId, o.org.id))).toHaveLength(1);
  });
});

describe('roles and status', () => {
  it('a viewer reads but cannot create, open, send or make a link', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const s = await insertSurvey(o.org.id, 'nps');
    const account = await makeAccount(o.org.id);
    await expectAppError(createSurvey(viewer, { kind: 'nps', name: 'x' }), 'FORBIDDEN');
    await expectAppError(setSurveyStatus(viewer, s.id, 'closed'), 'FORBIDDEN');
    await expectAppError(sendSurvey(viewer, s.id, { target: 'account', accountId: account.id }), 'FORBIDDEN');
    await expectAppError(createAnonymousLink(viewer, s.id), 'FORBIDDEN');
    signIn(o.users.viewer);
    expect(await sendSurveyAction(o.org.slug, null, form({ surveyId: s.id, target: 'primary' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await createAnonymousLinkAction(o.org.slug, null, form({ surveyId: s.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await getSurvey(viewer, s.id)).status).toBe('open');
    expect(await db.select().from(surveyInvitations).where(eq(surveyInvitations.orgId, o.org.id))).toEqual([]);
  });

  it('opens, closes and reopens; back to draft only without links', async () => {
    const o = await makeOrg();
    const csm = await o.ctx('csm');
    const id = await createSurvey(csm, { kind: 'nps', name: 'x' });
    await setSurveyStatus(csm, id, 'open');
    await setSurveyStatus(csm, id, 'draft');
    await setSurveyStatus(csm, id, 'open');
    await createAnonymousLink(csm, id);
    await expectAppError(setSurveyStatus(csm, id, 'draft'), 'CONFLICT');
    await setSurveyStatus(csm, id, 'closed');
    expect((await getSurvey(csm, id)).status).toBe('closed');
    expect((await auditEntries(o.org.id, 'survey.status_changed')).map((e) => e.after)).toEqual([{ status: 'open' }, { status: 'draft' }, { status: 'open' }, { status: 'closed' }]);
  });

  it('makes one anonymous link per survey, stored hashed with no account', async () => {
    const o = await makeOrg();
    const csm = await o.ctx('csm');
    const s = await insertSurvey(o.org.id, 'csat');
    const first = await createAnonymousLink(csm, s.id);
    const again = await createAnonymousLink(csm, s.id);
    expect(again).toEqual(first);
    const rows = await db.select().from(surveyInvitations).where(eq(surveyInvitations.orgId, o.org.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, accountId: null, stakeholderId: null, tokenHash: surveyTokenHash(first.id), expiresAt: null });
    expect(first.path).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
    expect((await getSurvey(csm, s.id)).anonymousPath).toBe(first.path);
  });
});

describe('the surveys list', () => {
  it('counts links and answers per survey and scores every answer, anonymous ones included', async () => {
    const o = await makeOrg();
    const viewer = await o.ctx('viewer');
    const account = await makeAccount(o.org.id);
    await Promise.all([1, 2, 3, 4].map(() => makeStakeholder(o.org.id, account.id)));
    const s = await insertSurvey(o.org.id, 'nps', { name: 'Listed' });
    await sendSurvey(await o.ctx('csm'), s.id, { target: 'account', accountId: account.id });
    const links = await db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, s.id));
    // two of the four answered (mark their links), plus 2 anonymous promoters
    await db.update(surveyInvitations).set({ respondedAt: new Date() }).where(eq(surveyInvitations.id, links[0].id));
    await db.update(surveyInvitations).set({ respondedAt: new Date() }).where(eq(surveyInvitations.id, links[1].id));
    await insertAnswers(o.org.id, s.id, [{ score: 0, accountId: account.id }, { score: 10, accountId: account.id }, ...times(2, { score: 9 })]);
    const other = await insertSurvey(o.org.id, 'ces', { name: 'Empty' });
    const list = await listSurveys(viewer, 1);
    expect(list.total).toBe(2);
    const row = list.rows.find((r) => r.id === s.id)!;
    // insertAnswers adds a link per answer: 2 with an account (answered) and 2 anonymous (not counted as sent)
    expect(row).toMatchObject({ name: 'Listed', sent: 6, answered: 4, responseRate: (4 * 100) / 6 });
    expect(row.score).toMatchObject({ value: 50, n: 4, nOf: 'answers' });
    expect(list.rows.find((r) => r.id === other.id)).toMatchObject({ sent: 0, answered: 0, responseRate: null, score: { value: null, n: 0 } });
  });
});

describe('cross-tenant', () => {
  it('org B gets NOT_FOUND for org A\'s survey: read, status, preview, send, link, results, export', async () => {
    const a = await makeOrg();
    const b = await makeOrg({ roles: ['csm'] });
    const account = await makeAccount(a.org.id);
    await makeStakeholder(a.org.id, account.id);
    const s = await insertSurvey(a.org.id, 'nps', { name: 'Secret survey' });
    await insertAnswers(a.org.id, s.id, [{ score: 3, comment: '=HYPERLINK("x")', accountId: account.id }]);
    const bOwner = await b.ctx('owner');
    const before = await db.select().from(surveyInvitations).where(eq(surveyInvitations.orgId, a.org.id));

    await expectAppError(getSurvey(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(setSurveyStatus(bOwner, s.id, 'closed'), 'NOT_FOUND');
    await expectAppError(previewSend(bOwner, s.id, { target: 'primary' }), 'NOT_FOUND');
    await expectAppError(sendSurvey(bOwner, s.id, { target: 'primary' }), 'NOT_FOUND');
    await expectAppError(createAnonymousLink(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(listSurveyLinks(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(getSurveyResults(bOwner, s.id), 'NOT_FOUND');
    // B's own survey cannot be sent to A's account
    const mine = await insertSurvey(b.org.id, 'nps');
    await expectAppError(previewSend(bOwner, mine.id, { target: 'account', accountId: account.id }), 'NOT_FOUND');
    await expectAppError(sendSurvey(bOwner, mine.id, { target: 'account', accountId: account.id }), 'NOT_FOUND');
    // malformed ids are NOT_FOUND too, never a driver error
    await expectAppError(getSurvey(bOwner, 'not-a-uuid'), 'NOT_FOUND');
    await expectAppError(getSurveyResults(bOwner, "1' or 1=1"), 'NOT_FOUND');
    expect((await listSurveys(bOwner)).rows.map((r) => r.id)).toEqual([mine.id]);

    const url = (slug: string, id: string) => new Request(`http://localhost/${slug}/surveys/${id}/export`);
    signIn(b.users.owner);
    const denied = await exportResponses(url(a.org.slug, s.id), { params: Promise.resolve({ org: a.org.slug, surveyId: s.id }) });
    expect(denied.status).toBe(404);
    const foreign = await exportResponses(url(b.org.slug, s.id), { params: Promise.resolve({ org: b.org.slug, surveyId: s.id }) });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe('That survey was not found.');

    signIn(a.users.viewer);
    const ok = await exportResponses(url(a.org.slug, s.id), { params: Promise.resolve({ org: a.org.slug, surveyId: s.id }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Disposition')).toBe('attachment; filename="secret-survey-responses.csv"');
    const lines = (await ok.text()).split('\r\n');
    expect(lines[0]).toBe('answered_at,kind,score,comment,anonymous,account,account_external_id,segment,stakeholder,stakeholder_email');
    expect(lines[1]).toContain(`,nps,3,"'=HYPERLINK(""x"")",no,${account.name},`);
    expect(await db.select().from(surveyInvitations).where(eq(surveyInvitations.orgId, a.org.id))).toEqual(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, b.org.id))).toEqual([]);
  });
});
