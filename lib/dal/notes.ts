import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accountEvents, accounts, organizations } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import type { NoteInput } from '@/lib/validation/notes';
import { recordAudit, userActor } from './audit';
import { oneLine, recordEvent } from './events';
import { assertId, assertRole } from './guard';

const today = sql<string>`(now() at time zone ${organizations.timezone})::date::text`;

/**
 * When a note dated `date` sits on the timeline: now for today's, noon of that day (org timezone) for an earlier one,
 * so it sorts inside its day. A date after today is a field error.
 */
function noteInstant(date: string, org: { today: string; timezone: string }): SQL {
  if (date > org.today) {
    throw new AppError('VALIDATION', 'Check the highlighted fields.', { date: [`The date cannot be in the future (today is ${org.today}).`] });
  }
  return date === org.today ? sql`now()` : sql`(${date}::date + time '12:00') at time zone ${org.timezone}`;
}

/** A note of the org, locked for a change, with the org's today and timezone; NOT_FOUND for anything else. */
async function lockNote(tx: Tx, ctx: TenantCtx, noteId: string) {
  assertId(noteId, 'That note');
  const [note] = await tx
    .select({ accountId: accountEvents.accountId, data: accountEvents.data, today, timezone: organizations.timezone })
    .from(accountEvents)
    .innerJoin(organizations, eq(organizations.id, accountEvents.orgId))
    .where(and(eq(accountEvents.orgId, ctx.orgId), eq(accountEvents.id, noteId), eq(accountEvents.kind, 'note')))
    .limit(1)
    .for('update', { of: accountEvents });
  if (!note) throw new AppError('NOT_FOUND', 'That note was not found.');
  return { ...note, data: note.data as { body?: string; date?: string } };
}

/**
 * Changes a note's text and date (CSMs and up: teams cover for each other); the timeline shows it as edited, with
 * who and when. Audited with the text before and after. A foreign or unknown note is NOT_FOUND. Returns its account.
 */
export async function updateNote(ctx: TenantCtx, noteId: string, note: NoteInput): Promise<{ accountId: string }> {
  assertRole(ctx, 'csm');
  return db.transaction(async (tx) => {
    const found = await lockNote(tx, ctx, noteId);
    const occurredAt = note.date === found.data.date ? undefined : noteInstant(note.date, found);
    await tx.update(accountEvents)
      .set({
        summary: oneLine(note.body),
        data: { ...found.data, body: note.body, date: note.date, editedAt: new Date().toISOString(), editedBy: ctx.userId },
        ...(occurredAt ? { occurredAt } : {}),
      })
      .where(and(eq(accountEvents.orgId, ctx.orgId), eq(accountEvents.id, noteId)));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'note.updated', entityType: 'account_event', entityId: noteId,
      before: { body: found.data.body, date: found.data.date }, after: { accountId: found.accountId, body: note.body, date: note.date },
    });
    return { accountId: found.accountId };
  });
}

/** Deletes a note (CSMs and up); the audit log keeps its text. A foreign or unknown note is NOT_FOUND. Returns its account. */
export async function deleteNote(ctx: TenantCtx, noteId: string): Promise<{ accountId: string }> {
  assertRole(ctx, 'csm');
  return db.transaction(async (tx) => {
    const found = await lockNote(tx, ctx, noteId);
    await tx.delete(accountEvents).where(and(eq(accountEvents.orgId, ctx.orgId), eq(accountEvents.id, noteId)));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'note.deleted', entityType: 'account_event', entityId: noteId,
      before: { accountId: found.accountId, body: found.data.body, date: found.data.date },
    });
    return { accountId: found.accountId };
  });
}

/** Today's date (YYYY-MM-DD) in the org's timezone: the default date of a new note. */
export async function orgToday(ctx: TenantCtx): Promise<string> {
  const [row] = await db.select({ today }).from(organizations).where(eq(organizations.id, ctx.orgId)).limit(1);
  return row.today;
}

/**
 * Adds a dated note to an account of the org (CSMs and up) as an account event of kind `note`:
 * the first line in the summary, the full text in data.body. A date after today in the org's
 * timezone is a field error; today's note is stamped now, an earlier one at noon of that day
 * (org timezone) so it sorts inside its day. A foreign account is NOT_FOUND. Returns the event id.
 */
export async function createNote(ctx: TenantCtx, accountId: string, note: NoteInput): Promise<string> {
  assertRole(ctx, 'csm');
  assertId(accountId, 'That account');
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ today, timezone: organizations.timezone })
      .from(accounts)
      .innerJoin(organizations, eq(organizations.id, accounts.orgId))
      .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId)))
      .limit(1);
    if (!account) throw new AppError('NOT_FOUND', 'That account was not found.');
    const id = await recordEvent(tx, ctx, accountId, 'note', oneLine(note.body), { body: note.body, date: note.date }, noteInstant(note.date, account));
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'note.created', entityType: 'account_event', entityId: id, after: { accountId, date: note.date, body: note.body } });
    return id;
  });
}
