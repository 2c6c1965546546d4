import { and, asc, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, auditLog, stakeholders } from '@/db/schema';
import {
  createStakeholderAction, deleteStakeholderAction, logContactAction, markBackAction, markLeftAction, updateStakeholderAction,
} from '@/lib/actions/stakeholders';
import { addNoteAction } from '@/lib/actions/notes';
import { createNote } from '@/lib/dal/notes';
import { getRelationshipSummary } from '@/lib/dal/relationship';
import {
  createStakeholder, deleteStakeholder, getStakeholder, listStakeholders, logStakeholderContact, markStakeholderBack, markStakeholderLeft, updateStakeholder,
} from '@/lib/dal/stakeholders';
import { stakeholderFieldsSchema } from '@/lib/validation/stakeholders';
import { auditEntries, expectAppError, makeAccount, makeOrg, makeStakeholder } from './fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const fields = (input: Record<string, unknown>) => stakeholderFieldsSchema.parse(input);

const eventsOf = (orgId: string, accountId: string) =>
  db.select().from(accountEvents).where(and(eq(accountEvents.orgId, orgId), eq(accountEvents.accountId, accountId))).orderBy(asc(accountEvents.occurredAt));
const rowOf = async (orgId: string, id: string) =>
  (await db.select().from(stakeholders).where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id))))[0];
const primaries = async (orgId: string, accountId: string) =>
  (await db.select({ name: stakeholders.name }).from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.accountId, accountId), eq(stakeholders.isPrimary, true)))).map((r) => r.name);

/** An org with a CSM signed in and one account named "Globex". */
async function setup() {
  const t = await makeOrg();
  const csm = await t.ctx('csm');
  const account = await makeAccount(csm, { name: 'Globex' });
  signIn(t.users.csm);
  return { t, csm, account, path: `/${t.org.slug}/accounts/${account.id}` };
}

beforeEach(() => vi.mocked(revalidatePath).mockClear());

describe('stakeholder writes', () => {
  it('adds a stakeholder through the action with an event and an audit entry', async () => {
    const { t, account, path } = await setup();
    const result = await createStakeholderAction(t.org.slug, null, form({
      accountId: account.id, name: ' Jane Doe ', email: 'Jane@Globex.test', title: 'VP Ops', role: 'champion',
      influence: 'high', sentiment: 'positive', isPrimary: 'on', externalId: 'crm-7',
    }));
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: string } }).data.id;
    expect(await rowOf(t.org.id, id)).toMatchObject({
      accountId: account.id, name: 'Jane Doe', email: 'jane@globex.test', title: 'VP Ops', role: 'champion', influence: 'high',
      sentiment: 'positive', isPrimary: true, doNotSurvey: false, externalId: 'crm-7', lastContactedAt: null, leftAt: null,
    });
    expect(await eventsOf(t.org.id, account.id)).toMatchObject([
      { kind: 'stakeholder.added', summary: 'Added Jane Doe (Champion)', actorType: 'user', actorId: t.users.csm.id, data: { stakeholderId: id } },
    ]);
    expect(await auditEntries(t.org.id, 'stakeholder.created')).toMatchObject([{ entityId: id, actorId: t.users.csm.id, after: { name: 'Jane Doe', role: 'champion' } }]);
    expect(revalidatePath).toHaveBeenCalledWith(path);
  });

  it('edits a stakeholder, saying what changed; an edit that changes nothing writes nothing', async () => {
    const { t, csm, account, path } = await setup();
    const s = await makeStakeholder(csm, account.id, { name: 'Jane Doe', email: 'jane@globex.test', title: null, role: 'user' });
    const result = await updateStakeholderAction(t.org.slug, null, form({
      stakeholderId: s.id, name: 'Jane Doe', email: 'jane@globex.test', title: 'CTO', role: 'champion', influence: 'medium', sentiment: 'negative',
    }));
    expect(result).toEqual({ ok: true, data: undefined });
    expect(await rowOf(t.org.id, s.id)).toMatchObject({ title: 'CTO', role: 'champion', sentiment: 'negative', isPrimary: false });
    const [event] = await eventsOf(t.org.id, account.id);
    expect(event).toMatchObject({
      kind: 'stakeholder.updated', summary: 'Updated Jane Doe: title — → CTO, role User → Champion, sentiment Neutral → Negative',
      data: { stakeholderId: s.id, before: { title: null, role: 'user', sentiment: 'neutral' }, after: { title: 'CTO', role: 'champion', sentiment: 'negative' } },
    });
    expect(await auditEntries(t.org.id, 'stakeholder.updated')).toMatchObject([{ entityId: s.id, before: { role: 'user' }, after: { role: 'champion' } }]);
    expect(revalidatePath).toHaveBeenCalledWith(path);

    await updateStakeholder(csm, s.id, { title: 'CTO', sentiment: 'negative' });
    expect(await eventsOf(t.org.id, account.id)).toHaveLength(1);
    expect(await auditEntries(t.org.id, 'stakeholder.updated')).toHaveLength(1);
  });

  it('removes a stakeholder with an event and an audit entry holding what was removed', async () => {
    const { t, csm, account, path } = await setup();
    const s = await makeStakeholder(csm, account.id, { name: 'Bob Roe', role: 'economic_buyer' });
    expect(await deleteStakeholderAction(t.org.slug, null, form({ stakeholderId: s.id }))).toEqual({ ok: true, data: undefined });
    expect(await rowOf(t.org.id, s.id)).toBeUndefined();
    expect(await eventsOf(t.org.id, account.id)).toMatchObject([{ kind: 'stakeholder.removed', summary: 'Removed Bob Roe (Economic buyer)' }]);
    expect(await auditEntries(t.org.id, 'stakeholder.deleted')).toMatchObject([{ entityId: s.id, before: { name: 'Bob Roe', role: 'economic_buyer' }, after: null }]);
    expect(revalidatePath).toHaveBeenCalledWith(path);
    await expectAppError(deleteStakeholder(csm, s.id), 'NOT_FOUND');
  });

  it('logs a contact: last_contacted_at becomes now, with a "Logged contact with" event', async () => {
    const { t, account, csm } = await setup();
    const s = await makeStakeholder(csm, account.id, { name: 'Jane Doe', role: 'champion' });
    const t0 = Date.now();
    expect(await logContactAction(t.org.slug, null, form({ stakeholderId: s.id }))).toEqual({ ok: true, data: undefined });
    const row = await rowOf(t.org.id, s.id);
    expect(Math.abs(row.lastContactedAt!.getTime() - t0)).toBeLessThan(5_000);
    const [event] = await eventsOf(t.org.id, account.id);
    expect(event).toMatchObject({ kind: 'stakeholder.contacted', summary: 'Logged contact with Jane Doe' });
    expect(event.occurredAt.getTime()).toBe(row.lastContactedAt!.getTime());
    expect(await auditEntries(t.org.id, 'stakeholder.contacted')).toMatchObject([{ entityId: s.id, before: { lastContactedAt: null } }]);
  });

  it('marks a person as having left, keeps them, and undoes it with "back at the company"', async () => {
    const { t, account, csm } = await setup();
    const s = await makeStakeholder(csm, account.id, { name: 'Jane Doe', role: 'champion' });
    expect(await markLeftAction(t.org.slug, null, form({ stakeholderId: s.id }))).toEqual({ ok: true, data: undefined });
    expect((await rowOf(t.org.id, s.id)).leftAt).toBeInstanceOf(Date);
    expect(await markLeftAction(t.org.slug, null, form({ stakeholderId: s.id }))).toMatchObject({ ok: false, code: 'CONFLICT', message: 'Jane Doe is already marked as having left.' });
    expect((await listStakeholders(csm, account.id)).map((p) => p.name)).toEqual(['Jane Doe']);

    expect(await markBackAction(t.org.slug, null, form({ stakeholderId: s.id }))).toEqual({ ok: true, data: undefined });
    expect((await rowOf(t.org.id, s.id)).leftAt).toBeNull();
    await expectAppError(markStakeholderBack(csm, s.id), 'CONFLICT');
    expect((await eventsOf(t.org.id, account.id)).map((e) => [e.kind, e.summary])).toEqual([
      ['stakeholder.left', 'Jane Doe (Champion) left Globex'],
      ['stakeholder.returned', 'Jane Doe (Champion) is back at Globex'],
    ]);
    expect((await auditEntries(t.org.id, 'stakeholder.left')).length).toBe(1);
    expect(await auditEntries(t.org.id, 'stakeholder.returned')).toMatchObject([{ entityId: s.id, after: { leftAt: null } }]);
  });

  it('keeps one primary contact per account: setting one unsets the previous one', async () => {
    const { t, csm, account } = await setup();
    const other = await makeAccount(csm);
    const elsewhere = await makeStakeholder(csm, other.id, { name: 'Elsewhere', isPrimary: true });
    const first = await createStakeholder(csm, account.id, fields({ name: 'First', isPrimary: 'on' }));
    expect(await primaries(t.org.id, account.id)).toEqual(['First']);
    const second = await createStakeholder(csm, account.id, fields({ name: 'Second', isPrimary: 'on' }));
    expect(await primaries(t.org.id, account.id)).toEqual(['Second']);
    await updateStakeholder(csm, first, { isPrimary: true });
    expect(await primaries(t.org.id, account.id)).toEqual(['First']);
    expect((await rowOf(t.org.id, second)).isPrimary).toBe(false);
    expect((await rowOf(t.org.id, elsewhere.id)).isPrimary).toBe(true);
    const [last] = (await eventsOf(t.org.id, account.id)).slice(-1);
    expect(last).toMatchObject({ kind: 'stakeholder.updated', summary: 'Updated First: primary contact no → yes', data: { unsetPrimary: [second] } });
    expect((await listStakeholders(csm, account.id)).map((p) => p.name)).toEqual(['First', 'Second']);
  });

  it('refuses a duplicate external id within the account with a field error, allows it on another account', async () => {
    const { t, csm, account } = await setup();
    const other = await makeAccount(csm);
    await createStakeholder(csm, account.id, fields({ name: 'One', externalId: 'crm-1' }));
    const clash = await createStakeholderAction(t.org.slug, null, form({ accountId: account.id, name: 'Two', externalId: 'crm-1' }));
    expect(clash).toEqual({
      ok: false, code: 'VALIDATION', message: 'Check the highlighted fields.',
      fieldErrors: { externalId: ['Another stakeholder of this account already has this external id.'] },
    });
    const two = await createStakeholder(csm, account.id, fields({ name: 'Two', externalId: 'crm-2' }));
    const err = await expectAppError(updateStakeholder(csm, two, { externalId: 'crm-1' }), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ externalId: ['Another stakeholder of this account already has this external id.'] });
    expect((await rowOf(t.org.id, two)).externalId).toBe('crm-2');
    await createStakeholder(csm, other.id, fields({ name: 'Same id elsewhere', externalId: 'crm-1' }));
    expect((await listStakeholders(csm, account.id)).map((p) => p.externalId)).toEqual(['crm-1', 'crm-2']);
  });

  it('answers field errors for a bad email or a missing name and writes nothing', async () => {
    const { t, account } = await setup();
    const bad = await createStakeholderAction(t.org.slug, null, form({ accountId: account.id, name: '  ', email: 'not-an-email', role: 'boss' }));
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(bad.ok ? null : bad.fieldErrors).toEqual({ name: ['Enter a name.'], email: ['Enter a valid email address.'], role: ['Choose a role.'] });
    const malformed = await updateStakeholderAction(t.org.slug, null, form({ stakeholderId: 'nope', name: 'X' }));
    expect(malformed.ok ? null : malformed.fieldErrors).toEqual({ stakeholderId: ['That stakeholder was not found.'] });
    expect(await db.select().from(stakeholders).where(eq(stakeholders.orgId, t.org.id))).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, t.org.id))).toEqual([]);
  });

  it('refuses every write to a viewer (FORBIDDEN) and changes nothing', async () => {
    const { t, csm, account } = await setup();
    const s = await makeStakeholder(csm, account.id, { name: 'Jane Doe', role: 'champion' });
    const viewer = await t.ctx('viewer');
    signIn(t.users.viewer);
    const id = { stakeholderId: s.id };
    for (const result of [
      await createStakeholderAction(t.org.slug, null, form({ accountId: account.id, name: 'Spy' })),
      await updateStakeholderAction(t.org.slug, null, form({ ...id, name: 'Renamed' })),
      await deleteStakeholderAction(t.org.slug, null, form(id)),
      await logContactAction(t.org.slug, null, form(id)),
      await markLeftAction(t.org.slug, null, form(id)),
      await markBackAction(t.org.slug, null, form(id)),
    ]) expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expectAppError(createStakeholder(viewer, account.id, fields({ name: 'Spy' })), 'FORBIDDEN');
    await expectAppError(updateStakeholder(viewer, s.id, { name: 'Renamed' }), 'FORBIDDEN');
    await expectAppError(deleteStakeholder(viewer, s.id), 'FORBIDDEN');
    await expectAppError(logStakeholderContact(viewer, s.id), 'FORBIDDEN');
    await expectAppError(markStakeholderLeft(viewer, s.id), 'FORBIDDEN');
    expect(await rowOf(t.org.id, s.id)).toEqual(s);
    expect(await eventsOf(t.org.id, account.id)).toEqual([]);
    expect((await getStakeholder(viewer, s.id)).name).toBe('Jane Doe');
  });
});

describe('cross-tenant stakeholders', () => {
  it('org B gets NOT_FOUND for every call on org A\'s stakeholder and account; A is unchanged', async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const aCsm = await a.ctx('csm');
    const account = await makeAccount(aCsm, { name: 'Of org A' });
    const s = await makeStakeholder(aCsm, account.id, { name: 'Champion of A', role: 'champion' });
    const snapshot = async () => ({
      sh: await db.select().from(stakeholders).where(eq(stakeholders.orgId, a.org.id)),
      ev: await db.select().from(accountEvents).where(eq(accountEvents.orgId, a.org.id)),
      au: await db.select().from(auditLog).where(eq(auditLog.orgId, a.org.id)),
      ac: await db.select().from(accounts).where(eq(accounts.orgId, a.org.id)),
    });
    const before = await snapshot();
    const bOwner = await b.ctx('owner');

    await expectAppError(getStakeholder(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(updateStakeholder(bOwner, s.id, { name: 'Renamed', isPrimary: true }), 'NOT_FOUND');
    await expectAppError(deleteStakeholder(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(logStakeholderContact(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(markStakeholderLeft(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(markStakeholderBack(bOwner, s.id), 'NOT_FOUND');
    await expectAppError(createStakeholder(bOwner, account.id, fields({ name: 'Spy' })), 'NOT_FOUND');
    await expectAppError(createNote(bOwner, account.id, { body: 'Spy note', date: '2025-01-01' }), 'NOT_FOUND');
    await expectAppError(getRelationshipSummary(bOwner, account.id), 'NOT_FOUND');

    // the same through the actions, signed in to B with A's ids in the form
    signIn(b.users.owner);
    const id = { stakeholderId: s.id };
    for (const result of [
      await updateStakeholderAction(b.org.slug, null, form({ ...id, name: 'Renamed' })),
      await deleteStakeholderAction(b.org.slug, null, form(id)),
      await logContactAction(b.org.slug, null, form(id)),
      await markLeftAction(b.org.slug, null, form(id)),
      await createStakeholderAction(b.org.slug, null, form({ accountId: account.id, name: 'Spy' })),
      await addNoteAction(b.org.slug, null, form({ accountId: account.id, body: 'Spy note', date: '2025-01-01' })),
    ]) expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(await snapshot()).toEqual(before);
    expect(before.sh).toMatchObject([{ id: s.id, name: 'Champion of A', leftAt: null, lastContactedAt: null }]);
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, b.org.id))).toEqual([]);
    expect(await db.select().from(accountEvents).where(eq(accountEvents.orgId, b.org.id))).toEqual([]);
  });
});

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe('relationship summary', () => {
  it('computes the exact figures of a hand-built account', async () => {
    const { csm, account } = await setup();
    const mk = (name: string, role: 'champion' | 'economic_buyer' | 'decision_maker' | 'user', lastContactedAt: Date | null, leftAt: Date | null = null) =>
      makeStakeholder(csm, account.id, { name, role, lastContactedAt, leftAt });
    await mk('C1', 'champion', ago(10.05));
    await mk('C2', 'champion', ago(40.5));
    await mk('C3 left recently', 'champion', ago(3.2), ago(5.1)); // left 5 days ago: the warning; a contact that no longer counts
    await mk('C4 left long ago', 'champion', ago(130), ago(120));
    await mk('B1', 'economic_buyer', ago(100.2));
    await mk('U1', 'user', ago(89.9));
    await mk('U2', 'user', null);
    await mk('D1 left', 'decision_maker', ago(1), ago(10)); // not a champion: no warning
    // another account's people do not count
    const other = await makeAccount(csm);
    await makeStakeholder(csm, other.id, { name: 'Elsewhere', role: 'champion', lastContactedAt: ago(1) });

    expect(await getRelationshipSummary(csm, account.id)).toEqual({
      stakeholders: 8, current: 5, champions: 2, economicBuyers: 1,
      daysSinceChampionContact: 10, daysSinceBuyerContact: 100, contactedLast90Days: 3,
      championLeft: { name: 'C3 left recently', daysAgo: 5 },
    });
  });

  it('gives zeros and nulls without stakeholders, and follows contact and leaving', async () => {
    const { csm, account } = await setup();
    const empty = {
      stakeholders: 0, current: 0, champions: 0, economicBuyers: 0, daysSinceChampionContact: null, daysSinceBuyerContact: null, contactedLast90Days: 0, championLeft: null,
    };
    expect(await getRelationshipSummary(csm, account.id)).toEqual(empty);
    const jane = await createStakeholder(csm, account.id, fields({ name: 'Jane', role: 'champion' }));
    expect(await getRelationshipSummary(csm, account.id)).toMatchObject({ champions: 1, daysSinceChampionContact: null, contactedLast90Days: 0 });
    await logStakeholderContact(csm, jane);
    expect(await getRelationshipSummary(csm, account.id)).toMatchObject({ champions: 1, daysSinceChampionContact: 0, contactedLast90Days: 1, championLeft: null });
    await markStakeholderLeft(csm, jane);
    expect(await getRelationshipSummary(csm, account.id)).toEqual({
      ...empty, stakeholders: 1, championLeft: { name: 'Jane', daysAgo: 0 },
    });
    await expectAppError(getRelationshipSummary(csm, 'not-a-uuid'), 'NOT_FOUND');
  });
});
