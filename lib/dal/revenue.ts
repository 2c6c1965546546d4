import 'server-only';
import { and, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { revenueChanges as rc, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { classifyMovement, type MovementKind } from '@/lib/kpi/revenue';
import { formatDate } from '@/lib/format';
import { refreshAccounts } from '@/lib/health/refresh';
import { formatMoney } from '@/lib/money';
import { revenueEventKind, revenueSummary } from '@/lib/revenue-text';
import { parseInput } from '@/lib/validation/parse';
import {
  markChurnedSchema, mrrHistoryParamsSchema, reactivateSchema, recordRevenueChangeSchema,
  type MrrHistoryParams, type RevenueChangeInput,
} from '@/lib/validation/revenue';
import { assertAccountInOrg, lockAccount } from './account-lock';
import { recordAudit, userActor } from './audit';
import { recordEvent } from './events';
import { assertId, assertRole } from './guard';
import { actorIsUser } from './actor';

type Position = { previousMrr: number; hadEarlier: boolean; laterDate: string | null };

/** Where a change dated `date` lands in the account's sequence: the MRR before it, whether it ever paid, the next later change. */
async function positionOf(tx: Tx, ctx: TenantCtx, accountId: string, date: string): Promise<Position> {
  const mine = and(eq(rc.orgId, ctx.orgId), eq(rc.accountId, accountId));
  const [row] = await tx
    .select({
      // a change recorded now sorts after every change already on that day
      previousMrr: sql<number>`coalesce((select r.mrr from revenue_changes r where r.org_id = ${ctx.orgId} and r.account_id = ${accountId}
        and r.effective_date <= ${date} order by r.effective_date desc, r.recorded_at desc, r.id desc limit 1), 0)`.mapWith(Number),
      hadEarlier: sql<boolean>`coalesce(bool_or(${rc.mrr} > 0) filter (where ${rc.effectiveDate} <= ${date}), false)`,
      laterDate: sql<string | null>`min(${rc.effectiveDate}) filter (where ${rc.effectiveDate} > ${date})`,
    })
    .from(rc)
    .where(mine);
  return row ?? { previousMrr: 0, hadEarlier: false, laterDate: null };
}

type Change = { effectiveDate: string; mrr: number; churnReason: string | null };

/** Inserts the change with its timeline event (kind from its movement) and audit entry; returns the change id. */
async function writeChange(tx: Tx, ctx: TenantCtx, accountId: string, account: { currency: string; today: string }, c: Change, at: Position) {
  const movement = classifyMovement(at.previousMrr, c.mrr, at.hadEarlier);
  const [row] = await tx
    .insert(rc)
    .values({
      orgId: ctx.orgId, accountId, effectiveDate: c.effectiveDate, mrr: c.mrr, currency: account.currency, churnReason: c.churnReason,
      actorType: 'user', actorId: ctx.userId, recordedAt: sql`clock_timestamp()`,
    })
    .returning({ id: rc.id });
  const kind = revenueEventKind(movement);
  const when = c.effectiveDate === account.today ? '' : ` (effective ${formatDate(c.effectiveDate)})`;
  const summary = revenueSummary({ movement, previousMrr: at.previousMrr, mrr: c.mrr, currency: account.currency, churnReason: c.churnReason }) + when;
  const data = { revenueChangeId: row.id, movement, effectiveDate: c.effectiveDate, previousMrr: at.previousMrr, mrr: c.mrr, currency: account.currency, churnReason: c.churnReason };
  await recordEvent(tx, ctx, accountId, kind, summary, data);
  await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
    action: kind, entityType: 'revenue_change', entityId: row.id,
    before: { mrr: at.previousMrr }, after: { accountId, ...c, currency: account.currency },
  });
  await refreshAccounts(tx, ctx.orgId, [accountId]);
  return row.id;
}

const conflict = (message: string) => new AppError('CONFLICT', message);

/** Refuses a status change dated before a change already recorded: churn and reactivation extend the sequence. */
function assertLatest(at: Position, what: string) {
  if (at.laterDate) {
    throw new AppError('VALIDATION', 'Check the highlighted fields.', {
      effectiveDate: [`A revenue change dated ${formatDate(at.laterDate)} is already recorded; date the ${what} on or after it.`],
    });
  }
}

/**
 * Records the MRR (integer minor units, the org's currency) of an account of the org from
 * `effectiveDate` on (CSMs and up). A change to 0 needs a churn reason and is a churn; one from 0
 * is new or a reactivation. Writes the timeline event and audit entry in the same transaction.
 * A foreign account is NOT_FOUND. Returns the change id.
 */
export async function recordRevenueChange(ctx: TenantCtx, accountId: string, input: RevenueChangeInput): Promise<string> {
  assertRole(ctx, 'csm');
  const c = parseInput(recordRevenueChangeSchema, input);
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, ctx, accountId);
    const at = await positionOf(tx, ctx, accountId, c.effectiveDate);
    if (c.mrr === 0 && at.previousMrr === 0) {
      throw new AppError('VALIDATION', 'Check the highlighted fields.', { mrr: ['The MRR is already 0 on that date.'] });
    }
    return writeChange(tx, ctx, accountId, account, c, at);
  });
}

/** "Mark churned" (CSMs and up): a change to 0 with the reason. CONFLICT when the account's MRR is already 0. Returns the change id. */
export async function markChurned(ctx: TenantCtx, accountId: string, input: { effectiveDate: string; reason: string }): Promise<string> {
  assertRole(ctx, 'csm');
  const c = parseInput(markChurnedSchema, input);
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, ctx, accountId);
    const at = await positionOf(tx, ctx, accountId, c.effectiveDate);
    assertLatest(at, 'churn');
    if (at.previousMrr === 0) throw conflict('This account is not paying (its MRR is already 0), so it cannot churn.');
    return writeChange(tx, ctx, accountId, account, { effectiveDate: c.effectiveDate, mrr: 0, churnReason: c.reason }, at);
  });
}

/**
 * The MRR-to-0 change a churned renewal means, dated the renewal's due date (the contract ends then), in the
 * caller's transaction with the account locked: nothing when the MRR is already 0 on that date (the account was
 * marked churned before); VALIDATION on the outcome when a revenue change is dated after the due date. Returns the
 * change id, or null.
 */
export async function churnAtRenewal(
  tx: Tx, ctx: TenantCtx, accountId: string, account: { currency: string; today: string }, dueDate: string, reason: string,
): Promise<string | null> {
  const at = await positionOf(tx, ctx, accountId, dueDate);
  if (at.previousMrr === 0) return null;
  if (at.laterDate) {
    throw new AppError('VALIDATION', 'Check the highlighted fields.', {
      outcome: [`A revenue change dated ${formatDate(at.laterDate)} is recorded after the due date: record the churn with "Mark churned" on the account instead.`],
    });
  }
  return writeChange(tx, ctx, accountId, account, { effectiveDate: dueDate, mrr: 0, churnReason: reason }, at);
}

/**
 * "Reactivate" (CSMs and up): a change from 0 back to a positive MRR (minor units). CONFLICT unless
 * the account's MRR is 0 and it had a subscription before. Returns the change id.
 */
export async function reactivate(ctx: TenantCtx, accountId: string, input: { effectiveDate: string; mrr: number | string }): Promise<string> {
  assertRole(ctx, 'csm');
  const c = parseInput(reactivateSchema, input);
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, ctx, accountId);
    const at = await positionOf(tx, ctx, accountId, c.effectiveDate);
    assertLatest(at, 'reactivation');
    if (at.previousMrr > 0) throw conflict(`This account is paying (${formatMoney(at.previousMrr, account.currency)} MRR); only a churned account can be reactivated.`);
    if (!at.hadEarlier) throw conflict('This account never had a subscription; record its first revenue change instead.');
    return writeChange(tx, ctx, accountId, account, { effectiveDate: c.effectiveDate, mrr: c.mrr, churnReason: null }, at);
  });
}

export type MrrHistoryRow = {
  id: string;
  effectiveDate: string;
  /** MRR after the change and before it (0 before the first), minor units */
  mrr: number;
  previousMrr: number;
  currency: string;
  /** derived from the sequence; null when the MRR did not change */
  movement: MovementKind | null;
  churnReason: string | null;
  recordedAt: Date;
  actorType: 'user' | 'api_key' | 'system';
  actorName: string | null;
};

// The sequence order: effective date, then when it was recorded (the id only breaks exact ties).
const seqOrder = sql`order by ${rc.effectiveDate}, ${rc.recordedAt}, ${rc.id}`;

/**
 * One page of an account's revenue changes in the org, newest first, each with the MRR before it and
 * its movement kind (new, expansion, contraction, churn, reactivation), derived in SQL by window
 * functions over the whole sequence. Readable by every member; a foreign account is NOT_FOUND.
 */
export async function getAccountMrrHistory(ctx: TenantCtx, accountId: string, params: MrrHistoryParams = {}) {
  assertId(accountId, 'That account');
  const { page, pageSize } = mrrHistoryParamsSchema.parse(params);
  await assertAccountInOrg(db, ctx, accountId);
  const mine = and(eq(rc.orgId, ctx.orgId), eq(rc.accountId, accountId));
  const seq = db
    .select({
      id: rc.id, effectiveDate: rc.effectiveDate, mrr: rc.mrr, currency: rc.currency, churnReason: rc.churnReason,
      recordedAt: rc.recordedAt, actorType: rc.actorType, actorId: rc.actorId,
      previousMrr: sql<number>`coalesce(lag(${rc.mrr}) over (${seqOrder}), 0)`.as('previous_mrr'),
      hadEarlier: sql<boolean>`coalesce(bool_or(${rc.mrr} > 0) over (${seqOrder} rows between unbounded preceding and 1 preceding), false)`.as('had_earlier'),
    })
    .from(rc)
    .where(mine)
    .as('seq');
  const movement = sql<MovementKind | null>`case
    when ${seq.mrr} = ${seq.previousMrr} then null
    when ${seq.previousMrr} = 0 then case when ${seq.hadEarlier} then 'reactivation' else 'new' end
    when ${seq.mrr} = 0 then 'churn'
    when ${seq.mrr} > ${seq.previousMrr} then 'expansion'
    else 'contraction' end`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: seq.id, effectiveDate: seq.effectiveDate, mrr: seq.mrr, previousMrr: sql<number>`${seq.previousMrr}`.mapWith(Number),
        currency: seq.currency, movement, churnReason: seq.churnReason, recordedAt: seq.recordedAt, actorType: seq.actorType, actorName: users.name,
      })
      .from(seq)
      .leftJoin(users, actorIsUser(seq.actorType, seq.actorId))
      .orderBy(desc(seq.effectiveDate), desc(seq.recordedAt), desc(seq.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(rc).where(mine),
  ]);
  return { rows: rows as MrrHistoryRow[], total, page, pageSize };
}

export type CurrentMrr = { mrr: number; currency: string; since: string; churnReason: string | null; status: 'paying' | 'churned' };

/**
 * Each listed account's MRR today (minor units; changes dated after today in the org's timezone do
 * not count yet), in one query. Accounts with no revenue change, foreign or malformed ids are absent.
 */
export async function getCurrentMrr(ctx: TenantCtx, accountIds: readonly string[]): Promise<Record<string, CurrentMrr>> {
  const ids = [...new Set(accountIds)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (ids.length === 0) return {};
  if (ids.length > 1000) throw new AppError('VALIDATION', 'Ask for at most 1,000 accounts at a time.');
  const today = sql`(select (now() at time zone o.timezone)::date from organizations o where o.id = ${ctx.orgId})`;
  const rows = await db
    .selectDistinctOn([rc.accountId], { accountId: rc.accountId, mrr: rc.mrr, currency: rc.currency, since: rc.effectiveDate, churnReason: rc.churnReason })
    .from(rc)
    .where(and(eq(rc.orgId, ctx.orgId), inArray(rc.accountId, ids), lte(rc.effectiveDate, today)))
    .orderBy(rc.accountId, desc(rc.effectiveDate), desc(rc.recordedAt), desc(rc.id));
  return Object.fromEntries(rows.map(({ accountId, ...r }) => [accountId, { ...r, status: r.mrr > 0 ? 'paying' : 'churned' } as CurrentMrr]));
}
