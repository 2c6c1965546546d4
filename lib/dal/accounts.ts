import 'server-only';
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { accountEvents, accounts, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import type { AccountListParams, AccountSortKey } from '@/lib/validation/accounts';
import { assertId } from './guard';

export { archiveAccount, createAccount, deleteAccount, restoreAccount, updateAccount } from './account-writes';

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  domain: accounts.domain,
  externalId: accounts.externalId,
  ownerId: accounts.ownerId,
  ownerName: users.name,
  segment: accounts.segment,
  stage: accounts.stage,
  licensedSeats: accounts.licensedSeats,
  contractStart: accounts.contractStart,
  nextRenewalDate: accounts.nextRenewalDate,
  onboardingCompletedAt: accounts.onboardingCompletedAt,
  archivedAt: accounts.archivedAt,
  createdAt: accounts.createdAt,
  healthScore: accounts.healthScore,
  healthBand: accounts.healthBand,
};

// Owner name comes from the users table; an unowned account has null.
const selectAccounts = () => db.select(accountColumns).from(accounts).leftJoin(users, eq(users.id, accounts.ownerId));

export type AccountDto = Awaited<ReturnType<typeof selectAccounts>>[number];

const byId = (ctx: TenantCtx, id: string) => {
  assertId(id, 'That account');
  return and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, id));
};

/** One account of the org (archived ones too); a foreign or unknown id is NOT_FOUND. */
export async function getAccount(ctx: TenantCtx, id: string): Promise<AccountDto> {
  const [row] = await selectAccounts().where(byId(ctx, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'That account was not found.');
  return row;
}

/** Filters of the list; all optional so older callers ({ q, page, pageSize }) keep working. */
export type AccountListQuery = Partial<Omit<AccountListParams, 'page' | 'pageSize'>> & { page: number; pageSize: number };
type AccountFilter = Omit<AccountListQuery, 'page' | 'pageSize'>;

// LIKE wildcards in a search are literal characters, not patterns.
/** A search text as a LIKE pattern's literal part: %, _ and \\ match only themselves. */
export const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(ctx: TenantCtx, f: AccountFilter): SQL {
  const owner = f.owner ?? 'all';
  const status = f.status ?? 'active';
  const like = f.q ? `%${likeEscape(f.q)}%` : undefined;
  return and(
    eq(accounts.orgId, ctx.orgId),
    status === 'active' ? isNull(accounts.archivedAt) : status === 'archived' ? isNotNull(accounts.archivedAt) : undefined,
    like ? or(ilike(accounts.name, like), ilike(accounts.domain, like)) : undefined,
    owner === 'all' ? undefined : owner === 'none' ? isNull(accounts.ownerId) : eq(accounts.ownerId, owner === 'me' ? ctx.userId : owner),
    f.segment ? eq(accounts.segment, f.segment) : undefined,
    f.stage ? eq(accounts.stage, f.stage) : undefined,
    f.band === 'none' ? isNull(accounts.healthBand) : f.band ? eq(accounts.healthBand, f.band) : undefined,
  )!;
}

// The newest timeline event per account, as a correlated subquery: the timeline index
// (org_id, account_id, occurred_at desc) answers it, and PostgreSQL evaluates it only for the
// rows of the page unless the list is sorted by it.
const lastActivityAt = sql<Date | null>`(select max(${accountEvents.occurredAt}) from ${accountEvents} where ${accountEvents.orgId} = ${accounts.orgId} and ${accountEvents.accountId} = ${accounts.id})`
  .mapWith(accountEvents.occurredAt)
  .as('last_activity_at');

function orderOf(sort: string | undefined): SQL[] {
  const desc_ = sort?.startsWith('-') ?? false;
  const key = (sort?.replace(/^-/, '') ?? 'name') as AccountSortKey;
  const column: Record<AccountSortKey, SQL> = {
    name: sql`lower(${accounts.name})`,
    owner: sql`lower(${users.name})`,
    // enums sort in their declared order (enterprise → smb, onboarding → renewal)
    segment: sql`${accounts.segment}`,
    stage: sql`${accounts.stage}`,
    seats: sql`${accounts.licensedSeats}`,
    renewal: sql`${accounts.nextRenewalDate}`,
    activity: sql.identifier('last_activity_at').getSQL(),
    // accounts_health_idx (org_id, health_score); "not enough data" (null) goes last either way
    health: sql`${accounts.healthScore}`,
  };
  // missing values go last in either direction; ties by name, then id, so pages never overlap
  const primary = sql`${column[key] ?? column.name} ${desc_ ? sql`desc` : sql`asc`} nulls last`;
  return [primary, asc(sql`lower(${accounts.name})`), desc_ ? desc(accounts.id) : asc(accounts.id)];
}

/**
 * A page of the org's accounts with filters and sort (see AccountListParams), each with its
 * owner's name and last activity (newest event), plus the total count of matching rows.
 */
export async function listAccounts(ctx: TenantCtx, query: AccountListQuery) {
  const where = whereOf(ctx, query);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...accountColumns, lastActivityAt })
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(where)
      .orderBy(...orderOf(query.sort))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { rows, total };
}

export type AccountListRow = Awaited<ReturnType<typeof listAccounts>>['rows'][number];

/** Whether the org has any account at all, archived included (empty state vs. "no match"). */
export async function hasAnyAccount(ctx: TenantCtx): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.orgId, ctx.orgId)).limit(1);
  return Boolean(row);
}

/**
 * Every account of the org matching the list's filters, in the list's order, for the CSV export
 * (not paginated: the export is the whole filtered list). Owner as email, dates as YYYY-MM-DD.
 */
export async function listAccountsForExport(ctx: TenantCtx, filter: AccountFilter) {
  return db
    .select({
      externalId: accounts.externalId,
      name: accounts.name,
      domain: accounts.domain,
      ownerEmail: users.email,
      segment: accounts.segment,
      stage: accounts.stage,
      licensedSeats: accounts.licensedSeats,
      contractStart: accounts.contractStart,
      nextRenewalDate: accounts.nextRenewalDate,
      archivedAt: accounts.archivedAt,
      lastActivityAt,
      healthScore: accounts.healthScore,
      healthBand: accounts.healthBand,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(whereOf(ctx, filter))
    .orderBy(...orderOf(filter.sort));
}
