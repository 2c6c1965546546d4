import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, queryRows } from '@/db';
import { accountEvents, organizations } from '@/db/schema';
import { addNoteAction, deleteNoteAction, editNoteAction } from '@/lib/actions/notes';
import { listAccountEvents } from '@/lib/dal/events';
import { createNote, deleteNote, orgToday, updateNote } from '@/lib/dal/notes';
import { auditEntries, expectAppError, makeAccount, makeOrg } from './fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const notesOf = (orgId: string, accountId: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId), eq(accountEvents.kind, 'note')));

/** The date `days` after `date` (YYYY-MM-DD). */
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function setup() {
  const t = await makeOrg();
  const csm = await t.ctx('csm');
  const account = await makeAccount(csm, { name: 'Initech' });
  signIn(t.users.csm);
  return { t, csm, account };
}

beforeEach(() => vi.mocked(revalidatePath).mockClear());

describe('notes', () => {
  it('adds a note dated today: first line as summary, full text in data.body, stamped now, audited', async () => {
    const { t, csm, account } = await setup();
    const today = new Date().toISOString().slice(0, 10); // the fixture org is on UTC
    expect(await orgToday(csm)).toBe(today);
    const result = await addNoteAction(t.org.slug, null, form({ accountId: account.id, date: today, body: '  QBR went well.\r\nThey want SSO next quarter.\r\n' }));
    expect(result.ok).toBe(true);
    const [note] = await notesOf(t.org.id, account.id);
    expect(note).toMatchObject({
      id: (result as { data: { id: string } }).data.id, summary: 'QBR went well.', actorType: 'user', actorId: t.users.csm.id,
      data: { body: 'QBR went well.\nThey want SSO next quarter.', date: today },
    });
    expect(Math.abs(note.occurredAt.getTime() - Date.now())).toBeLessThan(5_000);
    expect(await auditEntries(t.org.id, 'note.created')).toMatchObject([{ entityId: note.id, after: { accountId: account.id, date: today } }]);
    expect(revalidatePath).toHaveBeenCalledWith(`/${t.org.slug}/accounts/${account.id}`);
  });

  it('stamps a past note at noon of its day in the org\'s timezone', async () => {
    const { t, csm, account } = await setup();
    await createNote(csm, account.id, { body: 'Renewal call', date: '2025-03-01' });
    await db.update(organizations).set({ timezone: 'America/New_York' }).where(eq(organizations.id, t.org.id));
    await createNote(csm, account.id, { body: 'Kickoff', date: '2025-07-04' });
    const notes = await notesOf(t.org.id, account.id);
    expect(Object.fromEntries(notes.map((n) => [n.summary, n.occurredAt.toISOString()]))).toEqual({
      'Renewal call': '2025-03-01T12:00:00.000Z',
      Kickoff: '2025-07-04T16:00:00.000Z', // noon EDT
    });
  });

  it('refuses a date after today in the org\'s timezone, and accepts today there', async () => {
    const { t, csm, account } = await setup();
    // UTC+14: "today" there is usually tomorrow in UTC
    await db.update(organizations).set({ timezone: 'Pacific/Kiritimati' }).where(eq(organizations.id, t.org.id));
    const [{ today }] = await queryRows<{ today: string }>(db, sql`select ((now() at time zone 'Pacific/Kiritimati')::date)::text as today`);
    expect(await orgToday(csm)).toBe(today);
    const err = await expectAppError(createNote(csm, account.id, { body: 'From the future', date: shift(today, 1) }), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ date: [`The date cannot be in the future (today is ${today}).`] });
    const viaAction = await addNoteAction(t.org.slug, null, form({ accountId: account.id, body: 'Far future', date: '2999-01-01' }));
    expect(viaAction).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { date: [`The date cannot be in the future (today is ${today}).`] } });
    expect(await notesOf(t.org.id, account.id)).toEqual([]);
    await createNote(csm, account.id, { body: 'Today over there', date: today });
    expect((await notesOf(t.org.id, account.id)).map((n) => n.summary)).toEqual(['Today over there']);
  });

  it('takes 5,000 characters, refuses 5,001, and cuts the summary of a long first line to 200', async () => {
    const { t, account } = await setup();
    const date = '2025-05-05';
    const long = `${'a'.repeat(300)}\n${'b'.repeat(4699)}`; // 5,000 with the line break
    expect((await addNoteAction(t.org.slug, null, form({ accountId: account.id, date, body: long.replace('\n', '\r\n') }))).ok).toBe(true);
    const tooLong = await addNoteAction(t.org.slug, null, form({ accountId: account.id, date, body: `${long}b` }));
    expect(tooLong).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { body: ['Keep the note to 5,000 characters or fewer.'] } });
    const [note] = await notesOf(t.org.id, account.id);
    expect(note.summary).toBe(`${'a'.repeat(199)}…`);
    expect(note.summary).toHaveLength(200);
    expect((note.data as { body: string }).body).toBe(long);
  });

  it('answers field errors for an empty text or an impossible date', async () => {
    const { t, account } = await setup();
    const result = await addNoteAction(t.org.slug, null, form({ accountId: account.id, body: '  \n ', date: '2025-02-30' }));
    expect(result).toEqual({
      ok: false, code: 'VALIDATION', message: 'Check the highlighted fields.',
      fieldErrors: { body: ['Write the note.'], date: ['That date does not exist.'] },
    });
    const malformed = await addNoteAction(t.org.slug, null, form({ accountId: 'x', body: 'Hi', date: '2025-01-01' }));
    expect(malformed.ok ? null : malformed.fieldErrors).toEqual({ accountId: ['That account was not found.'] });
    expect(await notesOf(t.org.id, account.id)).toEqual([]);
  });

  it('refuses a viewer (FORBIDDEN) and writes nothing', async () => {
    const { t, account } = await setup();
    signIn(t.users.viewer);
    expect(await addNoteAction(t.org.slug, null, form({ accountId: account.id, body: 'Hi', date: '2025-01-01' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expectAppError(createNote(await t.ctx('viewer'), account.id, { body: 'Hi', date: '2025-01-01' }), 'FORBIDDEN');
    expect(await notesOf(t.org.id, account.id)).toEqual([]);
  });
});

describe('timeline', () => {
  it('pages newest first by keyset, with note bodies; another org sees nothing', async () => {
    const { t, csm, account } = await setup();
    for (const day of ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']) {
      await createNote(csm, account.id, { body: `Note of ${day}\nmore`, date: day });
    }
    const first = await listAccountEvents(csm, account.id, 2);
    expect(first.hasMore).toBe(true);
    expect(first.events.map((e) => e.body)).toEqual(['Note of 2025-01-05\nmore', 'Note of 2025-01-04\nmore']);
    expect(first.events[0]).toMatchObject({ kind: 'note', summary: 'Note of 2025-01-05', actorName: t.users.csm.name, changedFrom: null });
    const second = await listAccountEvents(csm, account.id, 2, first.events[1].id);
    expect(second.events.map((e) => e.summary)).toEqual(['Note of 2025-01-03', 'Note of 2025-01-02']);
    const third = await listAccountEvents(csm, account.id, 2, second.events[1].id);
    expect(third).toMatchObject({ hasMore: false, events: [{ summary: 'Note of 2025-01-01' }] });

    const b = await makeOrg({ roles: [] });
    const bOwner = await b.ctx('owner');
    expect(await listAccountEvents(bOwner, account.id, 10)).toEqual({ events: [], hasMore: false });
    expect(await listAccountEvents(bOwner, account.id, 10, first.events[1].id)).toEqual({ events: [], hasMore: false });
    await expectAppError(listAccountEvents(csm, account.id, 10, 'junk'), 'NOT_FOUND');
  });
});

describe('editing and deleting notes', () => {
  it('a CSM edits another member\'s note: text, summary and date change, shown as edited, audited with before and after', async () => {
    const { t, account } = await setup();
    const owner = await t.ctx('owner');
    const id = await createNote(owner, account.id, { body: 'Call with Jane', date: '2025-03-01' });
    // the CSM covers for a teammate
    const result = await editNoteAction(t.org.slug, null, form({ noteId: id, body: 'Call with Jane Doe\r\nShe is the new champion.', date: '2025-03-03' }));
    expect(result).toMatchObject({ ok: true, data: { id } });
    const [note] = await notesOf(t.org.id, account.id);
    expect(note).toMatchObject({
      id, summary: 'Call with Jane Doe', actorId: t.users.owner.id,
      data: { body: 'Call with Jane Doe\nShe is the new champion.', date: '2025-03-03', editedBy: t.users.csm.id },
    });
    expect(note.occurredAt.toISOString()).toBe('2025-03-03T12:00:00.000Z');
    expect(await auditEntries(t.org.id, 'note.updated')).toMatchObject([{
      entityId: id, actorId: t.users.csm.id, before: { body: 'Call with Jane', date: '2025-03-01' }, after: { accountId: account.id, body: 'Call with Jane Doe\nShe is the new champion.', date: '2025-03-03' },
    }]);
    const [listed] = (await listAccountEvents(owner, account.id)).events;
    expect(listed).toMatchObject({ id, noteDate: '2025-03-03', body: 'Call with Jane Doe\nShe is the new champion.' });
    expect(listed.editedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(revalidatePath).toHaveBeenCalledWith(`/${t.org.slug}/accounts/${account.id}`);
  });

  it('answers field errors and keeps the note: empty text, a future date, a bad id', async () => {
    const { t, csm, account } = await setup();
    const id = await createNote(csm, account.id, { body: 'Keep me', date: '2025-03-01' });
    expect(await editNoteAction(t.org.slug, null, form({ noteId: id, body: '   ', date: '2025-03-01' }))).toMatchObject({ ok: false, fieldErrors: { body: ['Write the note.'] } });
    const tomorrow = shift(await orgToday(csm), 1);
    expect(await editNoteAction(t.org.slug, null, form({ noteId: id, body: 'Later', date: tomorrow }))).toMatchObject({
      ok: false, code: 'VALIDATION', fieldErrors: { date: [expect.stringMatching(/^The date cannot be in the future/)] },
    });
    expect(await editNoteAction(t.org.slug, null, form({ noteId: 'nope', body: 'x', date: '2025-03-01' }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((await notesOf(t.org.id, account.id)).map((n) => n.data)).toEqual([{ body: 'Keep me', date: '2025-03-01' }]);
  });

  it('deletes a note with an audit entry that keeps its text; only notes can be deleted this way', async () => {
    const { t, csm, account } = await setup();
    const id = await createNote(csm, account.id, { body: 'Wrong account, sorry', date: '2025-03-01' });
    expect(await deleteNoteAction(t.org.slug, null, form({ noteId: id }))).toMatchObject({ ok: true });
    expect(await notesOf(t.org.id, account.id)).toEqual([]);
    expect(await auditEntries(t.org.id, 'note.deleted')).toMatchObject([{ entityId: id, before: { accountId: account.id, body: 'Wrong account, sorry' } }]);
    // an account event that is not a note (here: the account's creation) is not a note
    const [other] = await db.select({ id: accountEvents.id }).from(accountEvents).where(and(eq(accountEvents.orgId, t.org.id), eq(accountEvents.accountId, account.id))).limit(1);
    if (other) await expectAppError(deleteNote(csm, other.id), 'NOT_FOUND');
    await expectAppError(deleteNote(csm, id), 'NOT_FOUND');
  });

  it('a viewer can do neither; another org gets NOT_FOUND and the note is unchanged', async () => {
    const { t, csm, account } = await setup();
    const id = await createNote(csm, account.id, { body: 'Ours', date: '2025-03-01' });
    signIn(t.users.viewer);
    expect(await editNoteAction(t.org.slug, null, form({ noteId: id, body: 'Theirs', date: '2025-03-01' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await deleteNoteAction(t.org.slug, null, form({ noteId: id }))).toMatchObject({ code: 'FORBIDDEN' });
    const b = await makeOrg();
    const bCsm = await b.ctx('csm');
    await expectAppError(updateNote(bCsm, id, { body: 'Theirs', date: '2025-03-01' }), 'NOT_FOUND');
    await expectAppError(deleteNote(bCsm, id), 'NOT_FOUND');
    signIn(b.users.csm);
    expect(await deleteNoteAction(b.org.slug, null, form({ noteId: id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await notesOf(t.org.id, account.id)).map((n) => n.data)).toEqual([{ body: 'Ours', date: '2025-03-01' }]);
    expect(await auditEntries(b.org.id, 'note.deleted')).toEqual([]);
  });
});
