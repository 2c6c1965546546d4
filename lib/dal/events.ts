import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accountEvents, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { labelOf } from '@/lib/format';
import { assertId } from './guard';
import { actorIsUser } from './actor';

/** A timeline summary is one line; longer text lives in the event's data. */
export const SUMMARY_MAX = 200;

/** Cuts a text to its first line and at most SUMMARY_MAX characters (with an ellipsis when cut). */
export function oneLine(text: string, max = SUMMARY_MAX): string {
  const first = text.trim().split(/\r?\n/, 1)[0].trim();
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

const FIELD_LABELS: Record<string, string> = {
  externalId: 'external id', isPrimary: 'primary contact', doNotSurvey: 'do not survey',
  licensedSeats: 'seats', ownerId: 'owner', ownerEmail: 'owner', nextRenewalDate: 'renewal date', contractStart: 'contract start',
};
const ENUM_FIELDS = new Set(['role', 'influence', 'sentiment', 'stage', 'segment']);

/** A field name in words: "externalId" -> "external id". */
export const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();

/** A stored value in words: null -> "—", booleans yes/no, enum values by their label, long text cut. */
export function valueLabel(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' && ENUM_FIELDS.has(key)) return labelOf(v);
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** "role User → Champion, primary contact no → yes": what an edit changed, for a summary. */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  return Object.keys(after).map((k) => `${fieldLabel(k)} ${valueLabel(k, before[k])} → ${valueLabel(k, after[k])}`).join(', ');
}

/** Writes one timeline event of an account of the org, by the signed-in user, inside the caller's transaction; returns its id. */
export async function recordEvent(
  tx: Tx, ctx: TenantCtx, accountId: string, kind: string, summary: string, data: Record<string, unknown>, occurredAt?: Date | SQL,
): Promise<string> {
  const [row] = await tx.insert(accountEvents).values({
    orgId: ctx.orgId, accountId, kind, actorType: 'user', actorId: ctx.userId, summary: oneLine(summary), data, ...(occurredAt ? { occurredAt } : {}),
  }).returning({ id: accountEvents.id });
  return row.id;
}

export type TimelinePage = Awaited<ReturnType<typeof listAccountEvents>>;

/**
 * One page of an account's timeline in the org, newest first, with the acting user's name, a
 * note's full text and an edit's before/after. `before` is the id of the last event already
 * shown (keyset: the page continues strictly after it); `hasMore` says whether older ones exist.
 */
export async function listAccountEvents(ctx: TenantCtx, accountId: string, limit = 50, before?: string) {
  assertId(accountId, 'That account');
  if (before) assertId(before, 'That event');
  const mine = and(eq(accountEvents.orgId, ctx.orgId), eq(accountEvents.accountId, accountId));
  // the cursor is read in SQL so the microsecond precision of occurred_at survives
  const after = before
    ? sql`(${accountEvents.occurredAt}, ${accountEvents.id}) < (select e.occurred_at, e.id from account_events e where e.org_id = ${ctx.orgId} and e.account_id = ${accountId} and e.id = ${before})`
    : undefined;
  const rows = await db
    .select({
      id: accountEvents.id,
      kind: accountEvents.kind,
      occurredAt: accountEvents.occurredAt,
      actorType: accountEvents.actorType,
      actorName: users.name,
      summary: accountEvents.summary,
      body: sql<string | null>`${accountEvents.data}->>'body'`,
      // a note's own date, and when it was last edited (by whom: data.editedBy, shown as "edited")
      noteDate: sql<string | null>`${accountEvents.data}->>'date'`,
      editedAt: sql<string | null>`${accountEvents.data}->>'editedAt'`,
      changedFrom: sql<Record<string, unknown> | null>`case when jsonb_typeof(${accountEvents.data}->'before') = 'object' then ${accountEvents.data}->'before' end`,
      changedTo: sql<Record<string, unknown> | null>`case when jsonb_typeof(${accountEvents.data}->'after') = 'object' then ${accountEvents.data}->'after' end`,
    })
    .from(accountEvents)
    .leftJoin(users, actorIsUser(accountEvents.actorType, accountEvents.actorId))
    .where(and(mine, after))
    .orderBy(desc(accountEvents.occurredAt), desc(accountEvents.id))
    .limit(limit + 1);
  return { events: rows.slice(0, limit), hasMore: rows.length > limit };
}
