import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { db, queryRows, type Tx } from '@/db';
import { accounts, renewals } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { renewalCreatedSummary, renewalDecidedSummary } from '@/lib/revenue-text';
import { parseInput } from '@/lib/validation/parse';
import {
  createRenewalSchema, recordRenewalOutcomeSchema, renewalListParamsSchema, type RenewalOutcomeInput,
} from '@/lib/validation/renewals';
import { assertAccountInOrg, lockAccount } from './account-lock';
import { recordAudit, userActor } from './audit';
import { recordEvent } from './events';
import { assertId, assertRole } from './guard';
import { churnAtRenewal } from './revenue';

const fieldError = (field: string, message: string) => new AppError('VALIDATION', 'Check the highlighted fields.', { [field]: [message] });


/** Sets the account's next renewal date to the due date of its earliest pending renewal (null without one); returns it. */
async function syncNextRenewalDate(tx: Tx, ctx: TenantCtx, accountId: string): Promise<string | null> {
  const [row] = await tx
    .update(accounts)
    .set({
      nextRenewalDate: sql`(select min(r.due_date) from renewals r where r.org_id = ${ctx.orgId} and r.account_id = ${accountId} and r.outcome = 'pending')`,
    })
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId)))
    .returning({ nextRenewalDate: accounts.nextRenewalDate });
  return row.nextRenewalDate;
}

/** Inserts a pending renewal unless the account already has one due that day; returns its id or null. */
async function insertPending(tx: Tx, ctx: TenantCtx, accountId: string, dueDate: string | ReturnType<typeof sql>, arrDue: number) {
  const [row] = await queryRows<{ id: string; due_date: string }>(tx, sql`
    insert into renewals (org_id, account_id, due_date, arr_due)
    select ${ctx.orgId}::uuid, ${accountId}::uuid, d.due, ${arrDue}::bigint from (select (${dueDate})::date as due) d
    where not exists (select 1 from renewals r where r.org_id = ${ctx.orgId} and r.account_id = ${accountId} and r.outcome = 'pending' and r.due_date = d.due)
    returning id, due_date::text as due_date`);
  return row ? { id: row.id, dueDate: row.due_date } : null;
}

/**
 * Adds a pending renewal of an account of the org (CSMs and up): due date and ARR due (minor units).
 * Moves the account's next renewal date to its earliest pending renewal. CONFLICT when a pending
 * renewal is already due that day; a foreign account is NOT_FOUND. Returns the renewal id.
 */
export async function createRenewal(ctx: TenantCtx, accountId: string, input: { dueDate: string; arrDue: number | string }): Promise<string> {
  assertRole(ctx, 'csm');
  assertId(accountId, 'That account');
  const r = parseInput(createRenewalSchema, input);
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, ctx, accountId);
    const created = await insertPending(tx, ctx, accountId, r.dueDate, r.arrDue);
    if (!created) throw new AppError('CONFLICT', `A pending renewal is already due on ${formatDate(r.dueDate)}.`);
    const next = await syncNextRenewalDate(tx, ctx, accountId);
    await recordEvent(tx, ctx, accountId, 'renewal.created', renewalCreatedSummary({ ...r, currency: account.currency }), {
      renewalId: created.id, dueDate: r.dueDate, arrDue: r.arrDue, nextRenewalDate: { from: account.nextRenewalDate, to: next },
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'renewal.created', entityType: 'renewal', entityId: created.id,
      before: { nextRenewalDate: account.nextRenewalDate }, after: { accountId, ...r, outcome: 'pending', nextRenewalDate: next },
    });
    return created.id;
  });
}

/** How the renewed ARR must compare with the ARR due for each outcome. */
function checkAgainstDue(outcome: 'renewed' | 'downgraded' | 'churned', renewedArr: number, arrDue: number, currency: string) {
  const due = formatMoney(arrDue, currency);
  if (outcome === 'downgraded' && renewedArr >= arrDue) throw fieldError('renewedArr', `A downgrade renews less than the ${due} due; this is a renewal.`);
  if (outcome === 'renewed' && renewedArr < arrDue) throw fieldError('renewedArr', `A renewal keeps at least the ${due} due; this is a downgrade.`);
}

/**
 * Records the outcome of a pending renewal of the org (CSMs and up): renewed (renewed ARR ≥ ARR due),
 * downgraded (renewed ARR < ARR due) or churned (0, with the churn reason: the account's MRR goes to 0 at the due
 * date unless it already is, see churnAtRenewal), ARR in minor units. Any outcome but churned
 * adds the next pending renewal 12 months after the due date with that ARR due; in every case the
 * account's next renewal date becomes its earliest pending due date (or null). One transaction with
 * a `renewal.decided` event and audit entry. A foreign renewal is NOT_FOUND; a decided one CONFLICT.
 * Returns the id of the new pending renewal, if one was created.
 */
export async function recordRenewalOutcome(ctx: TenantCtx, renewalId: string, input: RenewalOutcomeInput): Promise<{ nextRenewalId: string | null }> {
  assertRole(ctx, 'csm');
  assertId(renewalId, 'That renewal');
  const o = parseInput(recordRenewalOutcomeSchema, input);
  return db.transaction(async (tx) => {
    const mine = and(eq(renewals.orgId, ctx.orgId), eq(renewals.id, renewalId));
    const [found] = await tx.select({ accountId: renewals.accountId }).from(renewals).where(mine).limit(1);
    if (!found) throw new AppError('NOT_FOUND', 'That renewal was not found.');
    const account = await lockAccount(tx, ctx, found.accountId);
    const [r] = await tx.select().from(renewals).where(mine).limit(1).for('update');
    if (r.outcome !== 'pending') throw new AppError('CONFLICT', `This renewal was already decided (${r.outcome}).`);
    checkAgainstDue(o.outcome, o.renewedArr, r.arrDue, account.currency);

    await tx.update(renewals).set({ outcome: o.outcome, renewedArr: o.renewedArr, decidedAt: sql`now()`, decidedBy: ctx.userId }).where(mine);
    // a churned renewal is a churn: the MRR goes to 0 at the due date (DESIGN.md: churn is that revenue change)
    if (o.outcome === 'churned') await churnAtRenewal(tx, ctx, r.accountId, account, r.dueDate, o.churnReason!);
    const next = o.outcome === 'churned' ? null : await insertPending(tx, ctx, r.accountId, sql`${r.dueDate}::date + interval '12 months'`, o.renewedArr);
    const nextRenewalDate = await syncNextRenewalDate(tx, ctx, r.accountId);
    const summary = renewalDecidedSummary({ dueDate: r.dueDate, outcome: o.outcome, arrDue: r.arrDue, renewedArr: o.renewedArr, currency: account.currency });
    await recordEvent(tx, ctx, r.accountId, 'renewal.decided', summary, {
      renewalId, dueDate: r.dueDate, outcome: o.outcome, arrDue: r.arrDue, renewedArr: o.renewedArr,
      nextRenewalId: next?.id ?? null, nextRenewalDate: { from: account.nextRenewalDate, to: nextRenewalDate },
    });
    await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
      action: 'renewal.decided', entityType: 'renewal', entityId: renewalId,
      before: { outcome: 'pending', renewedArr: null, nextRenewalDate: account.nextRenewalDate },
      after: { outcome: o.outcome, renewedArr: o.renewedArr, nextRenewalDate, nextRenewalId: next?.id ?? null },
    });
    return { nextRenewalId: next?.id ?? null };
  });
}

/**
 * One page of an account's renewals in the org, latest due date first (ARR in minor units).
 * Readable by every member; a foreign account is NOT_FOUND.
 */
export async function listAccountRenewals(ctx: TenantCtx, accountId: string, params: { page?: number; pageSize?: number } = {}) {
  assertId(accountId, 'That account');
  const { page, pageSize } = renewalListParamsSchema.parse(params);
  await assertAccountInOrg(db, ctx, accountId);
  const mine = and(eq(renewals.orgId, ctx.orgId), eq(renewals.accountId, accountId));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: renewals.id, dueDate: renewals.dueDate, arrDue: renewals.arrDue, outcome: renewals.outcome,
        renewedArr: renewals.renewedArr, decidedAt: renewals.decidedAt, createdAt: renewals.createdAt,
      })
      .from(renewals)
      .where(mine)
      .orderBy(desc(renewals.dueDate), desc(renewals.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(renewals).where(mine),
  ]);
  return { rows, total, page, pageSize };
}
