import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accountEvents, organizations, surveyInvitations } from '@/db/schema';
import { listAccountOptions, previewSend, sendSurvey } from '@/lib/dal/survey-send';
import { listOutbox, listSurveyLinks } from '@/lib/dal/surveys';
import { drainSurveyEmails, MAX_EMAIL_ATTEMPTS, surveyEmailsIdle } from '@/lib/surveys/email-queue';
import { surveyToken, surveyTokenHash } from '@/lib/surveys/token';
import { auditEntries, expectAppError, makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { insertLink, insertSurvey } from './surveys-helpers';

// SMTP is off unless a test turns it on; sendMail fails for addresses containing "bounce".
const mail = vi.hoisted(() => ({ smtp: false, sent: [] as { to: string; subject: string; text: string }[] }));
vi.mock('@/lib/mail', () => ({
  smtpConfigured: () => mail.smtp,
  sendMail: async (m: { to: string; subject: string; text: string }) => {
    if (m.to.includes('bounce')) throw new Error('550 mailbox unavailable');
    mail.sent.push(m);
    return true;
  },
}));

beforeEach(() => {
  mail.smtp = false;
  mail.sent = [];
});

const DAY_MS = 86_400_000;

/** An account with one stakeholder per skip reason and two who get a link. */
async function cast() {
  const o = await makeOrg();
  const csm = await o.ctx('csm');
  const account = await makeAccount(o.org.id, { name: 'Initech' });
  const p = {
    ok1: await makeStakeholder(o.org.id, account.id, { name: 'Ann Able', isPrimary: true }),
    ok2: await makeStakeholder(o.org.id, account.id, { name: 'Bob Baker', email: '  bob@initech.example ' }),
    left: await makeStakeholder(o.org.id, account.id, { name: 'Cy Gone', leftAt: new Date(Date.now() - 5 * DAY_MS) }),
    noEmail: await makeStakeholder(o.org.id, account.id, { name: 'Di Nomail', email: null }),
    dns: await makeStakeholder(o.org.id, account.id, { name: 'Ed Optout', doNotSurvey: true }),
    cool: await makeStakeholder(o.org.id, account.id, { name: 'Flo Recent' }),
    linked: await makeStakeholder(o.org.id, account.id, { name: 'Gus Linked' }),
  };
  const survey = await insertSurvey(o.org.id, 'nps', { name: 'Relationship NPS' });
  // Flo was asked by another survey 10 days ago (cooldown 90); Gus already has a link to this one
  const earlier = await insertSurvey(o.org.id, 'csat', { status: 'closed' });
  await insertLink(o.org.id, earlier.id, { accountId: account.id, stakeholderId: p.cool.id, sentAt: new Date(Date.now() - 10 * DAY_MS) });
  await insertLink(o.org.id, survey.id, { accountId: account.id, stakeholderId: p.linked.id, sentAt: new Date(Date.now() - 200 * DAY_MS) });
  return { o, csm, account, p, survey, target: { target: 'account', accountId: account.id } as const };
}

describe('the send preview', () => {
  it('lists who gets a link and who is skipped, with each reason', async () => {
    const { csm, p, survey, target } = await cast();
    const pre = await previewSend(csm, survey.id, target);
    expect(pre.send.map((r) => r.name)).toEqual(['Ann Able', 'Bob Baker']);
    expect(Object.fromEntries(pre.skipped.map((r) => [r.name, r.skip]))).toEqual({
      'Cy Gone': 'left', 'Di Nomail': 'no_email', 'Ed Optout': 'do_not_survey', 'Flo Recent': 'cooldown', 'Gus Linked': 'already_linked',
    });
    expect(pre.sendCount).toBe(2);
    expect(pre.skipCounts).toEqual({ archived: 0, left: 1, do_not_survey: 1, no_email: 1, already_linked: 1, cooldown: 1 });
    expect(pre.cooldownDays).toBe(90);
    expect(pre.skipped.find((r) => r.stakeholderId === p.cool.id)?.lastAskedAt?.getTime()).toBeGreaterThan(Date.now() - 11 * DAY_MS);
  });

  it('counts the cooldown in whole days from the last link of any survey; 0 turns it off', async () => {
    const { o, csm, p, survey, target, account } = await cast();
    const other = await insertSurvey(o.org.id, 'ces', { status: 'closed' });
    const old = await makeStakeholder(o.org.id, account.id, { name: 'Hal Old' });
    await insertLink(o.org.id, other.id, { accountId: account.id, stakeholderId: old.id, sentAt: new Date(Date.now() - 91 * DAY_MS) });
    await db.update(organizations).set({ surveyCooldownDays: 11 }).where(eq(organizations.id, o.org.id));
    let pre = await previewSend(csm, survey.id, target);
    expect(pre.send.map((r) => r.name)).toEqual(['Ann Able', 'Bob Baker', 'Hal Old']);
    expect(pre.skipped.find((r) => r.stakeholderId === p.cool.id)?.skip).toBe('cooldown');
    await db.update(organizations).set({ surveyCooldownDays: 9 }).where(eq(organizations.id, o.org.id));
    pre = await previewSend(csm, survey.id, target);
    expect(pre.send.map((r) => r.name)).toEqual(['Ann Able', 'Bob Baker', 'Flo Recent', 'Hal Old']);
    await db.update(organizations).set({ surveyCooldownDays: 0 }).where(eq(organizations.id, o.org.id));
    expect((await previewSend(csm, survey.id, target)).skipCounts.cooldown).toBe(0);
  });

  it('targets segments, roles and primary contacts, leaving archived accounts out; an archived account is skipped', async () => {
    const o = await makeOrg();
    const csm = await o.ctx('csm');
    const ent = await makeAccount(o.org.id, { segment: 'enterprise', name: 'Ent' });
    const smb = await makeAccount(o.org.id, { segment: 'smb', name: 'Small' });
    const gone = await makeAccount(o.org.id, { segment: 'enterprise', name: 'Gone', archivedAt: new Date() });
    await makeStakeholder(o.org.id, ent.id, { name: 'E champion', role: 'champion', isPrimary: true });
    await makeStakeholder(o.org.id, ent.id, { name: 'E user', role: 'user' });
    await makeStakeholder(o.org.id, smb.id, { name: 'S champion', role: 'champion', isPrimary: true });
    await makeStakeholder(o.org.id, gone.id, { name: 'G champion', role: 'champion', isPrimary: true });
    const s = await insertSurvey(o.org.id, 'nps');
    const names = async (t: object) => (await previewSend(csm, s.id, t)).send.map((r) => r.name);
    expect(await names({ target: 'segment', segment: 'enterprise' })).toEqual(['E champion', 'E user']);
    expect(await names({ target: 'role', role: 'champion' })).toEqual(['E champion', 'S champion']);
    expect(await names({ target: 'primary' })).toEqual(['E champion', 'S champion']);
    const archived = await previewSend(csm, s.id, { target: 'account', accountId: gone.id });
    expect(archived.skipped.map((r) => [r.name, r.skip])).toEqual([['G champion', 'archived']]);
    const bad = await expectAppError(previewSend(csm, s.id, { target: 'segment', segment: 'galactic' }), 'VALIDATION');
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['segment']);
  });
});

describe('sending', () => {
  it('creates one hashed link per eligible stakeholder, an event per account and an audit entry', async () => {
    const { o, csm, account, p, survey, target } = await cast();
    const result = await sendSurvey(csm, survey.id, target);
    expect(result).toEqual({ sent: 2, accounts: 1, queued: 0, outbox: 2 });
    const rows = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.orgId, o.org.id), eq(surveyInvitations.surveyId, survey.id)));
    const fresh = rows.filter((r) => r.stakeholderId === p.ok1.id || r.stakeholderId === p.ok2.id);
    expect(fresh).toHaveLength(2);
    for (const r of fresh) {
      const token = surveyToken(r.id);
      expect(r.tokenHash).toBe(surveyTokenHash(r.id));
      // the raw token is in no column of the row
      expect(Object.values(r).map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('|')).not.toContain(token);
      expect(r).toMatchObject({ accountId: account.id, delivery: 'outbox', sentBy: o.users.csm.id });
      expect(Math.abs(r.expiresAt!.getTime() - r.sentAt.getTime() - 30 * DAY_MS)).toBeLessThan(1000);
    }
    expect(fresh.find((r) => r.stakeholderId === p.ok2.id)?.email).toBe('bob@initech.example');
    const events = await db.select().from(accountEvents).where(and(eq(accountEvents.orgId, o.org.id), eq(accountEvents.kind, 'survey.sent')));
    expect(events.map((e) => e.summary)).toEqual(['NPS survey sent to 2 stakeholders']);
    expect((await auditEntries(o.org.id, 'survey.sent'))[0].after).toEqual({ target: 'account', accountId: account.id, links: 2, accounts: 1 });

    // a second send finds nobody left: one link per stakeholder per survey
    await expectAppError(sendSurvey(csm, survey.id, target), 'CONFLICT');
    expect(await db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey.id))).toHaveLength(3);

    const outbox = await listOutbox(csm);
    // every survey's unsent links: Flo's came from the earlier CSAT survey
    expect(outbox.rows.map((r) => `${r.stakeholderName}/${r.kind}`).sort()).toEqual(['Ann Able/nps', 'Bob Baker/nps', 'Flo Recent/csat', 'Gus Linked/nps']);
    const ann = outbox.rows.find((r) => r.stakeholderName === 'Ann Able')!;
    expect(ann).toMatchObject({ surveyName: 'Relationship NPS', accountName: 'Initech', respondedAt: null });
    expect(ann.path).toBe(`/s/${surveyToken(ann.id)}`);
    expect((await listSurveyLinks(csm, survey.id)).total).toBe(3);
  });

  it('refuses a draft or closed survey', async () => {
    const { o, csm, target } = await cast();
    const draft = await insertSurvey(o.org.id, 'nps', { status: 'draft' });
    const closed = await insertSurvey(o.org.id, 'nps', { status: 'closed' });
    expect((await expectAppError(sendSurvey(csm, draft.id, target), 'CONFLICT')).message).toBe('Open the survey before sending it.');
    await expectAppError(sendSurvey(csm, closed.id, target), 'CONFLICT');
    expect(await db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, draft.id))).toEqual([]);
  });

  it('queues each link\'s email when SMTP is on; the background sender records sent, retries a failure, then gives up', async () => {
    const { o, csm, account, survey } = await cast();
    mail.smtp = true;
    const other = await makeAccount(o.org.id, { name: 'Vandelay' });
    await makeStakeholder(o.org.id, other.id, { name: 'Art V', email: 'art@vandelay.example' });
    await makeStakeholder(o.org.id, other.id, { name: 'Bounce B', email: 'bounce@vandelay.example' });
    const result = await sendSurvey(csm, survey.id, { target: 'account', accountId: other.id });
    expect(result).toEqual({ sent: 2, accounts: 1, queued: 2, outbox: 0 });
    // nothing is sent inside the request: the links are queued
    expect(mail.sent).toEqual([]);
    const linksOf = () => db.select().from(surveyInvitations).where(and(eq(surveyInvitations.surveyId, survey.id), eq(surveyInvitations.accountId, other.id)));
    expect((await linksOf()).map((r) => r.delivery)).toEqual(['queued', 'queued']);

    await surveyEmailsIdle();
    let rows = await linksOf();
    const art = rows.find((r) => r.email === 'art@vandelay.example')!;
    expect(art).toMatchObject({ delivery: 'sent', deliveryError: null, emailAttempts: 1 });
    expect(rows.find((r) => r.email === 'bounce@vandelay.example')).toMatchObject({ delivery: 'queued', deliveryError: '550 mailbox unavailable', emailAttempts: 1 });
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0].text).toContain(`/s/${surveyToken(art.id)}\n`);
    expect(mail.sent[0].text).toContain(`/s/${surveyToken(art.id)}/unsubscribe`);
    expect(mail.sent[0].text).toContain('A nps question?');
    // not due again before its backoff; then a second and a third attempt, after which it is failed for good
    expect(await drainSurveyEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
    expect(await drainSurveyEmails({ now: later(61) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await drainSurveyEmails({ now: later(61 + 301) })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await drainSurveyEmails({ now: later(3_600) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    rows = await linksOf();
    expect(rows.map((r) => [r.email, r.delivery, r.deliveryError, r.emailAttempts]).sort()).toEqual([
      ['art@vandelay.example', 'sent', null, 1], ['bounce@vandelay.example', 'failed', '550 mailbox unavailable', MAX_EMAIL_ATTEMPTS],
    ]);
    expect(mail.sent).toHaveLength(1);
    // failed links stay on the outbox page to copy; sent ones do not
    expect((await listOutbox(csm)).rows.map((r) => r.stakeholderName)).toContain('Bounce B');
    expect((await listOutbox(csm)).rows.map((r) => r.stakeholderName)).not.toContain('Art V');
    expect(account.id).not.toBe(other.id);
  });

  it('two senders running at once send each queued email exactly once', async () => {
    const o = await makeOrg();
    const csm = await o.ctx('csm');
    const acc = await makeAccount(o.org.id, { name: 'Globex' });
    for (let i = 0; i < 25; i++) await makeStakeholder(o.org.id, acc.id, { name: `Person ${i}`, email: `p${i}@globex.example` });
    const survey = await insertSurvey(o.org.id, 'nps');
    mail.smtp = true;
    expect((await sendSurvey(csm, survey.id, { target: 'account', accountId: acc.id })).queued).toBe(25);
    await Promise.all([drainSurveyEmails(), drainSurveyEmails(), surveyEmailsIdle()]);
    expect(mail.sent.map((m) => m.to).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `p${i}@globex.example`).sort());
    const rows = await db.select({ delivery: surveyInvitations.delivery }).from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey.id));
    expect(rows.every((r) => r.delivery === 'sent')).toBe(true);
  });
});

describe('the send page\'s account picker', () => {
  it('lists the org\'s active accounts by name, narrows by name or domain (wildcards are literal), keeps the chosen one, counts all matches', async () => {
    const o = await makeOrg();
    const csm = await o.ctx('csm');
    const globex = await makeAccount(o.org.id, { name: 'Globex', domain: 'globex.example' });
    const initech = await makeAccount(o.org.id, { name: 'Initech', domain: 'initech.example' });
    await makeAccount(o.org.id, { name: '100% Juice', domain: 'juice.example' });
    await makeAccount(o.org.id, { name: 'Gone Inc', archivedAt: new Date() });
    const other = await makeOrg();
    await makeAccount(other.org.id, { name: 'Globex of B' });

    const all = await listAccountOptions(csm);
    expect(all).toEqual({ total: 3, rows: [{ id: expect.any(String), name: '100% Juice' }, { id: globex.id, name: 'Globex' }, { id: initech.id, name: 'Initech' }] });
    expect(await listAccountOptions(csm, { q: 'glob' })).toEqual({ total: 1, rows: [{ id: globex.id, name: 'Globex' }] });
    expect(await listAccountOptions(csm, { q: 'INITECH.EX' })).toEqual({ total: 1, rows: [{ id: initech.id, name: 'Initech' }] });
    expect((await listAccountOptions(csm, { q: '%' })).rows.map((r) => r.name)).toEqual(['100% Juice']);
    expect((await listAccountOptions(csm, { q: '_' })).total).toBe(0);
    // the account already chosen stays selectable while another search is shown; a junk id is ignored
    expect(await listAccountOptions(csm, { q: 'glob', keep: initech.id })).toEqual({ total: 1, rows: [{ id: globex.id, name: 'Globex' }, { id: initech.id, name: 'Initech' }] });
    expect((await listAccountOptions(csm, { q: 'glob', keep: 'junk' })).rows).toHaveLength(1);
    // another org's account is never listed, not even as the one to keep
    const bAcc = (await listAccountOptions(await other.ctx('csm'))).rows[0];
    expect((await listAccountOptions(csm, { keep: bAcc.id })).rows.map((r) => r.id)).not.toContain(bAcc.id);
  });
});
