import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { accounts, organizations } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import type { NoteInput } from '@/lib/validation/notes';
import { recordAudit, userActor } from './audit';
import { oneLine, recordEvent } from './events';
import { assertId, assertRole } from './guard';

const today = sql<string>`(now() at time zone ${organizations.timezone})::date::text`;

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
    if (note.date > account.today) {
      throw new AppError('VALIDATION', 'Check the highlighted fields.', { date: [`The date cannot be in the future (today is ${account.today}).`] });
    }
    const occurredAt = note.date === account.today ? sql`now()` : sql`(${note.date}::date + time '12:00') at time zone ${account.timezone}`;
    const id = await recordEvent(tx, ctx, accountId, 'note', oneLine(note.body), { body: note.body, date: note.date }, occurredAt);
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), { action: 'note.created', entityType: 'account_event', entityId: id, after: { accountId, date: note.date, body: note.body } });
    return id;
  });
}
